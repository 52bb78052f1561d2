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

/**
 * The comparison report of one run: its mode, when it started, the machine it ran on, and each suite's rows.
 *
 * <p>The formats live apart: {@link ReportJson} ({@code report.json}), {@link ReportMarkdown} ({@code report.md}
 * and the tables the docs quote), {@link ReportCharts} ({@code charts/}), and {@link #print} for the terminal.
 */
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
    private final Map<String, Object> machine = new LinkedHashMap<>();
    private final List<SuiteResult> suites = new ArrayList<>();
    private Map<String, List<Headline>> headlines = Map.of();

    /** A report of this run's machine (facts read now; the runner adds the load average at the end). */
    public Report(String mode, Instant started) {
        this(mode, started, MachineFacts.now(List.of()));
    }

    /** A report with the given machine facts (read back from report.json, or gathered by the runner). */
    public Report(String mode, Instant started, Map<String, Object> machine) {
        this.mode = mode;
        this.started = started;
        this.machine.putAll(machine);
    }

    /** Which rows the README headline cells ({@code tables/headline-<suite>.md}) quote, by suite name. */
    public Report headlines(Map<String, List<Headline>> bySuite) {
        this.headlines = Map.copyOf(bySuite);
        return this;
    }

    /** Records one more machine fact (e.g. {@code loadAverageAfter}). */
    public void machineFact(String name, Object value) {
        machine.put(name, value);
    }

    public void add(SuiteResult result) {
        suites.add(result);
    }

    public List<SuiteResult> suites() {
        return suites;
    }

    public String mode() {
        return mode;
    }

    public Instant started() {
        return started;
    }

    /** Machine facts, in the order gathered. */
    public Map<String, Object> machine() {
        return machine;
    }

    Map<String, List<Headline>> headlineRows() {
        return headlines;
    }

    /**
     * Writes report.json, report.md, tables/ and charts/&lt;suite&gt;.png and charts/&lt;suite&gt;-side-by-side.png
     * into {@code dir}.
     */
    public void write(Path dir) throws IOException {
        Files.createDirectories(dir);
        Files.writeString(dir.resolve("report.json"), ReportJson.write(this));
        Files.writeString(dir.resolve("report.md"), ReportMarkdown.report(this));
        writeTablesAndCharts(dir);
    }

    /** Writes tables/ and charts/ (everything derived from the rows) into {@code dir}. */
    public void writeTablesAndCharts(Path dir) throws IOException {
        Path tables = Files.createDirectories(dir.resolve("tables"));
        for (SuiteResult s : suites) {
            Files.writeString(tables.resolve(s.name() + ".md"), ReportMarkdown.sideBySide(s));
            Files.writeString(
                    tables.resolve("headline-" + s.name() + ".md"),
                    ReportMarkdown.headline(s, headlines.getOrDefault(s.name(), List.of())));
        }
        Files.writeString(tables.resolve("targets.md"), ReportMarkdown.targets(this));
        Path charts = Files.createDirectories(dir.resolve("charts"));
        for (SuiteResult s : suites) {
            try {
                ReportCharts.write(s, charts.resolve(s.name() + ".png"));
            } catch (RuntimeException e) {
                // A chart is a convenience; the numbers are in report.json/report.md already.
                System.err.println("chart for suite " + s.name() + " not written: " + e);
            }
            try {
                ReportCharts.writeSideBySide(s, charts.resolve(ReportCharts.sideBySideFile(s.name())));
            } catch (RuntimeException e) {
                System.err.println("side-by-side chart for suite " + s.name() + " not written: " + e);
            }
        }
    }

    /** Column titles of the terminal table and of report.md. */
    static final String[] HEADER = {
        "id",
        "ours",
        "peer",
        "unit",
        "ratio [interval]",
        "target",
        "met",
        "Rust document",
        "Rust (this machine)",
        "B/op ours",
        "B/op peer"
    };

    /**
     * One row's cells under {@link #HEADER}; {@code here} is its same-machine Rust figure ({@link RustHere#forRows}),
     * or {@code null} when it has no Rust counterpart.
     */
    static String[] cells(Row r, RustHere here) {
        String peer = r.peerName() == null
                ? "-"
                : Format.withInterval(r.peer(), r.peerLo(), r.peerHi(), false) + " (" + r.peerName() + ")";
        String rust = r.rust() == null ? "-" : r.rust().text();
        return new String[] {
            r.id(),
            Format.withInterval(r.ours(), r.oursLo(), r.oursHi(), false),
            peer,
            r.unit(),
            Format.withInterval(r.ratio(), r.ratioLo(), r.ratioHi(), true),
            Format.target(r),
            Format.met(r.met()),
            rust,
            RustHere.cell(here),
            Format.num(r.oursBytesPerOp()),
            Format.num(r.peerBytesPerOp())
        };
    }

    /** Prints the report as aligned text tables. */
    public void print(PrintStream out) {
        out.println();
        out.println("==================== Ferrum benchmark report (" + mode + ") ====================");
        out.println("[lo..hi] = interval: JMH's 99.9% confidence interval for one fork, min-max over forks or rounds;");
        out.println("met: yes / NO / noise (the ratio's interval straddles the target: this run cannot tell)");
        for (SuiteResult s : suites) {
            out.println();
            out.println("## " + s.name() + ": " + s.title() + "  [" + s.status() + "]");
            if (!s.rows().isEmpty()) {
                List<String[]> table = new ArrayList<>();
                table.add(HEADER);
                Map<String, RustHere> here = RustHere.forRows(s.rows());
                s.rows().forEach(r -> table.add(cells(r, here.get(r.id()))));
                Format.printTable(table, out);
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
}
