/*
 * Copyright 2026 the Ferrum authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.ferrum.bench.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Intervals, three-valued verdicts and run-to-run comparison. */
class ReportTrustTest {

    private static Row timed(String id, double ours, double oursErr, double peer, double peerErr, double target) {
        return Row.compared(
                id,
                "demo",
                "d",
                new Score(ours, oursErr, "ns/op", 0),
                "peer",
                new Score(peer, peerErr, "ns/op", 0),
                target,
                null,
                null);
    }

    @Test
    void ratioIntervalIsTheWidestTheTwoScoreIntervalsAllow() {
        // time per op: ratio = peer / ours; worst case = slowest ours against fastest peer
        Row r = timed("demo.a", 10, 1, 40, 4, 2);
        assertThat(r.ratio()).isEqualTo(4.0);
        assertThat(r.ratioLo()).isCloseTo(36.0 / 11, within(1e-12));
        assertThat(r.ratioHi()).isCloseTo(44.0 / 9, within(1e-12));
        // throughput: ratio = ours / peer
        Row t = Row.compared(
                "demo.t",
                "demo",
                "d",
                Score.interval(30, 20, 35, "ops/s", 0),
                "peer",
                Score.interval(10, 8, 12, "ops/s", 0),
                2,
                null,
                null);
        assertThat(t.ratioLo()).isCloseTo(20.0 / 12, within(1e-12));
        assertThat(t.ratioHi()).isCloseTo(35.0 / 8, within(1e-12));
    }

    @Test
    void metIsYesNoOrNoiseWhenTheIntervalStraddlesTheTarget() {
        assertThat(timed("a", 10, 1, 40, 4, 2).met()).isEqualTo(Verdict.YES); // [3.27, 4.89] >= 2
        assertThat(timed("b", 10, 1, 40, 4, 6).met()).isEqualTo(Verdict.NO); // [3.27, 4.89] < 6
        assertThat(timed("c", 10, 1, 40, 4, 4).met()).isEqualTo(Verdict.NOISE); // straddles 4
        assertThat(timed("d", 10, 1, 40, 4, Double.NaN).met()).isNull();
        // unknown interval: judged on the point estimate
        assertThat(timed("e", 10, Double.NaN, 40, 4, 3).met()).isEqualTo(Verdict.YES);
        assertThat(timed("e", 10, Double.NaN, 40, 4, 5).met()).isEqualTo(Verdict.NO);
        // a score interval down to zero leaves the ratio unbounded above, never a false "no"
        Row wide = timed("f", 10, 12, 40, 4, 100);
        assertThat(wide.ratioHi()).isInfinite();
        assertThat(wide.met()).isEqualTo(Verdict.NOISE);
    }

    @Test
    void absoluteRowsJudgeTheirOwnIntervalInTheUnitsDirection() {
        assertThat(Row.absolute("r", "s", "d", Score.interval(3.0, 2.9, 3.1, "GB/s", 0), 2.8, null, null)
                        .met())
                .isEqualTo(Verdict.YES);
        assertThat(Row.absolute("r", "s", "d", Score.interval(3.0, 2.7, 3.1, "GB/s", 0), 2.8, null, null)
                        .met())
                .isEqualTo(Verdict.NOISE);
        assertThat(Row.absolute("r", "s", "d", Score.interval(30, 25, 35, "ns/op", 0), 23, null, null)
                        .met())
                .isEqualTo(Verdict.NO);
        assertThat(Row.absolute("r", "s", "d", Score.interval(30, 20, 35, "ns/op", 0), 23, null, null)
                        .met())
                .isEqualTo(Verdict.NOISE);
    }

