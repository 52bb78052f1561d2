/*
 * Copyright 2026 the Ferrum authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.ferrum.bench.rust;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ferrum.bench.report.Row;
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
        for (String suite : List.of("arena", "queue", "matrix", "units")) {
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
        assertThat(RustRows.rows(side, "kv", context)).isEmpty();
    }

    @Test
    void targetsAreTheIssues() {
        assertThat(RustRows.planned("arena"))
                .filteredOn(p -> p.id().endsWith(".vs_rust"))
                .hasSize(8)
                .allSatisfy(p -> assertThat(p.target()).isEqualTo(1.0));
        assertThat(RustRows.planned("queue"))
                .filteredOn(p -> !Double.isNaN(p.target()))
                .extracting(Planned -> Planned.id())
                .containsExactly("queue.spsc.throughput.vs_rust", "queue.spsc.throughput.vs_rust_crossbeam");
        assertThat(RustRows.planned("matrix")).extracting(p -> p.target()).containsExactly(0.8, 1.0);
    }
}
