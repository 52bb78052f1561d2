/*
 * Copyright 2026 the Ferrum authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.ferrum.bench.report;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.knowm.xchart.BitmapEncoder;
import org.knowm.xchart.CategoryChart;
import org.knowm.xchart.CategoryChartBuilder;
import org.knowm.xchart.style.Styler;

/**
 * One chart per suite: a bar per comparison showing how many times better ours is than the peer, with the
 * ratio's interval as an error bar, next to the target. Ratios put rows of different units on one axis; the
 * exact scores are in the tables.
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
}
