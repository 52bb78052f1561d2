/*
 * Copyright 2026 the Ferrum authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.ferrum.bench.report;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.knowm.xchart.BitmapEncoder;
import org.knowm.xchart.CategoryChart;
import org.knowm.xchart.CategoryChartBuilder;
import org.knowm.xchart.style.Styler;

/** The comparison report: {@code report.json}, {@code report.md}, one chart per suite, and a terminal table. */
public final class Report {

    /**
     * One suite's part of the report.
     *
     * @param name   suite name
     * @param title  suite title
     * @param status {@code measured}, {@code not implemented} or {@code failed}
     * @param rows   its rows
     * @param notes  caveats and failures
     */
    public record SuiteResult(String name, String title, String status, List<Row> rows, List<String> notes) {}

    private final String mode;
    private final Instant started;
    private final List<SuiteResult> suites = new ArrayList<>();
    private Map<String, List<Headline>> headlines = Map.of();

    public Report(String mode, Instant started) {
        this.mode = mode;
        this.started = started;
    }

    /** Which rows the README headline cells ({@code tables/headline-<suite>.md}) quote, by suite name. */
    public Report headlines(Map<String, List<Headline>> bySuite) {
        this.headlines = Map.copyOf(bySuite);
        return this;
    }

    public void add(SuiteResult result) {
        suites.add(result);
    }

    public List<SuiteResult> suites() {
        return suites;
    }

