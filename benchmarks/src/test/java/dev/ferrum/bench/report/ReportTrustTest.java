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
}
