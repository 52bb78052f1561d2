/*
 * Copyright 2026 the Ferrum authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.ferrum.bench.report;

import java.awt.Color;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.knowm.xchart.BitmapEncoder;
import org.knowm.xchart.CategoryChart;
import org.knowm.xchart.CategoryChartBuilder;
import org.knowm.xchart.CategorySeries;
import org.knowm.xchart.style.Styler;

/**
 * Two charts per suite.
 *
 * <ul>
 *   <li>{@code <suite>.png} ({@link #write}): a bar per comparison showing how many times better ours is than the
 *       peer, with the ratio's interval as an error bar, next to the target. Ratios put rows of different units on
 *       one axis; the exact scores are in the tables.
 *   <li>{@code <suite>-side-by-side.png} ({@link #writeSideBySide}): per measurement of Ferrum, a group of bars:
 *       Ferrum, every Java peer measured against that same measurement, and Rust on this machine, as speed
 *       relative to Ferrum.
 * </ul>
 */
public final class ReportCharts {

    private ReportCharts() {}

    /**
     * The error bar of a ratio. XChart draws symmetric bars only, so the bar spans the larger of the two sides
     * of the interval (never less honest than the interval); an unknown interval draws none.
     */
    static double errorBar(Row r) {
        if (Double.isNaN(r.ratioLo()) || Double.isNaN(r.ratioHi())) {
            return 0;
        }
        double below = r.ratio() - r.ratioLo();
        double above = Double.isInfinite(r.ratioHi()) ? below : r.ratioHi() - r.ratio();
        return Math.max(0, Math.max(below, above));
    }

    /** Writes the suite's chart as a PNG; a suite without ratio rows gets none. */
    public static void write(Report.SuiteResult s, Path file) throws IOException {
        List<String> labels = new ArrayList<>();
        List<Double> ratios = new ArrayList<>();
        List<Double> errors = new ArrayList<>();
        List<Double> targets = new ArrayList<>();
        for (Row r : s.rows()) {
            if (Double.isNaN(r.ratio())) {
                continue;
            }
            labels.add(
                    r.id().startsWith(s.name() + ".")
                            ? r.id().substring(s.name().length() + 1)
                            : r.id());
            ratios.add(r.ratio());
            errors.add(errorBar(r));
            targets.add(Double.isNaN(r.target()) ? null : r.target());
        }
        if (labels.isEmpty()) {
            return;
        }
        int longest = labels.stream().mapToInt(String::length).max().orElse(10);
        CategoryChart chart = new CategoryChartBuilder()
                .width(Math.max(800, 60 * labels.size() + 200))
                .height(450 + 7 * longest)
                .title(s.name() + ": " + s.title())
                .xAxisTitle("comparison (error bar: the ratio's interval)")
                .yAxisTitle("times better than peer (x)")
                .build();
        chart.getStyler().setLegendPosition(Styler.LegendPosition.OutsideS);
        chart.getStyler().setLegendLayout(Styler.LegendLayout.Horizontal);
        // Vertical labels sit centred under their bars; slanted ones drift a bar to the left.
        chart.getStyler().setXAxisLabelRotation(90);
        chart.getStyler().setLabelsVisible(false);
        chart.getStyler().setErrorBarsColor(java.awt.Color.BLACK);
        boolean log = ratios.stream().anyMatch(r -> r > 50 || r < 0.02);
        if (log) {
            // XChart rejects a logarithmic axis if any value (a missing target counts as 0) is <= 0,
            // so missing targets are drawn at the axis floor, which leaves them invisible.
            double floor = ratios.stream()
                            .filter(r -> r > 0)
                            .mapToDouble(Double::doubleValue)
                            .min()
                            .orElse(1)
                    / 2;
            floor = Math.min(floor, 0.5);
            chart.getStyler().setYAxisLogarithmic(true);
            chart.getStyler().setYAxisMin(floor);
            // XChart's own top can fall below the largest bar on a log axis; leave a factor of 2 of headroom.
            double top = 0;
            for (int i = 0; i < ratios.size(); i++) {
                top = Math.max(top, ratios.get(i) + errors.get(i));
            }
            chart.getStyler().setYAxisMax(2 * top);
            final double f = floor;
            ratios.replaceAll(r -> r > 0 ? r : f);
            targets.replaceAll(t -> t == null || t <= 0 ? f : t);
            // On a log axis a bar reaching zero or below cannot be drawn: stop it just above the floor.
            for (int i = 0; i < ratios.size(); i++) {
                errors.set(i, Math.min(errors.get(i), ratios.get(i) - f * 1.001));
                errors.set(i, Math.max(0, errors.get(i)));
            }
        }
        chart.addSeries("ours vs peer (ratio)", labels, ratios, errors);
        chart.addSeries("target", labels, targets);
        BitmapEncoder.saveBitmap(chart, file.toString(), BitmapEncoder.BitmapFormat.PNG);
    }