    @Test
    void reportJsonCarriesIntervalsAndThreeValuedMetAndReadsThemBack(@TempDir Path dir) throws Exception {
        Report report = new Report("quick", Instant.parse("2026-12-03T10:00:00Z"));
        report.add(new Report.SuiteResult(
                "demo", "Demo", "measured", List.of(timed("demo.noise", 10, 1, 40, 4, 4)), List.of()));
        report.write(dir);
        String json = Files.readString(dir.resolve("report.json"));
        assertThat(json)
                .contains("\"ratio_lo\": 3.27")
                .contains("\"ratio_hi\": 4.88")
                .contains("\"met\": \"noise\"")
                .contains("\"loadAverageBefore\"")
                .contains("\"cpuFlags\"");
        Row back = ReportJson.read(json).suites().get(0).rows().get(0);
        assertThat(back.met()).isEqualTo(Verdict.NOISE);
        assertThat(back.ratioLo()).isCloseTo(36.0 / 11, within(1e-12));
        assertThat(back.peerHi()).isEqualTo(44.0);
        assertThat(Files.readString(dir.resolve("report.md")))
                .contains("4.00x [3.27..4.89]")
                .contains("|noise|");
        assertThat(Files.readString(dir.resolve("tables/demo.md")))
                .contains("| 4.00x [3.27..4.89] | >= 4.00x | noise |");
    }

    /** A report.json as written before intervals existed: boolean met, oursError only. */
    static final String OLD_REPORT = """
            {"mode": "quick", "startedAt": "2026-12-02T11:58:00Z", "machine": {"cores": 2},
             "suites": [{"name": "queue", "title": "Queues", "status": "measured", "notes": [],
               "rows": [
                 {"id": "queue.spsc.vs_abq", "description": "d", "ours": 1.0e8, "oursError": 1.0e6,
                  "peerName": "ABQ", "peer": 1.57e6, "unit": "ops/s", "ratio": 63.7, "target": 5, "met": true,
                  "rust": null, "rustRatio": null, "oursBytesPerOp": 0, "peerBytesPerOp": 16, "note": null},
                 {"id": "queue.gone", "description": "d", "ours": 5, "oursError": null, "peerName": null,
                  "peer": null, "unit": "ns/op", "ratio": null, "target": null, "met": null,
                  "rust": null, "rustRatio": null, "oursBytesPerOp": null, "peerBytesPerOp": null, "note": null}
               ]}]}
            """;

    @Test
    void anOldReportWithoutIntervalsLoadsWithIntervalsUnknown() {
        Report old = ReportJson.read(OLD_REPORT);
        Row r = old.suites().get(0).rows().get(0);
        assertThat(r.met()).isEqualTo(Verdict.YES);
        assertThat(r.ratio()).isEqualTo(63.7);
        assertThat(r.ratioLo()).isNaN();
        assertThat(r.peerLo()).isNaN();
        assertThat(r.oursLo()).isEqualTo(0.99e8);
        assertThat(String.valueOf(old.machine().get("cores"))).isEqualTo("2");
    }

