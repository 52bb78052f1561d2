/*
 * Copyright 2026 the Ferrum authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.ferrum.bench.rust;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.ferrum.bench.report.Row;
import dev.ferrum.bench.report.Score;
import dev.ferrum.bench.support.Measurements;
import dev.ferrum.bench.support.RunContext;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Without cargo (or with --no-rust) every vs_rust row is present and says "Rust not run" with the reason. */
class RustRowsTest {

    @Test
    void everyRustRowSaysNotRunWithTheReason() {
        RustSide side = RustSide.notRun("cargo not found");
        RunContext context = new RunContext(true, Path.of("."), new Measurements());
        for (String suite : List.of("arena", "queue", "matrix", "units", "kv")) {
            List<Row> rows = RustRows.rows(side, suite, context);
            assertThat(rows).as(suite).isNotEmpty();
            assertThat(rows).allSatisfy(r -> {
                assertThat(r.id()).startsWith(suite + ".").contains(".vs_rust");
                assertThat(r.note()).startsWith("Rust not run: ");
                assertThat(r.ratio()).isNaN();
            });
        }
        assertThat(RustRows.rows(side, "arena", context))
                .extracting(Row::note)
                .contains("Rust not run: cargo not found");
        assertThat(RustRows.rows(side, "units", context))
                .extracting(Row::id)
                .contains("units.kinematics.vs_rust", "units.nbody.vs_rust", "units.kinematics.vs_rust_f64")
                .allSatisfy(id -> assertThat(id).doesNotContain("not written"));
        assertThat(RustRows.rows(side, "kv", context))
                .extracting(Row::id)
                .contains("kv.session.write_1m.vs_rust_lmdb", "kv.session.read_1m.vs_rust_lmdb");
        assertThat(RustRows.rows(side, "units", context))
                .extracting(Row::note)
                .containsOnly("Rust not run: cargo not found");
        assertThat(RustRows.rows(side, "hashmap", context)).isEmpty();
    }

    @Test
    void newRowsMapToTheJmhKeysAndRustIdsOfTheSameWorkload() {
        assertThat(RustRows.planned("units"))
                .filteredOn(p -> p.id().equals("units.kinematics.vs_rust") || p.id().equals("units.nbody.vs_rust"))
                .extracting(p -> p.ours() + " <- " + p.rustId() + " @" + p.target())
                .containsExactly(
                        "KinematicsBench.typed <- units.kinematics.uom @0.9",
                        "NBodyBench.typedSum <- units.nbody.uom @0.9");
        assertThat(RustRows.planned("units"))
                .filteredOn(p -> p.id().endsWith("vs_rust_f64"))
                .allSatisfy(p -> {
                    assertThat(p.rustId()).endsWith(".f64");
                    assertThat(p.target()).isNaN();
                });
        assertThat(RustRows.planned("kv"))
                .extracting(p -> p.id() + " <- " + p.ours() + " / " + p.rustId())
                .contains(
                        "kv.session.write_1m.vs_rust_lmdb <- KvSession.write_1m / kv.lmdb.write_1m",
                        "kv.session.read_1m.vs_rust_lmdb <- KvSession.read_1m / kv.lmdb.read_1m");
        assertThat(RustRows.planned("arena"))
                .filteredOn(p -> p.id().startsWith("arena.list1m."))
                .extracting(p -> p.id() + " <- " + p.rustId())
                .containsExactly(
                        "arena.list1m.vs_rust <- arena.list1m.bumpalo", "arena.list1m.vs_rust_box <- arena.list1m.box");
        assertThat(RustRows.planned("queue"))
                .filteredOn(p -> p.id().startsWith("queue.latency.spsc."))
                .extracting(p -> p.id() + " <- " + p.ours() + " / " + p.rustId())
                .contains(
                        "queue.latency.spsc.p50.vs_rust <- PingPong[queue=ferrum-spsc]:p50 / queue.latency.spsc_ring.p50",
                        "queue.latency.spsc.p99.vs_rust <- PingPong[queue=ferrum-spsc]:p99 / queue.latency.spsc_ring.p99");
        assertThat(RustRows.planned("matrix"))
                .allSatisfy(p -> assertThat(p.description()).contains("-C target-cpu=native"));
    }

    @Test
    void rustScoresInAnotherTimeUnitAreConvertedToTheBenchmarksUnit() throws Exception {
        Measurements m = new Measurements();
        m.put("KinematicsBench.typed", new Score(2.0, Double.NaN, "us/op", Double.NaN));
        var rust = new ObjectMapper()
                .readTree("{\"id\":\"units.kinematics.uom\",\"unit\":\"ns/op\",\"median\":1800,\"min\":1700,"
                        + "\"max\":1900,\"runs\":7}");
        Row row = RustRows.compare(
                "units",
                "units.kinematics.vs_rust",
                "d",
                m.get("KinematicsBench.typed"),
                "KinematicsBench.typed",
                rust,
                "Rust uom (this machine)",
                0.9);
        assertThat(row.ratio()).isCloseTo(0.9, within(1e-9));
        // Rust's min..max over its runs is the peer's interval, converted like the median.
        assertThat(row.peerLo()).isCloseTo(1.7, within(1e-9));
        assertThat(row.peerHi()).isCloseTo(1.9, within(1e-9));
        assertThat(RustRows.convert(1, "s/op", "ns/op")).isEqualTo(1e9);
        assertThat(RustRows.convert(5, "ops/s", "ns/op")).isNaN();
        var mismatched = new ObjectMapper()
                .readTree("{\"id\":\"x\",\"unit\":\"ops/s\",\"median\":1,\"min\":1,\"max\":1,\"runs\":1}");
        assertThat(RustRows.compare(
                                "units", "x.vs_rust", "d", m.get("KinematicsBench.typed"), "k", mismatched, "Rust", 0.9)
                        .note())
                .contains("does not convert");
    }

    @Test
    void targetsAreTheIssues() {
        assertThat(RustRows.planned("arena"))
                .filteredOn(p -> p.id().startsWith("arena.alloc") && p.id().endsWith(".vs_rust"))
                .hasSize(8)
                .allSatisfy(p -> assertThat(p.target()).isEqualTo(1.0));
        assertThat(RustRows.planned("queue"))
                .filteredOn(p -> !Double.isNaN(p.target()))
                .extracting(Planned -> Planned.id())
                .containsExactly("queue.spsc.throughput.vs_rust", "queue.spsc.throughput.vs_rust_crossbeam");
        assertThat(RustRows.planned("matrix")).extracting(p -> p.target()).containsExactly(0.8, 1.0);
    }
}