    /** The file name of a suite's side-by-side chart, next to {@code <suite>.png}. */
    public static String sideBySideFile(String suite) {
        return suite + "-side-by-side.png";
    }

    /**
     * One bar of the side-by-side chart: speed relative to Ferrum and its interval {@code [lo, hi]} (NaN when
     * unknown; {@code hi} may be infinite).
     */
    record Bar(double speed, double lo, double hi) {

        /** The symmetric error bar XChart draws on a linear axis: the larger side of the interval. */
        double error() {
            if (Double.isNaN(lo) || Double.isNaN(hi)) {
                return 0;
            }
            double below = speed - lo;
            double above = Double.isInfinite(hi) ? below : hi - speed;
            return Math.max(0, Math.max(below, above));
        }

        /** The same in decades, for the log axis: the larger of {@code log10(speed / lo)}, {@code log10(hi / speed)}. */
        double logError() {
            if (Double.isNaN(lo) || Double.isNaN(hi) || speed <= 0) {
                return 0;
            }
            double below = lo <= 0 ? Double.POSITIVE_INFINITY : Math.log10(speed / lo);
            double above = Double.isInfinite(hi) ? below : Math.log10(hi / speed);
            double e = Math.max(Double.isInfinite(below) ? 0 : below, above);
            return Double.isInfinite(e) || Double.isNaN(e) ? 0 : Math.max(0, e);
        }
    }

    /**
     * One Ferrum measurement and what was measured against it: bars by series name ({@code Ferrum}, each peer,
     * each Rust side).
     */
    static final class Group {
        final List<String> ids = new ArrayList<>();
        final Map<String, Bar> bars = new LinkedHashMap<>();
        String rustBase;
    }

    /** What the side-by-side chart shows of a suite: its groups, series and whether Rust ran. */
    record SideBySide(Map<String, Group> groups, List<String> javaPeers, List<String> rustSides, String rustStatus) {}

    /**
     * Speed relative to Ferrum of the peer of a row whose ratio says how many times better Ferrum is: {@code 1 /
     * ratio}, with the interval {@code [1 / ratioHi, 1 / ratioLo]}.
     */
    static Bar peerBar(Row r) {
        double speed = 1 / r.ratio();
        if (Double.isNaN(r.ratioLo()) || Double.isNaN(r.ratioHi())) {
            return new Bar(speed, Double.NaN, Double.NaN);
        }
        double lo = Double.isInfinite(r.ratioHi()) ? 0 : 1 / r.ratioHi();
        double hi = r.ratioLo() <= 0 ? Double.POSITIVE_INFINITY : 1 / r.ratioLo();
        return new Bar(speed, lo, hi);
    }

    /** Ferrum's own bar: 1 by definition, with its score's interval relative to the score. */
    static Bar ferrumBar(Row r) {
        if (Double.isNaN(r.oursLo()) || Double.isNaN(r.oursHi()) || r.ours() <= 0) {
            return new Bar(1, Double.NaN, Double.NaN);
        }
        if (Score.higherIsBetter(r.unit())) {
            return new Bar(1, Math.max(0, r.oursLo()) / r.ours(), r.oursHi() / r.ours());
        }
        // speed goes as 1 / time
        return new Bar(
                1,
                r.oursHi() <= 0 ? Double.NaN : r.ours() / r.oursHi(),
                r.oursLo() <= 0 ? Double.POSITIVE_INFINITY : r.ours() / r.oursLo());
    }