    @Test
    void compareSaysWhetherEachRowMovedOutsideTheNoise() {
        Report older = new Report("quick", Instant.EPOCH);
        older.add(new Report.SuiteResult(
                "demo",
                "Demo",
                "measured",
                List.of(
                        timed("demo.better", 10, 1, 40, 4, 2), // [3.27, 4.89]
                        timed("demo.worse", 10, 1, 40, 4, 2),
                        timed("demo.same", 10, 1, 40, 4, 2),
                        timed("demo.dropped", 10, 1, 40, 4, 2)),
                List.of()));
        Report newer = new Report("quick", Instant.EPOCH);
        newer.add(new Report.SuiteResult(
                "demo",
                "Demo",
                "measured",
                List.of(
                        timed("demo.better", 5, 0.2, 40, 1, 2), // [7.5, 8.5]
                        timed("demo.worse", 20, 1, 40, 1, 2), // [1.86, 2.16]
                        timed("demo.same", 10, 0.5, 42, 1, 2), // [3.9, 4.5]
                        timed("demo.added", 10, 1, 40, 4, 2)),
                List.of()));
        List<RunComparison.Line> lines = RunComparison.compare(older, newer);
        assertThat(lines)
                .extracting(RunComparison.Line::id, RunComparison.Line::change)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple("demo.better", RunComparison.Change.BETTER),
                        org.assertj.core.groups.Tuple.tuple("demo.worse", RunComparison.Change.WORSE),
                        org.assertj.core.groups.Tuple.tuple("demo.same", RunComparison.Change.WITHIN_NOISE),
                        org.assertj.core.groups.Tuple.tuple("demo.added", RunComparison.Change.NOT_COMPARABLE),
                        org.assertj.core.groups.Tuple.tuple("demo.dropped", RunComparison.Change.NOT_COMPARABLE));
        ByteArrayOutputStream text = new ByteArrayOutputStream();
        RunComparison.print(lines, "old.json", "new.json", new PrintStream(text, true, StandardCharsets.UTF_8));
        assertThat(text.toString(StandardCharsets.UTF_8))
                .contains("demo.better")
                .contains("4.00x [3.27..4.89]")
                .contains("8.00x [7.50..8.54]")
                .contains("WORSE")
                .contains("5 rows: 1 better, 1 WORSE, 1 within noise, 2 not in both");
    }

    @Test
    void compareLeavesOutSuitesTheNewRunDidNotMeasure() {
        Report older = new Report("quick", Instant.EPOCH);
        older.add(new Report.SuiteResult("a", "A", "measured", List.of(timed("a.x", 10, 1, 40, 4, 2)), List.of()));
        older.add(new Report.SuiteResult("b", "B", "measured", List.of(timed("b.x", 10, 1, 40, 4, 2)), List.of()));
        Report newer = new Report("quick", Instant.EPOCH);
        newer.add(new Report.SuiteResult("a", "A", "measured", List.of(timed("a.x", 10, 1, 40, 4, 2)), List.of()));
        assertThat(RunComparison.compare(older, newer))
                .extracting(RunComparison.Line::id)
                .containsExactly("a.x");
    }

    @Test
    void compareWithAnOldReportSaysTheNoiseIsUnknownAndAbsoluteRowsFollowTheirUnit() {
        Report newer = new Report("quick", Instant.EPOCH);
        newer.add(new Report.SuiteResult(
                "queue",
                "Queues",
                "measured",
                List.of(
                        Row.compared(
                                "queue.spsc.vs_abq",
                                "queue",
                                "d",
                                Score.interval(9e7, 8e7, 1e8, "ops/s", 0),
                                "ABQ",
                                Score.interval(2.6e7, 2.4e7, 2.8e7, "ops/s", 0),
                                5,
                                null,
                                null),
                        Row.absolute(
                                "queue.gone", "queue", "d", Score.interval(9, 8.5, 9.5, "ns/op", 0), 10, null, null)),
                List.of()));
        List<RunComparison.Line> lines = RunComparison.compare(ReportJson.read(OLD_REPORT), newer);
        assertThat(lines.get(0).change()).isEqualTo(RunComparison.Change.UNKNOWN);
        assertThat(lines.get(0).oldFig()).isEqualTo(63.7);
        assertThat(lines.get(0).newMet()).isEqualTo(Verdict.NO); // [2.86, 4.17], all below 5
        assertThat(lines.get(1).what()).isEqualTo("ns/op");
        assertThat(lines.get(1).change()).isEqualTo(RunComparison.Change.UNKNOWN); // old 5 ns had no interval
        assertThat(RunComparison.change(new double[] {5, 4.9, 5.1}, new double[] {9, 8.5, 9.5}, false))
                .isEqualTo(RunComparison.Change.WORSE);
    }

    // ---- the "Rust (this machine)" column ----

    private static Row arena(String id, double ours, String peerName, double peer, String unit) {
        return Row.compared(
                id,
                "arena",
                "d " + id,
                Score.interval(ours, ours * 0.95, ours * 1.05, unit, 0),
                peerName,
                Score.interval(peer, peer * 0.9, peer * 1.1, unit, Double.NaN),
                Double.NaN,
                null,
                null);
    }

    /** Rows as the arena suite and RustRows make them: three Rust rows on one base, listed Box first. */
    static List<Row> arenaWithRust() {
        return List.of(
                arena("arena.alloc16.a8.offset_vs_malloc", 1.75, "malloc+free (FFM downcall)", 37, "ns/op"),
                Row.absolute(
                        "arena.alloc16.a8.offset_heap_garbage",
                        "arena",
                        "heap garbage",
                        new Score(0, Double.NaN, "B/op", 0),
                        0,
                        null,
                        null),
                arena("arena.alloc16.a64.offset_vs_malloc", 1.8, "aligned_alloc+free (FFM downcall)", 70, "ns/op"),
                arena("arena.alloc160.x.vs_y", 2, "y", 4, "ns/op"),
                arena("arena.list1m.vs_linkedlist", 10, "java.util.LinkedList<Long>", 50, "us/op"),
                arena("arena.alloc16.a8.vs_rust_box", 1.75, "Rust Box::new (this machine)", 21, "ns/op"),
                arena("arena.alloc16.a8.vs_rust", 1.75, "Rust bumpalo (this machine)", 1.9, "ns/op"),
                arena("arena.alloc16.a8.vs_rust_bump", 1.75, "Rust hand-written bump (this machine)", 1.6, "ns/op"),
                arena("arena.alloc16.vs_rust", 1.8, "Rust short base (this machine)", 5, "ns/op"));
    }

    @Test
    void rustColumnTakesTheLongestDotPrefixAndPrefersTheRowWithoutSuffix() {
        assertThat(RustHere.base("queue.spsc.throughput.vs_rust_crossbeam_channel"))
                .contains("queue.spsc.throughput");
        assertThat(RustHere.base("parser.file.gbps.vs_rust")).contains("parser.file.gbps");
        assertThat(RustHere.base("parser.file.counts_match_rust")).isEmpty();
        assertThat(RustHere.base("queue.spsc.throughput.vs_rusty")).isEmpty();

        var here = RustHere.forRows(arenaWithRust());
        // longest prefix arena.alloc16.a8 beats arena.alloc16; .vs_rust beats the _box row listed before it
        assertThat(here.get("arena.alloc16.a8.offset_vs_malloc").rowId()).isEqualTo("arena.alloc16.a8.vs_rust");
        assertThat(RustHere.cell(here.get("arena.alloc16.a8.offset_vs_malloc")))
                .isEqualTo("1.900 [1.710..2.090] ns/op (Rust bumpalo)");
        // only the arena.alloc16 base is a dot-boundary prefix of this one
        assertThat(here.get("arena.alloc16.a64.offset_vs_malloc").rowId()).isEqualTo("arena.alloc16.vs_rust");
        // arena.alloc16 is not a dot-boundary prefix of arena.alloc160.x
        assertThat(RustHere.cell(here.get("arena.alloc160.x.vs_y"))).isEqualTo("-");
        assertThat(RustHere.cell(here.get("arena.list1m.vs_linkedlist"))).isEqualTo("-");
        // the other Rust rows on the base are shown in their own rows only
        assertThat(RustHere.cell(here.get("arena.alloc16.a8.vs_rust_box"))).contains("(Rust Box::new)");
        assertThat(RustHere.cell(here.get("arena.alloc16.a8.vs_rust_bump"))).contains("(Rust hand-written bump)");
    }

    @Test
    void memoryRowsGetNoRustSpeedAndTheTableHasTheColumn() {
        var here = RustHere.forRows(arenaWithRust());
        // a memory row (B/op) gets no Rust speed: that figure is not its counterpart
        assertThat(RustHere.cell(here.get("arena.alloc16.a8.offset_heap_garbage")))
                .isEqualTo("-");
        Report report = new Report("quick", Instant.EPOCH);
        report.add(new Report.SuiteResult("arena", "Arena", "measured", arenaWithRust(), List.of()));
        assertThat(ReportMarkdown.sideBySide(report.suites().get(0)))
                .contains("| Measurement | Rust document | Rust (this machine) | Ferrum |")
                .contains("| heap garbage | - | - | 0 B/op |");
    }

    @Test
    void rustNotRunIsSaidInEveryTableAndTheRowsWithoutCounterpartShowADash(@TempDir Path dir) throws Exception {
        Row jctools = Row.compared(
                "queue.spsc.throughput.vs_jctools",
                "queue",
                "SpscQueue vs JCTools",
                Score.interval(9e7, 8e7, 1e8, "ops/s", 0),
                "JCTools SpscArrayQueue",
                Score.interval(1.1e8, 1e8, 1.2e8, "ops/s", 0),
                1.0,
                RustFigure.of("18.5M ops/sec", Double.NaN),
                null);
        Row notRun = Row.missing(
                "queue.spsc.throughput.vs_rust",
                "queue",
                "SpscQueue vs the Rust SPSC ring",
                "Rust not run: cargo not found on PATH");
        Row ferrumMissing = Row.missing(
                "queue.mpmc.throughput.vs_rust", "queue", "mpmc vs Rust", "benchmark QueueBench.mpmc did not run");
        Row mpmc = Row.compared(
                "queue.mpmc.throughput.vs_abq",
                "queue",
                "mpmc vs ABQ",
                Score.interval(9e7, 8e7, 1e8, "ops/s", 0),
                "ABQ",
                Score.interval(2e7, 1e7, 3e7, "ops/s", 0),
                1.0,
                null,
                null);
        Row other =
                Row.absolute("queue.spsc.alloc", "queue", "alloc", new Score(0, Double.NaN, "B/op", 0), 0, null, null);
        Report report = new Report("quick", Instant.EPOCH);
        report.add(new Report.SuiteResult(
                "queue", "Queues", "measured", List.of(jctools, notRun, ferrumMissing, mpmc, other), List.of()));
        report.write(dir);

        String side = Files.readString(dir.resolve("tables/queue.md"));
        assertThat(side)
                .contains("| SpscQueue vs JCTools | 18.5M ops/sec | not run |")
                .contains("| SpscQueue vs the Rust SPSC ring | - | not run | not measured |")
                .contains("| mpmc vs ABQ | - | not measured (see queue.mpmc.throughput.vs_rust) |")
                .contains("| alloc | - | - |");
        assertThat(Files.readString(dir.resolve("tables/targets.md")))
                .contains("| Suite | Measurement | Ferrum | Peer (same run) | Rust (this machine) |")
                .contains("not run");
        String md = Files.readString(dir.resolve("report.md"));
        assertThat(md)
                .contains("|Rust document|Rust (this machine)|")
                .contains("`queue.spsc.throughput.vs_rust`: Rust not run: cargo not found on PATH");
        ByteArrayOutputStream text = new ByteArrayOutputStream();
        report.print(new PrintStream(text, true, StandardCharsets.UTF_8));
        assertThat(text.toString(StandardCharsets.UTF_8))
                .contains("Rust (this machine)")
                .contains("not run");
    }

    @Test
    void vsRustRowsKeepTheRatioIntervalAndThreeValuedVerdict() {
        // Ferrum 1.75 [1.66..1.84] ns vs Rust 1.9 [1.71..2.09]: ratio 1.09 [0.93..1.26] straddles 1.0
        Row row = arenaWithRust().get(6);
        assertThat(row.id()).isEqualTo("arena.alloc16.a8.vs_rust");
        Row judged = Row.compared(
                row.id(),
                "arena",
                row.description(),
                Score.interval(1.75, 1.6625, 1.8375, "ns/op", 0),
                row.peerName(),
                Score.interval(1.9, 1.71, 2.09, "ns/op", Double.NaN),
                1.0,
                null,
                null);
        assertThat(judged.met()).isEqualTo(Verdict.NOISE);
        Report report = new Report("quick", Instant.EPOCH);
        report.add(new Report.SuiteResult("arena", "Arena", "measured", List.of(judged), List.of()));
        assertThat(ReportMarkdown.sideBySide(report.suites().get(0)))
                .contains("| 1.09x [0.93..1.26] | >= 1.00x | noise |")
                .contains("| 1.900 [1.710..2.090] ns/op (Rust bumpalo) | 1.750 [1.663..1.838] ns/op |");
    }

    @Test
    void rustFigureIsAJsonFieldThatRoundTripsAndAnOldReportStillCompares(@TempDir Path dir) throws Exception {
        Report report = new Report("quick", Instant.parse("2026-12-03T10:00:00Z"));
        report.add(new Report.SuiteResult("arena", "Arena", "measured", arenaWithRust(), List.of()));
        String json = ReportJson.write(report);
        var tree = new com.fasterxml.jackson.databind.ObjectMapper().readTree(json);
        var rows = tree.path("suites").get(0).path("rows");
        var malloc = rows.get(0).path("rustHere");
        assertThat(malloc.path("from").asText()).isEqualTo("arena.alloc16.a8.vs_rust");
        assertThat(malloc.path("status").asText()).isEqualTo("measured");
        assertThat(malloc.path("name").asText()).isEqualTo("Rust bumpalo (this machine)");
        assertThat(malloc.path("value").asDouble()).isEqualTo(1.9);
        assertThat(malloc.path("lo").asDouble()).isCloseTo(1.71, within(1e-9));
        assertThat(malloc.path("hi").asDouble()).isCloseTo(2.09, within(1e-9));
        assertThat(malloc.path("unit").asText()).isEqualTo("ns/op");
        assertThat(malloc.path("ratio").asDouble()).isCloseTo(1.9 / 1.75, within(1e-9));
        assertThat(rows.get(3).has("rustHere")).isTrue();
        assertThat(rows.get(3).get("rustHere").isNull()).isTrue();

        Report back = ReportJson.read(json);
        String again = ReportJson.write(back);
        var tree2 = new com.fasterxml.jackson.databind.ObjectMapper().readTree(again);
        for (int i = 0; i < rows.size(); i++) {
            assertThat(tree2.path("suites").get(0).path("rows").get(i).get("rustHere"))
                    .as("row %d", i)
                    .isEqualTo(rows.get(i).get("rustHere"));
        }
        report.write(dir);
        Path a = dir.resolve("again");
        back.writeTablesAndCharts(a);
        assertThat(a.resolve("tables/arena.md")).hasSameTextualContentAs(dir.resolve("tables/arena.md"));

        // an old report (no rustHere, no vs_rust rows) still reads and compares with a new one
        Report old = ReportJson.read(OLD_REPORT);
        assertThat(old.suites().get(0).rows().get(0).id()).isEqualTo("queue.spsc.vs_abq");
        Report newer = new Report("quick", Instant.EPOCH);
        newer.add(new Report.SuiteResult(
                "queue",
                "Queues",
                "measured",
                List.of(
                        Row.missing("queue.spsc.vs_rust", "queue", "vs Rust", "Rust not run: no cargo"),
                        Row.compared(
                                "queue.spsc.vs_abq",
                                "queue",
                                "d",
                                Score.interval(9e7, 8e7, 1e8, "ops/s", 0),
                                "ABQ",
                                Score.interval(2.6e7, 2.4e7, 2.8e7, "ops/s", 0),
                                5,
                                null,
                                null)),
                List.of()));
        List<RunComparison.Line> lines = RunComparison.compare(old, ReportJson.read(ReportJson.write(newer)));
        assertThat(lines)
                .extracting(RunComparison.Line::id, RunComparison.Line::change)
                .contains(
                        org.assertj.core.groups.Tuple.tuple("queue.spsc.vs_rust", RunComparison.Change.NOT_COMPARABLE),
                        org.assertj.core.groups.Tuple.tuple("queue.spsc.vs_abq", RunComparison.Change.UNKNOWN));
    }
}
