/*
 * Copyright 2026 the Ferrum authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.ferrum.bench.report;

import java.io.PrintStream;
import java.util.List;
import java.util.Locale;

/** How numbers, ratios and verdicts are written in every table (Markdown, terminal, README cells). */
public final class Format {

    private Format() {}

    /** Formats a number with 3-4 significant digits, or "-" when unmeasured. */
    public static String num(double v) {
        if (Double.isNaN(v) || Double.isInfinite(v)) {
            return "-";
        }
        double a = Math.abs(v);
        if (a == 0) {
            return "0";
        }
        if (a >= 1e9) {
            return String.format(Locale.ROOT, "%.2fG", v / 1e9);
        }
        if (a >= 1e6) {
            return String.format(Locale.ROOT, "%.2fM", v / 1e6);
        }
        if (a >= 1e4) {
            return String.format(Locale.ROOT, "%.1fk", v / 1e3);
        }
        if (a >= 100) {
            return String.format(Locale.ROOT, "%.0f", v);
        }
        if (a >= 10) {
            return String.format(Locale.ROOT, "%.1f", v);
        }
        if (a >= 0.01) {
            return String.format(Locale.ROOT, "%.3f", v);
        }
        return String.format(Locale.ROOT, "%.2e", v);
    }

    /** A ratio as {@code 3.50x}, or "-". */
    public static String ratio(double r) {
        return Double.isNaN(r) ? "-" : String.format(Locale.ROOT, "%.2fx", r);
    }

    /** A verdict as tables show it: {@code yes}, {@code NO} (capitals: it should catch the eye), {@code noise}. */
    public static String met(Verdict met) {
        if (met == null) {
            return "-";
        }
        return switch (met) {
            case YES -> "yes";
            case NO -> "NO";
            case NOISE -> "noise";
        };
    }

    /** An interval as {@code 3.10..3.90} (ratios with two decimals), or "" when unknown. */
    public static String interval(double lo, double hi, boolean ratio) {
        if (Double.isNaN(lo) || Double.isNaN(hi)) {
            return "";
        }
        String top = Double.isInfinite(hi) ? "inf" : ratio ? String.format(Locale.ROOT, "%.2f", hi) : num(hi);
        return (ratio ? String.format(Locale.ROOT, "%.2f", lo) : num(lo)) + ".." + top;
    }

    /** A figure with its interval in brackets: {@code 3.50x [3.10..3.90]}, or the figure alone when unknown. */
    public static String withInterval(double value, double lo, double hi, boolean ratio) {
        String v = ratio ? ratio(value) : num(value);
        String i = interval(lo, hi, ratio);
        return i.isEmpty() || Double.isNaN(value) ? v : v + " [" + i + "]";
    }

    /** Prints rows of cells as aligned columns (cells longer than 48 characters are cut), header underlined. */
    public static void printTable(List<String[]> table, PrintStream out) {
        int columns = table.get(0).length;
        int[] width = new int[columns];
        for (String[] row : table) {
            for (int i = 0; i < row.length; i++) {
                width[i] = Math.max(width[i], Math.min(row[i].length(), 48));
            }
        }
        for (int t = 0; t < table.size(); t++) {
            StringBuilder line = new StringBuilder();
            for (int i = 0; i < columns; i++) {
                String c = table.get(t)[i];
                if (c.length() > 48) {
                    c = c.substring(0, 45) + "...";
                }
                line.append(String.format("%-" + width[i] + "s", c)).append("  ");
            }
            out.println(line.toString().stripTrailing());
            if (t == 0) {
                out.println("-".repeat(line.toString().stripTrailing().length()));
            }
        }
    }

    public static String target(Row row) {
        if (Double.isNaN(row.target())) {
            return "-";
        }
        if (row.peerName() == null) {
            return (Score.higherIsBetter(row.unit()) ? ">= " : "<= ") + num(row.target());
        }
        return ">= " + ratio(row.target());
    }
}