    /**
     * Groups the suite's compared rows by the Ferrum score they share (same unit, value and interval: the same
     * benchmark result), so that every bar of a group is relative to the same Ferrum figure.
     */
    static SideBySide sideBySide(Report.SuiteResult s) {
        Map<String, Group> groups = new LinkedHashMap<>();
        Set<String> java = new LinkedHashSet<>();
        Set<String> rust = new LinkedHashSet<>();
        int rustRows = 0;
        int rustRan = 0;
        for (Row r : s.rows()) {
            boolean vsRust = RustHere.isVsRust(r);
            if (vsRust) {
                rustRows++;
            }
            if (Double.isNaN(r.ratio()) || r.peerName() == null || r.ratio() <= 0 || Double.isInfinite(r.ratio())) {
                continue;
            }
            if (vsRust) {
                rustRan++;
            }
            String key = r.unit() + "|" + r.ours() + "|" + r.oursLo() + "|" + r.oursHi();
            Group g = groups.computeIfAbsent(key, k -> new Group());
            g.ids.add(r.id());
            g.bars.putIfAbsent("Ferrum", ferrumBar(r));
            String series = r.peerName();
            if (vsRust) {
                rust.add(series);
                if (g.rustBase == null) {
                    g.rustBase = RustHere.base(r.id()).orElseThrow();
                }
            } else {
                java.add(series);
            }
            g.bars.putIfAbsent(series, peerBar(r));
        }
        String status = rustRows == 0
                ? "no Rust rows in this suite"
                : rustRan == 0
                        ? "Rust not run"
                        : rustRan < rustRows ? "Rust not run for " + (rustRows - rustRan) + " of " + rustRows : "";
        return new SideBySide(groups, List.copyOf(java), List.copyOf(rust), status);
    }

    /**
     * A group's label: the Rust base, else the longest common dot-prefix of its row ids (with what their last
     * segments share before {@code vs_}, e.g. {@code segment}), without the suite name.
     */
    static String label(String suite, Group g) {
        String label;
        if (g.rustBase != null) {
            label = g.rustBase;
        } else if (g.ids.size() == 1) {
            label = g.ids.get(0);
        } else {
            label = g.ids.get(0);
            for (String id : g.ids) {
                while (!(id.equals(label) || id.startsWith(label + ".")) && label.contains(".")) {
                    label = label.substring(0, label.lastIndexOf('.'));
                }
            }
            if (label.equals(suite)) {
                label = g.ids.get(0);
            } else {
                // what the rows' last segments share before "vs_" (e.g. "segment" in segment_vs_malloc)
                String kind = null;
                for (String id : g.ids) {
                    String last = id.substring(id.lastIndexOf('.') + 1);
                    int vs = last.indexOf("vs_");
                    String k = vs <= 0 ? "" : last.substring(0, vs).replaceAll("_+$", "");
                    kind = kind == null || kind.equals(k) ? k : "";
                }
                if (kind != null && !kind.isEmpty() && !label.equals(g.ids.get(0))) {
                    label = label + "." + kind;
                }
            }
        }
        return label.startsWith(suite + ".") ? label.substring(suite.length() + 1) : label;
    }

    private static final Color FERRUM = new Color(0xE0, 0x6C, 0x00);
    private static final Color[] JAVA = {
        new Color(0x1F, 0x77, 0xB4),
        new Color(0x2C, 0xA0, 0x2C),
        new Color(0x94, 0x67, 0xBD),
        new Color(0x17, 0xBE, 0xCF),
        new Color(0x7F, 0x7F, 0x7F),
        new Color(0xBC, 0xBD, 0x22),
        new Color(0x8C, 0x56, 0x4B),
        new Color(0xAE, 0xC7, 0xE8),
        new Color(0x98, 0xDF, 0x8A),
        new Color(0xC5, 0xB0, 0xD5)
    };
    private static final Color[] RUST = {
        new Color(0xB0, 0x1E, 0x1E),
        new Color(0xE3, 0x77, 0x77),
        new Color(0x5A, 0x0E, 0x0E),
        new Color(0xF4, 0xB0, 0xB0)
    };

