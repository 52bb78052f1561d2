/*
 * Copyright 2026 the Ferrum authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.ferrum.bench.report;

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

    public static String ratio(double r) {
        return Double.isNaN(r) ? "-" : String.format(Locale.ROOT, "%.2fx", r);
    }

    public static String met(Boolean met) {
        return met == null ? "-" : met ? "yes" : "NO";
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
