/*
 * Copyright 2026 the Ferrum authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.ferrum.bench.report;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The report in Markdown: {@code report.md}, and the tables the docs quote ({@code tables/<suite>.md},
 * {@code tables/targets.md}, {@code tables/headline-<suite>.md}), which the runner's {@code PublishReport}
 * splices into the guide and the READMEs.
 */
public final class ReportMarkdown {

    private ReportMarkdown() {}

    private static String cell(String c) {
        return c.replace("|", "\\|").replace("\n", " ");
    }

    private static void line(StringBuilder sb, String... cells) {
        sb.append('|');
        for (String c : cells) {
            sb.append(' ').append(cell(c)).append(" |");
        }
        sb.append('\n');
    }

    private static String ours(Row r) {
        return Double.isNaN(r.ours())
                ? "not measured"
                : Format.withInterval(r.ours(), r.oursLo(), r.oursHi(), false) + " " + r.unit();
    }

    private static String ratio(Row r) {
        return Format.withInterval(r.ratio(), r.ratioLo(), r.ratioHi(), true);
    }

    /**
     * One suite as the guide shows it: what the Rust document printed next to what this run measured, with
     * each figure's interval.
     */
    public static String sideBySide(Report.SuiteResult s) {
        StringBuilder sb = new StringBuilder();
        if (s.rows().isEmpty()) {
            return sb.append("_").append(s.status()).append("_\n").toString();
        }
        sb.append("| Measurement | Rust document | Rust (this machine) | Ferrum | Peer (same run) | Ratio [interval] |"
                + " Target | Met |\n");
        sb.append("|---|---|---|---|---|---|---|---|\n");
        Map<String, RustHere> here = RustHere.forRows(s.rows());
        for (Row r : s.rows()) {
            String peer = r.peerName() == null
                    ? "-"
                    : Format.withInterval(r.peer(), r.peerLo(), r.peerHi(), false) + " " + r.unit() + " ("
                            + r.peerName() + ")";
            String rust = r.rust() == null ? "-" : r.rust().text();
            line(
                    sb,
                    r.description(),
                    rust,
                    RustHere.cell(here.get(r.id())),
                    ours(r),
                    peer,
                    ratio(r),
                    Format.target(r),
                    Format.met(r.met()));
        }
        return sb.toString();
    }

    /** The README's module-table cell for a suite: its headline rows as "label: ratio vs peer (verdict)". */
    public static String headline(Report.SuiteResult s, List<Headline> wanted) {
        List<String> parts = new ArrayList<>();
        for (Headline h : wanted) {
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
                        : switch (r.met()) {
                            case YES -> " (target " + Format.target(r) + " met)";
                            case NO -> " (target " + Format.target(r) + " not met)";
                            case NOISE -> " (target " + Format.target(r) + ": within noise)";
                        };
                parts.add(h.label() + ": " + value + verdict);
            }
        }
        return parts.isEmpty() ? "not measured in this report" : String.join("; ", parts);
    }

    /** Every row that has a target, across suites: the README's "what we promised, what we measured". */
    public static String targets(Report report) {
        StringBuilder sb = new StringBuilder();
        sb.append("| Suite | Measurement | Ferrum | Peer (same run) | Rust (this machine) | Ratio [interval] | Target |"
                + " Met |\n");
        sb.append("|---|---|---|---|---|---|---|---|\n");
        for (Report.SuiteResult s : report.suites()) {
            Map<String, RustHere> here = RustHere.forRows(s.rows());
            for (Row r : s.rows()) {
                if (Double.isNaN(r.target())) {
                    continue;
                }
                String peer = r.peerName() == null
                        ? "-"
                        : Format.withInterval(r.peer(), r.peerLo(), r.peerHi(), false) + " (" + r.peerName() + ")";
                line(
                        sb,
                        s.name(),
                        "`" + r.id() + "`",
                        ours(r),
                        peer,
                        RustHere.cell(here.get(r.id())),
                        ratio(r),
                        Format.target(r),
                        Format.met(r.met()));
            }
        }
        return sb.toString();
    }

    /** The whole report as Markdown. */
    public static String report(Report report) {
        StringBuilder sb = new StringBuilder();
        sb.append("# Ferrum benchmark report\n\n");
        sb.append("Mode: **")
                .append(report.mode())
                .append("**, started ")
                .append(report.started())
                .append(".  \n");
        report.machine().forEach((k, v) -> sb.append(k).append(": ").append(v).append("  \n"));
        sb.append("\nratio = how many times better ours is than the peer (above 1 = ours better, whichever way the "
                + "unit points). [lo..hi] = interval: JMH's 99.9% confidence interval for a single fork, the range "
                + "over forks (or interleaved rounds) otherwise; the ratio's interval is the widest the two scores' "
                + "intervals allow. met: yes, NO, or noise when the ratio's interval straddles the target. "
                + "B/op from JMH `-prof gc` (`gc.alloc.rate.norm`). Rust document: the figure the Rust project's "
                + "document prints, measured on another machine. Rust (this machine): the Rust side measured in this "
                + "run on this machine, taken from the `<base>.vs_rust` row whose base id is the longest prefix of the "
                + "row's id, quoted in the unit of that `vs_rust` row (not converted to this row's unit), with its "
                + "interval when the Rust harness gives one; `not run` = the "
                + "Rust side did not run (its `vs_rust` rows say why); `-` = no Rust counterpart.\n\n"
                + "Charts: the first per suite is each row's ratio with its interval, next to the target. The second "
                + "(side by side) groups the rows that share one Ferrum score (the same benchmark result) and shows "
                + "Ferrum (= 1), each Java peer and each Rust side measured against it as speed relative to Ferrum "
                + "(1 / ratio, higher = faster), error bars from the intervals; no Rust bar where Rust did not run.\n");
        for (Report.SuiteResult s : report.suites()) {
            sb.append("\n## ").append(s.name()).append(": ").append(s.title()).append("\n\n");
            if (!s.rows().isEmpty()) {
                sb.append("![")
                        .append(s.name())
                        .append("](charts/")
                        .append(s.name())
                        .append(".png)\n\n");
                if (!ReportCharts.sideBySide(s).groups().isEmpty()) {
                    sb.append("![")
                            .append(s.name())
                            .append(": Ferrum, Java peers and Rust side by side](charts/")
                            .append(ReportCharts.sideBySideFile(s.name()))
                            .append(")\n\n");
                }
                sb.append('|').append(String.join("|", Report.HEADER)).append("|\n|");
                sb.append("---|".repeat(Report.HEADER.length)).append('\n');
                Map<String, RustHere> here = RustHere.forRows(s.rows());
                for (Row r : s.rows()) {
                    sb.append('|');
                    for (String c : Report.cells(r, here.get(r.id()))) {
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
}