    /**
     * Writes the suite's side-by-side chart: for each Ferrum measurement, bars for Ferrum (1.0), each Java peer and
     * each Rust side measured against it, as speed relative to Ferrum (higher is faster), error bars from the
     * intervals. A missing Rust figure draws no bar and the title says "Rust not run".
     *
     * @return whether a chart was written (a suite without compared rows gets none)
     */
    public static boolean writeSideBySide(Report.SuiteResult s, Path file) throws IOException {
        SideBySide data = sideBySide(s);
        if (data.groups().isEmpty()) {
            return false;
        }
        List<String> labels = new ArrayList<>();
        for (Group g : data.groups().values()) {
            String label = label(s.name(), g);
            String unique = label;
            for (int n = 2; labels.contains(unique); n++) {
                unique = label + " (" + n + ")";
            }
            labels.add(unique);
        }
        List<String> series = new ArrayList<>();
        series.add("Ferrum");
        series.addAll(data.javaPeers());
        series.addAll(data.rustSides());
        double top = 0;
        double bottom = Double.POSITIVE_INFINITY;
        for (Group g : data.groups().values()) {
            for (Bar b : g.bars.values()) {
                top = Math.max(top, b.speed() + b.error());
                bottom = Math.min(bottom, b.speed());
            }
        }
        // Wide spreads go on a log axis. XChart's error bars are not right on its own log axis, so the bars are
        // drawn as decades above a floor on a linear axis, labelled back as speeds.
        boolean log = top / bottom > 50;
        double floorExp = Math.floor(Math.log10(bottom) - 0.3);
        int longest = labels.stream().mapToInt(String::length).max().orElse(10);
        String title = s.name() + ": Ferrum, Java peers and Rust (this machine), same run"
                + (data.rustStatus().isEmpty() ? "" : " [" + data.rustStatus() + "]");
        CategoryChart chart = new CategoryChartBuilder()
                .width(Math.max(900, 200 + labels.size() * Math.max(50, 9 * series.size()))
                        + 60
                        + 7 * series.stream().mapToInt(String::length).max().orElse(10))
                .height(Math.max(500 + 7 * longest, 120 + 22 * series.size()))
                .title(title)
                .xAxisTitle("Ferrum measurement (each group: bars relative to that one Ferrum score; error bar: the"
                        + " interval)")
                .yAxisTitle("speed relative to Ferrum (= 1 / ratio, higher = faster)" + (log ? ", log" : ""))
                .build();
        chart.getStyler().setLegendPosition(Styler.LegendPosition.OutsideE);
        chart.getStyler().setLegendLayout(Styler.LegendLayout.Vertical);
        chart.getStyler().setXAxisLabelRotation(90);
        chart.getStyler().setLabelsVisible(false);
        chart.getStyler().setErrorBarsColor(Color.BLACK);
        if (log) {
            chart.getStyler().setYAxisMin(0.0);
            chart.getStyler().setYAxisMax(Math.ceil(Math.log10(top) - floorExp + 0.3));
            chart.getStyler().setyAxisTickLabelsFormattingFunction(v -> Format.num(Math.pow(10, v + floorExp)));
        }
        int javaColor = 0;
        int rustColor = 0;
        for (String name : series) {
            List<Double> speeds = new ArrayList<>();
            List<Double> errors = new ArrayList<>();
            for (Group g : data.groups().values()) {
                Bar b = g.bars.get(name);
                // No bar: zero height; XChart wants a value in every category.
                if (b == null) {
                    speeds.add(0.0);
                    errors.add(0.0);
                } else if (log) {
                    double height = Math.log10(b.speed()) - floorExp;
                    speeds.add(height);
                    errors.add(Math.min(b.logError(), height));
                } else {
                    speeds.add(b.speed());
                    errors.add(b.error());
                }
            }
            boolean isRust = data.rustSides().contains(name);
            String legend = name.equals("Ferrum") ? "Ferrum (= 1)" : name;
            CategorySeries cs = chart.addSeries(legend, labels, speeds, errors);
            cs.setFillColor(
                    name.equals("Ferrum")
                            ? FERRUM
                            : isRust ? RUST[rustColor++ % RUST.length] : JAVA[javaColor++ % JAVA.length]);
        }
        if (data.rustSides().isEmpty()) {
            // say it in the legend too: an empty series draws no bar
            List<Double> none = new ArrayList<>();
            labels.forEach(l -> none.add(0.0));
            chart.addSeries(
                            data.rustStatus().equals("Rust not run")
                                    ? "Rust (this machine): not run"
                                    : "Rust (this machine): none",
                            labels,
                            none)
                    .setFillColor(RUST[0]);
        }
        BitmapEncoder.saveBitmap(chart, file.toString(), BitmapEncoder.BitmapFormat.PNG);
        return true;
    }
}
