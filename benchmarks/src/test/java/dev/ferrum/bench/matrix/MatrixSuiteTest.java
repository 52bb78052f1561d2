/*
 * Copyright 2026 the Ferrum authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.ferrum.bench.matrix;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.ferrum.bench.report.Score;
import dev.ferrum.bench.support.Comparison;
import java.lang.reflect.Method;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.openjdk.jmh.annotations.Benchmark;

class MatrixSuiteTest {

    @Test
    void peakEstimateUsesClockLanesAndTwoFmaPipes() {
        PeakFlops avx512 = PeakFlops.parse(List.of(
                "model name\t: AMD EPYC",
                "cpu MHz\t\t: 2596.122",
                "flags\t\t: fpu sse2 avx avx2 fma avx512f avx512dq",
                "cpu MHz\t\t: 2000.0"));
        assertThat(avx512.lanes()).isEqualTo(8);
        assertThat(avx512.fma()).isTrue();
        assertThat(avx512.gflops()).isCloseTo(2.596122 * 8 * 2 * 2, within(1e-9));
        assertThat(avx512.explanation()).contains("AVX-512").contains("AMD EPYC");
        PeakFlops avx2 = PeakFlops.parse(List.of("cpu MHz : 3000", "flags : sse2 avx avx2 fma"));
        assertThat(avx2.gflops()).isCloseTo(3.0 * 4 * 2 * 2, within(1e-9));
    }

    @Test
    void gflopsAreTwoNCubedOverTheTime() {
        Score s = MatrixSuite.toGflops(new Score(2_000_000, 200_000, "ns/op", 0), 256);
        assertThat(s.value()).isCloseTo(2.0 * 256 * 256 * 256 / 2_000_000, within(1e-9));
        assertThat(s.error()).isCloseTo(s.value() * 0.1, within(1e-9));
        assertThat(s.unit()).isEqualTo("GFLOP/s");
        assertThat(MatrixSuite.toGflops(new Score(2, 0, "ms/op", 0), 256).value())
                .isCloseTo(s.value(), within(1e-9));
    }

    @Test
    void everyRowNamesBenchmarksThatExist() {
        MatrixSuite suite = new MatrixSuite();
        Set<String> methods = new HashSet<>();
        for (Class<?> c : suite.benchmarks()) {
            for (Method m : c.getDeclaredMethods()) {
                if (m.isAnnotationPresent(Benchmark.class)) {
                    methods.add(c.getSimpleName() + "." + m.getName());
                }
            }
        }
        for (Comparison c : suite.comparisons()) {
            assertThat(methods).as(c.id()).contains(c.ours().replaceAll("\\[.*", ""));
            if (c.peer() != null) {
                assertThat(methods).as(c.id()).contains(c.peer().replaceAll("\\[.*", ""));
            }
        }
        assertThat(suite.comparisons()).extracting(Comparison::id).doesNotHaveDuplicates();
    }
}
