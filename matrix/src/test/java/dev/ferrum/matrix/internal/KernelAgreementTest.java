/*
 * Copyright 2026 the Ferrum authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.ferrum.matrix.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.foreign.MemorySegment;
import java.util.SplittableRandom;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Every multiply kernel agrees with the textbook triple loop. */
class KernelAgreementTest {

    private static DoubleStore random(int rows, int cols, long seed, boolean onHeap) {
        DoubleStore s = onHeap ? DoubleStore.onHeap(rows, cols) : DoubleStore.offHeap(rows, cols);
        SplittableRandom r = new SplittableRandom(seed);
        for (long e = 0; e < s.size(); e++) {
            s.put(e, r.nextDouble(-1, 1));
        }
        return s;
    }

    private static DoubleStore naive(DoubleStore a, DoubleStore b) {
        DoubleStore c = DoubleStore.onHeap(a.rows(), b.cols());
        DoubleKernels.naive(a.segment(), b.segment(), c.segment(), a.rows(), a.cols(), b.cols());
        return c;
    }

    private static void assertAgree(DoubleStore expected, DoubleStore actual, int k) {
        // Different summation orders differ by rounding only: |error| <= k * eps * sum |a||b| <= k * eps * k.
        double tolerance = 4.0 * k * k * Math.ulp(1.0) + 1e-15;
        for (int i = 0; i < expected.rows(); i++) {
            for (int j = 0; j < expected.cols(); j++) {
                assertThat(actual.get(i, j))
                        .as("element (%d, %d) of %dx%d", i, j, expected.rows(), expected.cols())
                        .isCloseTo(expected.get(i, j), org.assertj.core.data.Offset.offset(tolerance));
            }
        }
    }

    @Property(tries = 150)
    void simdAndBlockedAgreeWithNaiveOnRandomShapes(
            @ForAll @IntRange(min = 1, max = 70) int m,
            @ForAll @IntRange(min = 1, max = 70) int k,
            @ForAll @IntRange(min = 1, max = 70) int n,
            @ForAll long seed,
            @ForAll boolean onHeap) {
        DoubleStore a = random(m, k, seed, onHeap);
        DoubleStore b = random(k, n, seed + 1, onHeap);
        DoubleStore expected = naive(a, b);
        DoubleStore c = random(m, n, seed + 2, onHeap); // garbage in C must be overwritten, not accumulated
        DoubleVectorKernels.simd(a.segment(), b.segment(), c.segment(), m, k, n);
        assertAgree(expected, c, k);
        DoubleStore d = random(m, n, seed + 3, onHeap);
        DoubleKernels.blocked(a.segment(), b.segment(), d.segment(), m, k, n);
        assertAgree(expected, d, k);
        DoubleStore e = random(m, n, seed + 4, onHeap);
        DoubleKernels.multiply(a, b, e);
        assertAgree(expected, e, k);
    }

    @ParameterizedTest(name = "{0}x{1} times {1}x{2}")
    @CsvSource({"5, 300, 37", "67, 513, 3", "130, 257, 129", "256, 256, 256", "1, 600, 1", "9, 1, 300", "33, 270, 529"})
    void simdAgreesAcrossSeveralKBlocksAndRowBlocks(int m, int k, int n) {
        DoubleStore a = random(m, k, 11, false);
        DoubleStore b = random(k, n, 12, false);
        DoubleStore expected = naive(a, b);
        DoubleStore c = random(m, n, 13, false);
        DoubleVectorKernels.simd(a.segment(), b.segment(), c.segment(), m, k, n);
        assertAgree(expected, c, k);
        DoubleStore d = random(m, n, 14, false);
        DoubleKernels.blocked(a.segment(), b.segment(), d.segment(), m, k, n);
        assertAgree(expected, d, k);
    }

    @Property(tries = 60)
    void unrolledKernelsAgreeWithNaive(
            @ForAll @IntRange(min = 2, max = 4) int size, @ForAll long seed, @ForAll boolean onHeap) {
        DoubleStore a = random(size, size, seed, onHeap);
        DoubleStore b = random(size, size, seed ^ 0x5DEECE66DL, onHeap);
        DoubleStore expected = naive(a, b);
        DoubleStore c = random(size, size, seed + 7, onHeap);
        MemorySegment as = a.segment();
        MemorySegment bs = b.segment();
        MemorySegment cs = c.segment();
        switch (size) {
            case 2 -> DoubleKernels.unrolled2(as, bs, cs);
            case 3 -> DoubleKernels.unrolled3(as, bs, cs);
            default -> DoubleKernels.unrolled4(as, bs, cs);
        }
        assertAgree(expected, c, size);
        if (DoubleKernels.SIMD4 && size >= 3) {
            DoubleStore v = random(size, size, seed + 8, onHeap);
            if (size == 3) {
                DoubleVectorKernels.unrolled3Simd(as, bs, v.segment());
            } else {
                DoubleVectorKernels.unrolled4Simd(as, bs, v.segment());
            }
            // Same multiply-then-add order as the scalar kernels: bit-identical.
            assertThat(v.toArray()).containsExactly(c.toArray());
            if (size == 4 && onHeap) {
                double[] out = new double[16];
                DoubleVectorKernels.unrolled4Simd(a.array(), b.array(), out);
                assertThat(out).containsExactly(c.toArray());
            }
        }
        assertThat(DoubleKernels.kernelFor(size, size, size)).isEqualTo("unrolled" + size);
    }

    @Test
    void dispatchPicksTheVectorKernelForLargeShapesWhenAvailable() {
        assertThat(DoubleKernels.kernelFor(256, 256, 256)).isEqualTo(DoubleKernels.SIMD_ENABLED ? "simd" : "blocked");
        assertThat(DoubleKernels.kernelFor(2, 2, 2)).isEqualTo("unrolled2");
        assertThat(DoubleKernels.kernelFor(2, 3, 2)).isEqualTo("naive");
    }

    @Test
    void floatKernelsAgreeWithNaive() {
        SplittableRandom r = new SplittableRandom(5);
        for (int[] shape : new int[][] {{1, 1, 1}, {3, 5, 7}, {17, 33, 65}, {64, 64, 64}, {100, 300, 35}}) {
            int m = shape[0];
            int k = shape[1];
            int n = shape[2];
            FloatStore a = FloatStore.offHeap(m, k);
            FloatStore b = FloatStore.onHeap(k, n);
            for (long e = 0; e < a.size(); e++) {
                a.put(e, (float) r.nextDouble(-1, 1));
            }
            for (long e = 0; e < b.size(); e++) {
                b.put(e, (float) r.nextDouble(-1, 1));
            }
            FloatStore expected = FloatStore.onHeap(m, n);
            FloatKernels.naive(a.segment(), b.segment(), expected.segment(), m, k, n);
            FloatStore c = FloatStore.offHeap(m, n);
            c.put(0, 123f);
            FloatVectorKernels.simd(a.segment(), b.segment(), c.segment(), m, k, n);
            FloatStore d = FloatStore.offHeap(m, n);
            FloatKernels.multiply(a, b, d);
            float tolerance = 4f * k * Math.ulp(1f) * (float) Math.sqrt(k) + 1e-6f;
            for (long e = 0; e < expected.size(); e++) {
                assertThat(c.at(e))
                        .as("simd element %d of %dx%dx%d", e, m, k, n)
                        .isCloseTo(expected.at(e), org.assertj.core.data.Offset.offset(tolerance));
                assertThat(d.at(e)).isCloseTo(expected.at(e), org.assertj.core.data.Offset.offset(tolerance));
            }
        }
    }
}