    /** Machine facts printed with every report: numbers mean little without them. */
    Map<String, Object> machine() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("cores", Runtime.getRuntime().availableProcessors());
        m.put("maxHeapBytes", Runtime.getRuntime().maxMemory());
        m.put(
                "os",
                System.getProperty("os.name") + " " + System.getProperty("os.version") + " "
                        + System.getProperty("os.arch"));
        m.put("jvm", System.getProperty("java.vm.name") + " " + System.getProperty("java.runtime.version"));
        String cpu = "unknown";
        try {
            for (String line : Files.readAllLines(Path.of("/proc/cpuinfo"))) {
                if (line.startsWith("model name")) {
                    cpu = line.substring(line.indexOf(':') + 1).trim();
                    break;
                }
            }
        } catch (IOException | RuntimeException e) {
            // Not Linux: the CPU model stays "unknown".
        }
        m.put("cpu", cpu);
        return m;
    }

    private static final String[] HEADER = {
        "id", "ours", "peer", "unit", "ratio", "target", "met", "Rust doc", "B/op ours", "B/op peer"
    };

    private static String[] cells(Row r) {
        String peer = r.peerName() == null ? "-" : Format.num(r.peer()) + " (" + r.peerName() + ")";
        String rust = r.rust() == null ? "-" : r.rust().text();
        return new String[] {
            r.id(),
            Format.num(r.ours()),
            peer,
            r.unit(),
            Format.ratio(r.ratio()),
            Format.target(r),
            Format.met(r.met()),
            rust,
            Format.num(r.oursBytesPerOp()),
            Format.num(r.peerBytesPerOp())
        };
    }

    /**
     * One suite as the guide shows it: what the Rust document printed next to what this run measured.
     * {@link PublishReport} splices these tables into {@code docs/rust-to-java.md}, so the guide's numbers
     * are always a report's numbers.
     */
    static String sideBySide(SuiteResult s) {
        StringBuilder sb = new StringBuilder();
        if (s.rows().isEmpty()) {
            return sb.append("_").append(s.status()).append("_\n").toString();
        }
        sb.append("| Measurement | Rust document | Ferrum | Peer (same run) | Ratio | Target | Met |\n");
        sb.append("|---|---|---|---|---|---|---|\n");
        for (Row r : s.rows()) {
            String ours = Double.isNaN(r.ours()) ? "not measured" : Format.num(r.ours()) + " " + r.unit();
            String peer =
                    r.peerName() == null ? "-" : Format.num(r.peer()) + " " + r.unit() + " (" + r.peerName() + ")";
            String rust = r.rust() == null ? "-" : r.rust().text();
            String[] cells = {
                r.description(), rust, ours, peer, Format.ratio(r.ratio()), Format.target(r), Format.met(r.met())
            };
            sb.append('|');
            for (String c : cells) {
                sb.append(' ').append(c.replace("|", "\\|").replace("\n", " ")).append(" |");
            }
            sb.append('\n');
        }
        return sb.toString();
    }

    /** The README's module-table cell for a suite: its headline rows as "label: ratio vs peer (met)". */
    String headline(SuiteResult s) {
        List<String> parts = new ArrayList<>();
        for (Headline h : headlines.getOrDefault(s.name(), List.of())) {
            for (Row r : s.rows()) {
                if (!r.id().equals(h.rowId()) || Double.isNaN(r.ours())) {
                    continue;
                }
                String value = r.peerName() == null
                        ? "**" + Format.num(r.ours()) + " " + r.unit() + "**"
                        : "**" + Format.ratio(r.ratio()) + "** vs "
                                + r.peerName().replaceFirst(" \\(.*$", "");
                String verdict = r.met() == null
                        ? ""
                        : r.met()
                                ? " (target " + Format.target(r) + " met)"
                                : " (target " + Format.target(r) + " not met)";
                parts.add(h.label() + ": " + value + verdict);
            }
        }
        return parts.isEmpty() ? "not measured in this report" : String.join("; ", parts);
    }

    /** Every row that has a target, across suites: the README's "what we promised, what we measured". */
    String targets() {
        StringBuilder sb = new StringBuilder();
        sb.append("| Suite | Measurement | Ferrum | Peer (same run) | Ratio | Target | Met |\n");
        sb.append("|---|---|---|---|---|---|---|\n");
        for (SuiteResult s : suites) {
            for (Row r : s.rows()) {
                if (Double.isNaN(r.target())) {
                    continue;
                }
                String ours = Double.isNaN(r.ours()) ? "not measured" : Format.num(r.ours()) + " " + r.unit();
                String peer = r.peerName() == null ? "-" : Format.num(r.peer()) + " (" + r.peerName() + ")";
                String[] cells = {
                    s.name(),
                    "`" + r.id() + "`",
                    ours,
                    peer,
                    Format.ratio(r.ratio()),
                    Format.target(r),
                    Format.met(r.met())
                };
                sb.append('|');
                for (String c : cells) {
                    sb.append(' ')
                            .append(c.replace("|", "\\|").replace("\n", " "))
                            .append(" |");
                }
                sb.append('\n');
            }
        }
        return sb.toString();
    }

    /** The report as Markdown. */
    String toMarkdown() {
        StringBuilder sb = new StringBuilder();
        sb.append("# Ferrum benchmark report\n\n");
        sb.append("Mode: **")
                .append(mode)
                .append("**, started ")
                .append(started)
                .append(".  \n");
        machine().forEach((k, v) -> sb.append(k).append(": ").append(v).append("  \n"));
        sb.append("\nratio = how many times better ours is than the peer (above 1 = ours better, whichever way the "
                + "unit points). B/op from JMH `-prof gc` (`gc.alloc.rate.norm`).\n");
        for (SuiteResult s : suites) {
            sb.append("\n## ").append(s.name()).append(": ").append(s.title()).append("\n\n");
            if (!s.rows().isEmpty()) {
                sb.append("![")
                        .append(s.name())
                        .append("](charts/")
                        .append(s.name())
                        .append(".png)\n\n");
                sb.append('|').append(String.join("|", HEADER)).append("|\n|");
                sb.append("---|".repeat(HEADER.length)).append('\n');
                for (Row r : s.rows()) {
                    sb.append('|');
                    for (String c : cells(r)) {
                        sb.append(c.replace("|", "\\|")).append('|');
                    }
                    sb.append('\n');
                }
            } else {
                sb.append("_").append(s.status()).append("_\n");
            }
            for (Row r : s.rows()) {
                if (r.note() != null && !r.note().isBlank()) {
                    sb.append("\n- `").append(r.id()).append("`: ").append(r.note());
                }
            }
            for (String n : s.notes()) {
                sb.append("\n- ").append(n);
            }
            sb.append('\n');
        }
        return sb.toString();
    }

    /** Prints the report as aligned text tables. */
    public void print(PrintStream out) {
        out.println();
        out.println("==================== Ferrum benchmark report (" + mode + ") ====================");
        for (SuiteResult s : suites) {
            out.println();
            out.println("## " + s.name() + ": " + s.title() + "  [" + s.status() + "]");
            if (!s.rows().isEmpty()) {
                List<String[]> table = new ArrayList<>();
                table.add(HEADER);
                s.rows().forEach(r -> table.add(cells(r)));
                int[] width = new int[HEADER.length];
                for (String[] row : table) {
                    for (int i = 0; i < row.length; i++) {
                        width[i] = Math.max(width[i], Math.min(row[i].length(), 48));
                    }
                }
                for (int t = 0; t < table.size(); t++) {
                    StringBuilder line = new StringBuilder();
                    for (int i = 0; i < width.length; i++) {
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
            for (Row r : s.rows()) {
                if (r.note() != null && !r.note().isBlank()) {
                    out.println("  note " + r.id() + ": " + r.note());
                }
            }
            s.notes().forEach(n -> out.println("  * " + n));
        }
        out.println();
    }

    /** Writes report.json, report.md, tables/ and charts/&lt;suite&gt;.png into {@code dir}. */
    public void write(Path dir) throws IOException {
        Files.createDirectories(dir);
        Files.writeString(dir.resolve("report.json"), ReportJson.write(this));
        Files.writeString(dir.resolve("report.md"), toMarkdown());
        writeTablesAndCharts(dir);
    }

    String mode() {
        return mode;
    }

    Instant started() {
        return started;
    }

    /** Writes tables/ and charts/ (everything derived from the rows) into {@code dir}. */
    public void writeTablesAndCharts(Path dir) throws IOException {
        Path tables = Files.createDirectories(dir.resolve("tables"));
        for (SuiteResult s : suites) {
            Files.writeString(tables.resolve(s.name() + ".md"), sideBySide(s));
            Files.writeString(tables.resolve("headline-" + s.name() + ".md"), headline(s));
        }
        Files.writeString(tables.resolve("targets.md"), targets());
        Path charts = Files.createDirectories(dir.resolve("charts"));
        for (SuiteResult s : suites) {
            try {
                writeChart(s, charts.resolve(s.name() + ".png"));
            } catch (RuntimeException e) {
                // A chart is a convenience; the numbers are in report.json/report.md already.
                System.err.println("chart for suite " + s.name() + " not written: " + e);
            }
        }
    }

    /**
     * One bar per comparison: how many times better ours is than the peer, next to the target.
     * Ratios put rows of different units on one axis; the exact scores are in the table.
     */
    static void writeChart(SuiteResult s, Path file) throws IOException {
        List<String> labels = new ArrayList<>();
        List<Double> ratios = new ArrayList<>();
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
                .xAxisTitle("comparison")
                .yAxisTitle("times better than peer (x)")
                .build();
        chart.getStyler().setLegendPosition(Styler.LegendPosition.OutsideS);
        chart.getStyler().setLegendLayout(Styler.LegendLayout.Horizontal);
        // Vertical labels sit centred under their bars; slanted ones drift a bar to the left.
        chart.getStyler().setXAxisLabelRotation(90);
        boolean log = ratios.stream().anyMatch(r -> r > 50 || r < 0.02);
        chart.getStyler().setLabelsVisible(false);
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
            chart.getStyler()
                    .setYAxisMax(2
                            * ratios.stream()
                                    .mapToDouble(Double::doubleValue)
                                    .max()
                                    .orElse(1));
            final double f = floor;
            ratios.replaceAll(r -> r > 0 ? r : f);
            targets.replaceAll(t -> t == null || t <= 0 ? f : t);
        }
        chart.addSeries("ours vs peer (ratio)", labels, ratios);
        chart.addSeries("target", labels, targets);
        BitmapEncoder.saveBitmap(chart, file.toString(), BitmapEncoder.BitmapFormat.PNG);
    }
}
