/*
 * Copyright 2026 the Ferrum authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.ferrum.bench.report;

import java.io.PrintStream;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Two runs side by side, row by row: did the change between them help? (the JMH user's question, asked of the
 * whole report). A row's figure is its ratio against the peer, or its own score for a row without a peer; a
 * change counts only when the two intervals do not overlap.
 */
public final class RunComparison {

    /** How a row moved from the old run to the new one. */
    public enum Change {
        /** Better, and the intervals do not overlap. */
        BETTER("better"),
        /** Worse, and the intervals do not overlap. */
        WORSE("WORSE"),
        /** The intervals overlap: this pair of runs cannot tell. */
        WITHIN_NOISE("within noise"),
        /** At least one run has no interval for the row (e.g. an old report), so noise cannot be judged. */
        UNKNOWN("no interval"),
        /** Measured in one run only, or in neither. */
        NOT_COMPARABLE("not in both");

        private final String text;

        Change(String text) {
            this.text = text;
        }

        public String text() {
            return text;
        }
    }

    /**
     * One row in both runs.
     *
     * @param id      the row's id
     * @param what    {@code "ratio"} or the unit of an absolute row
     * @param oldFig  the old run's figure (NaN when it did not have the row)
     * @param oldLo   its interval's lower end (NaN when unknown)
     * @param oldHi   its interval's upper end
     * @param newFig  the new run's figure
     * @param newLo   its interval's lower end
     * @param newHi   its interval's upper end
     * @param oldMet  the old verdict, or {@code null}
     * @param newMet  the new verdict, or {@code null}
     * @param change  how it moved
     */
    public record Line(
            String id,
            String what,
            double oldFig,
            double oldLo,
            double oldHi,
            double newFig,
            double newLo,
            double newHi,
            Verdict oldMet,
            Verdict newMet,
            Change change) {}

    private RunComparison() {}

    /**
     * Every row of the suites the new run measured, in the new run's order (rows that only the old run had
     * in those suites last). Suites the new run left out ({@code --suite}) are not compared.
     */
    public static List<Line> compare(Report older, Report newer) {
        Map<String, Row> old = rowsById(older);
        Map<String, Row> now = rowsById(newer);
        Set<String> suites = new HashSet<>();
        newer.suites().forEach(s -> suites.add(s.name()));
        List<Line> lines = new ArrayList<>();
        for (Row n : now.values()) {
            lines.add(line(old.get(n.id()), n));
        }
        for (Row o : old.values()) {
            if (!now.containsKey(o.id()) && suites.contains(o.suite())) {
                lines.add(line(o, null));
            }
        }
        return lines;
    }

    private static Map<String, Row> rowsById(Report report) {
        Map<String, Row> rows = new LinkedHashMap<>();
        report.suites().forEach(s -> s.rows().forEach(r -> rows.put(r.id(), r)));
        return rows;
    }

    /** A row's figure and interval: the ratio, or the score itself for a row without a peer. */
    private static double[] figure(Row r) {
        if (r == null) {
            return new double[] {Double.NaN, Double.NaN, Double.NaN};
        }
        if (r.peerName() != null) {
            return new double[] {r.ratio(), r.ratioLo(), r.ratioHi()};
        }
        return new double[] {r.ours(), r.oursLo(), r.oursHi()};
    }

    static Line line(Row o, Row n) {
        Row any = n != null ? n : o;
        double[] a = figure(o);
        double[] b = figure(n);
        String what = any.peerName() != null ? "ratio" : any.unit();
        boolean higherIsBetter = any.peerName() != null || Score.higherIsBetter(any.unit());
        return new Line(
                any.id(),
                what,
                a[0],
                a[1],
                a[2],
                b[0],
                b[1],
                b[2],
                o == null ? null : o.met(),
                n == null ? null : n.met(),
                change(a, b, higherIsBetter));
    }

    /** Outside the noise only when the intervals are disjoint; oriented by which way is better. */
    static Change change(double[] old, double[] now, boolean higherIsBetter) {
        if (Double.isNaN(old[0]) || Double.isNaN(now[0])) {
            return Change.NOT_COMPARABLE;
        }
        if (Double.isNaN(old[1]) || Double.isNaN(old[2]) || Double.isNaN(now[1]) || Double.isNaN(now[2])) {
            return Change.UNKNOWN;
        }
        boolean up = now[1] > old[2];
        boolean down = now[2] < old[1];
        if (!up && !down) {
            return Change.WITHIN_NOISE;
        }
        return up == higherIsBetter ? Change.BETTER : Change.WORSE;
    }

    /** Prints the comparison as an aligned table with a one-line summary. */
    public static void print(List<Line> lines, String oldName, String newName, PrintStream out) {
        out.println();
        out.println("==================== compared with " + oldName + " ====================");
        out.println("figure = ratio vs the peer (above 1 = ours better), or the score of a row without a peer;");
        out.println("a change counts only when the old and new intervals do not overlap.");
        List<String[]> table = new ArrayList<>();
        table.add(new String[] {"id", "what", "old", "new", "change", "met old -> new"});
        Map<Change, Integer> counts = new LinkedHashMap<>();
        for (Line l : lines) {
            counts.merge(l.change(), 1, Integer::sum);
            table.add(new String[] {
                l.id(),
                l.what(),
                Format.withInterval(l.oldFig(), l.oldLo(), l.oldHi(), l.what().equals("ratio")),
                Format.withInterval(l.newFig(), l.newLo(), l.newHi(), l.what().equals("ratio")),
                l.change().text(),
                Format.met(l.oldMet()) + " -> " + Format.met(l.newMet())
            });
        }
        Format.printTable(table, out);
        List<String> summary = new ArrayList<>();
        counts.forEach((c, k) -> summary.add(k + " " + c.text()));
        out.println(String.format(
                Locale.ROOT, "%d rows: %s (new run: %s)", lines.size(), String.join(", ", summary), newName));
    }
}
