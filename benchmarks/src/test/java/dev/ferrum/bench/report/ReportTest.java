/*
 * Copyright 2026 the Ferrum authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.ferrum.bench.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.ferrum.bench.support.Measurements;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ReportTest {

    @Test
    void ratioIsOrientedSoThatAboveOneMeansOursIsBetter() {
        // time per op: smaller is better -> peer/ours
        assertThat(Row.ratio(1.8, 45.2, Score.higherIsBetter("ns/op")))
                .isCloseTo(25.11, org.assertj.core.data.Offset.offset(0.01));
        // throughput: larger is better -> ours/peer
        assertThat(Row.ratio(18.5e6, 2.1e6, Score.higherIsBetter("ops/s")))
                .isCloseTo(8.81, org.assertj.core.data.Offset.offset(0.01));
        assertThat(Row.ratio(Double.NaN, 1, true)).isNaN();
        assertThat(Row.ratio(1, 0, true)).isNaN();
    }

    @Test
    void comparedRowIsMetOnlyWhenRatioReachesTarget() {
        Score ours = new Score(2.0, 0.1, "ns/op", 0);
        Score peer = new Score(40.0, 1, "ns/op", 16);
        // ratio 20, interval [39 / 2.1, 41 / 1.9] = [18.6, 21.6]
        Row met = Row.compared("x.a", "x", "d", ours, "peer", peer, 15, RustFigure.of("45.2 vs 1.8 ns", 25.1), null);
        Row missed = Row.compared("x.b", "x", "d", ours, "peer", peer, 25, null, null);
        Row informational = Row.compared("x.c", "x", "d", ours, "peer", peer, Double.NaN, null, null);
        assertThat(met.ratio()).isEqualTo(20.0);
        assertThat(met.met()).isEqualTo(Verdict.YES);
        assertThat(missed.met()).isEqualTo(Verdict.NO);
        assertThat(informational.met()).isNull();
    }

    @Test
    void absoluteRowsFollowTheUnitsDirection() {
        assertThat(Row.absolute("r", "s", "d", new Score(3.0, 0, "GB/s", 0), 2.8, null, null)
                        .met())
                .isEqualTo(Verdict.YES);
        assertThat(Row.absolute("r", "s", "d", new Score(30, 0, "ns/op", 0), 23, null, null)
                        .met())
                .isEqualTo(Verdict.NO);
    }

    @Test
    void keysAreShortClassMethodAndSortedParameters() {
        assertThat(Measurements.key("dev.ferrum.bench.arena.AllocBench.bump", Map.of("size", "16", "align", "8")))
                .isEqualTo("AllocBench.bump[align=8,size=16]");
        assertThat(Measurements.key("a.b.C.m", Map.of())).isEqualTo("C.m");
    }

    @Test
    void jsonEscapesTextAndWritesUnmeasuredNumbersAsNull() {
        Report report = new Report("quick", Instant.parse("2026-12-02T10:00:00Z"));
        report.add(new Report.SuiteResult(
                "s",
                "a\"b\\c\n\u0001",
                "measured",
                List.of(Row.missing("s.gone", "s", "gone", "did not run")),
                List.of()));
        String json = ReportJson.write(report);
        assertThat(json)
                .contains("\"a\\\"b\\\\c\\n\\u0001\"")
                .contains("\"ours\": null")
                .contains("\"met\": null");
        assertThat(ReportJson.read(json).suites().get(0).title()).isEqualTo("a\"b\\c\n\u0001");
    }

    @Test
    void writesJsonMarkdownAndChart(@TempDir Path dir) throws Exception {
        Report report = new Report("quick", Instant.now());
        Row row = Row.compared(
                "demo.alloc.bump_vs_malloc",
                "demo",
                "bump vs malloc",
                new Score(2, 0.1, "ns/op", 0),
                "malloc",
                new Score(50, 1, "ns/op", 0),
                20,
                RustFigure.of("45.2 vs 1.8 ns/alloc (25x)", 25.1),
                null);
        report.add(new Report.SuiteResult(
                "demo",
                "Demo suite",
                "measured",
                List.of(row, Row.missing("demo.other", "demo", "other", "peer did not run")),
                List.of("a note")));
        report.add(new Report.SuiteResult("later", "later", "not implemented", List.of(), List.of("arrives later")));
        report.write(dir);

        String json = Files.readString(dir.resolve("report.json"));
        assertThat(json)
                .contains("\"id\": \"demo.alloc.bump_vs_malloc\"")
                .contains("\"ratio\": 25.0")
                .contains("\"met\": \"yes\"")
                .contains("\"rust\": \"45.2 vs 1.8 ns/alloc (25x)\"")
                .contains("\"status\": \"not implemented\"");
        String md = Files.readString(dir.resolve("report.md"));
        assertThat(md)
                .contains("|demo.alloc.bump_vs_malloc|")
                .contains("25.00x")
                .contains("peer did not run")
                .contains("charts/demo.png");
        Path chart = dir.resolve("charts/demo.png");
        assertThat(chart).exists();
        byte[] png = Files.readAllBytes(chart);
        assertThat(png).startsWith((byte) 0x89, (byte) 'P', (byte) 'N', (byte) 'G');
    }

    @Test
    void chartHandlesRatiosThatNeedALogAxisAndRowsWithoutTarget(@TempDir Path dir) throws Exception {
        Row huge = Row.compared(
                "wide.a",
                "wide",
                "a",
                new Score(1, 0, "ns/op", 0),
                "peer",
                new Score(174_000, 0, "ns/op", 0),
                1,
                null,
                null);
        Row tiny = Row.compared(
                "wide.b",
                "wide",
                "b",
                new Score(100, 0, "ns/op", 0),
                "peer",
                new Score(1, 0, "ns/op", 0),
                Double.NaN,
                null,
                null);
        Row plain = Row.compared(
                "wide.c", "wide", "c", new Score(1, 0, "ns/op", 0), "peer", new Score(3, 0, "ns/op", 0), 2, null, null);
        Report report = new Report("quick", Instant.now());
        report.add(new Report.SuiteResult("wide", "Wide", "measured", List.of(huge, tiny, plain), List.of()));
        report.write(dir);
        assertThat(dir.resolve("charts/wide.png")).exists();
    }

    @Test
    void headlineQuotesTheCatalogRowsAndTargetsListEveryRowWithATarget(@TempDir Path dir) throws Exception {
        Row headline = Row.compared(
                "arena.alloc16.a8.offset_vs_malloc",
                "arena",
                "bump vs malloc",
                new Score(2, 0.1, "ns/op", 0),
                "malloc+free (critical downcall)",
                new Score(50, 1, "ns/op", 0),
                20,
                null,
                null);
        Row informational = Row.compared(
                "arena.other",
                "arena",
                "other",
                new Score(1, 0, "ns/op", 0),
                "x",
                new Score(2, 0, "ns/op", 0),
                Double.NaN,
                null,
                null);
        Report report = new Report("quick", Instant.now())
                .headlines(
                        Map.of("arena", List.of(new Headline("arena.alloc16.a8.offset_vs_malloc", "16 B allocation"))));
        report.add(new Report.SuiteResult("arena", "Arena", "measured", List.of(headline, informational), List.of()));
        report.write(dir);
        assertThat(Files.readString(dir.resolve("tables/headline-arena.md")))
                .isEqualTo("16 B allocation: **25.00x** vs malloc+free (target >= 20.00x met)");
        String targets = Files.readString(dir.resolve("tables/targets.md"));
        assertThat(targets).contains("`arena.alloc16.a8.offset_vs_malloc`").doesNotContain("arena.other");
        assertThat(Files.readString(dir.resolve("tables/arena.md")))
                .contains("| bump vs malloc |")
                .contains("| other |");
    }

    @Test
    void aStoredReportReadsBackToTheSameTables(@TempDir Path dir) throws Exception {
        Report report = new Report("quick", Instant.parse("2026-12-02T10:00:00Z"));
        report.add(new Report.SuiteResult(
                "arena",
                "Arena \"quoted\"",
                "measured",
                List.of(
                        Row.compared(
                                "arena.alloc16.a8.offset_vs_malloc",
                                "arena",
                                "bump vs malloc | pipes",
                                new Score(2, 0.1, "ns/op", 0),
                                "malloc",
                                new Score(50, 1, "ns/op", 16),
                                25,
                                RustFigure.of("45.2 vs 1.8 ns (25x)", 25.1),
                                "a note"),
                        Row.absolute("arena.abs", "arena", "absolute", new Score(3.5, 0, "GB/s", 0), 2.8, null, null),
                        Row.missing("arena.gone", "arena", "did not run", "peer missing")),
                List.of("n1")));
        report.write(dir);
        Report back = ReportJson.read(Files.readString(dir.resolve("report.json")));
        Path again = dir.resolve("again");
        back.writeTablesAndCharts(again);
        for (String table : List.of("arena.md", "headline-arena.md", "targets.md")) {
            assertThat(again.resolve("tables").resolve(table))
                    .hasSameTextualContentAs(dir.resolve("tables").resolve(table));
        }
        assertThat(again.resolve("charts/arena.png")).exists();
        assertThatThrownBy(() -> ReportJson.read("{\"a\": [1, 2,}"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("line 1, column");
        assertThatThrownBy(() -> ReportJson.read("{\"a\": 1}")).hasMessageContaining("no \"suites\" array");
    }

    @Test
    void sideBySideChartShowsFerrumJavaPeersAndRustPerFerrumMeasurement(@TempDir Path dir) throws Exception {
        Report.SuiteResult arena =
                new Report.SuiteResult("arena", "Arena", "measured", ReportTrustTest.arenaWithRust(), List.of());
        ReportCharts.SideBySide data = ReportCharts.sideBySide(arena);
        assertThat(data.rustStatus()).isEmpty();
        assertThat(data.javaPeers()).contains("malloc+free (FFM downcall)", "java.util.LinkedList<Long>");
        assertThat(data.rustSides())
                .containsExactly(
                        "Rust Box::new (this machine)",
                        "Rust bumpalo (this machine)",
                        "Rust hand-written bump (this machine)",
                        "Rust short base (this machine)");
        // one group per Ferrum score: the 1.75 ns bump path with its Java peer and its three Rust sides
        ReportCharts.Group bump = data.groups().values().iterator().next();
        assertThat(ReportCharts.label("arena", bump)).isEqualTo("alloc16.a8");
        assertThat(bump.bars.keySet())
                .containsExactly(
                        "Ferrum",
                        "malloc+free (FFM downcall)",
                        "Rust Box::new (this machine)",
                        "Rust bumpalo (this machine)",
                        "Rust hand-written bump (this machine)");
        assertThat(bump.bars.get("Ferrum").speed()).isEqualTo(1.0);
        // speed relative to Ferrum = 1 / ratio: bumpalo 1.9 ns against Ferrum's 1.75 ns
        assertThat(bump.bars.get("Rust bumpalo (this machine)").speed())
                .isCloseTo(1.75 / 1.9, org.assertj.core.data.Offset.offset(1e-9));
        assertThat(bump.bars.get("Rust bumpalo (this machine)").error()).isPositive();
        assertThat(bump.bars.get("malloc+free (FFM downcall)").speed())
                .isCloseTo(1.75 / 37, org.assertj.core.data.Offset.offset(1e-9));
        // the list has no Rust side: its group has none
        assertThat(data.groups().values())
                .filteredOn(g -> g.ids.contains("arena.list1m.vs_linkedlist"))
                .singleElement()
                .satisfies(g -> assertThat(g.bars.keySet()).containsExactly("Ferrum", "java.util.LinkedList<Long>"));

        Path chart = dir.resolve(ReportCharts.sideBySideFile("arena"));
        assertThat(ReportCharts.writeSideBySide(arena, chart)).isTrue();
        assertThat(Files.readAllBytes(chart)).startsWith((byte) 0x89, (byte) 'P', (byte) 'N', (byte) 'G');
    }

    @Test
    void sideBySideChartSaysRustNotRunAndIsEmbeddedInTheReport(@TempDir Path dir) throws Exception {
        Row jctools = Row.compared(
                "queue.spsc.throughput.vs_jctools",
                "queue",
                "SpscQueue vs JCTools",
                Score.interval(9e7, 8e7, 1e8, "ops/s", 0),
                "JCTools SpscArrayQueue",
                Score.interval(1.1e8, 1e8, 1.2e8, "ops/s", 0),
                1.0,
                null,
                null);
        Row abq = Row.compared(
                "queue.spsc.throughput.vs_abq",
                "queue",
                "SpscQueue vs ABQ",
                Score.interval(9e7, 8e7, 1e8, "ops/s", 0),
                "ArrayBlockingQueue",
                Score.interval(2e7, 1.5e7, 2.5e7, "ops/s", 0),
                1.0,
                null,
                null);
        Row rust = Row.missing(
                "queue.spsc.throughput.vs_rust", "queue", "vs Rust", "Rust not run: cargo not found on PATH");
        Report report = new Report("quick", Instant.EPOCH);
        report.add(new Report.SuiteResult("queue", "Queues", "measured", List.of(jctools, abq, rust), List.of()));
        ReportCharts.SideBySide data = ReportCharts.sideBySide(report.suites().get(0));
        assertThat(data.rustStatus()).isEqualTo("Rust not run");
        assertThat(data.rustSides()).isEmpty();
        assertThat(data.groups()).hasSize(1);
        assertThat(ReportCharts.label("queue", data.groups().values().iterator().next()))
                .isEqualTo("spsc.throughput");
        report.write(dir);
        assertThat(dir.resolve("charts/queue-side-by-side.png")).exists();
        assertThat(Files.readString(dir.resolve("report.md"))).contains("(charts/queue-side-by-side.png)");
    }
}
