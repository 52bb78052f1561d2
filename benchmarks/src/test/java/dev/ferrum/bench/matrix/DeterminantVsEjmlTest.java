/*
 * Copyright 2026 the Ferrum authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.ferrum.bench.matrix;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.ferrum.matrix.DynMatrix;
import java.util.SplittableRandom;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.CommonOps_DDRM;
import org.junit.jupiter.api.Test;

/**
 * Ferrum's determinant and inverse cross-checked against EJML (a benchmark peer, so the check lives here and not in
 * the library's tests): well-conditioned matrices with rows and columns scaled over hundreds of decades, and
 * matrices holding NaN or infinity.
 */
class DeterminantVsEjmlTest {

    private record Scaled(double[] values, double[] unscaled, double[] rowScale, double[] colScale) {}

    /** {@code D1 (A + n I) D2} with A uniform in [-1, 1) and the scales powers of ten from 1e-100 to 1e100. */
    private static Scaled scaled(int n, long seed, int decades) {
        SplittableRandom r = new SplittableRandom(seed);
        double[] rowScale = new double[n];
        double[] colScale = new double[n];
        for (int i = 0; i < n; i++) {
            rowScale[i] = Math.pow(10, r.nextInt(-decades, decades + 1));
            colScale[i] = Math.pow(10, r.nextInt(-decades, decades + 1));
        }
        double[] v = new double[n * n];
        double[] unscaled = new double[n * n];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < n; j++) {
                double a = r.nextDouble(-1, 1) + (i == j ? n : 0);
                unscaled[i * n + j] = a;
                v[i * n + j] = rowScale[i] * a * colScale[j];
            }
        }
        return new Scaled(v, unscaled, rowScale, colScale);
    }

    @Property(tries = 200)
    void determinantAgreesWithEjmlOnBadlyScaledMatrices(
            @ForAll @IntRange(min = 1, max = 12) int n,
            @ForAll long seed,
            @ForAll @IntRange(min = 0, max = 25) int decades) {
        // Up to 25 decades per row and column keeps the product of 12 pivots inside the double range.
        Scaled s = scaled(n, seed, decades);
        double ours = DynMatrix.of(n, n, s.values()).determinant();
        double ejml = CommonOps_DDRM.det(new DMatrixRMaj(n, n, true, s.values()));
        assertThat(ejml).isNotZero();
        assertThat(ours).isCloseTo(ejml, within(Math.abs(ejml) * 1e-10));
    }

    @Property(tries = 200)
    void inverseAgreesWithEjmlAndNeverCallsScaledMatricesSingular(
            @ForAll @IntRange(min = 1, max = 12) int n, @ForAll long seed) {
        // EJML inverts the unscaled matrix (on the scaled one its elements overflow to infinity beyond ~1e150).
        Scaled s = scaled(n, seed, 100);
        DMatrixRMaj ejml = new DMatrixRMaj(n, n);
        assertThat(CommonOps_DDRM.invert(new DMatrixRMaj(n, n, true, s.unscaled()), ejml))
                .isTrue();
        DynMatrix ours = DynMatrix.of(n, n, s.values()).inverse(); // throws SingularMatrixException on failure
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < n; j++) {
                // (D1 A D2)^-1 = D2^-1 A^-1 D1^-1: undo the scaling before comparing.
                double unscale = s.colScale()[i] * s.rowScale()[j];
                assertThat(ours.get(i, j) * unscale).isCloseTo(ejml.get(i, j), within(1e-9));
            }
        }
    }

    @Test
    void badlyScaledDiagonalGivesWhatEjmlGives() {
        double[] v = {1e10, 0, 0, 1e-7};
        double ejml = CommonOps_DDRM.det(new DMatrixRMaj(2, 2, true, v));
        assertThat(ejml).isCloseTo(1000, within(1e-9));
        assertThat(DynMatrix.of(2, 2, v).determinant()).isCloseTo(ejml, within(1e-9));
    }

    @Property(tries = 200)
    void nonFiniteElementsGiveNonFiniteDeterminantsLikeEjml(
            @ForAll @IntRange(min = 1, max = 8) int n,
            @ForAll long seed,
            @ForAll @IntRange(min = 0, max = 2) int kind,
            @ForAll @IntRange(min = 1, max = 3) int count) {
        SplittableRandom r = new SplittableRandom(seed);
        double[] v = scaled(n, seed, 3).values();
        double special = kind == 0 ? Double.NaN : kind == 1 ? Double.POSITIVE_INFINITY : Double.NEGATIVE_INFINITY;
        for (int c = 0; c < count; c++) {
            v[r.nextInt(n * n)] = special;
        }
        double ours = DynMatrix.of(n, n, v).determinant();
        double ejml = CommonOps_DDRM.det(new DMatrixRMaj(n, n, true, v.clone()));
        if (kind == 0) {
            assertThat(ours).as("NaN in, NaN out").isNaN();
            assertThat(ejml).isNaN();
        } else {
            assertThat(Double.isFinite(ours))
                    .as("infinity in, no finite determinant out")
                    .isFalse();
            assertThat(Double.isFinite(ejml)).isFalse();
            if (Double.isInfinite(ours) && Double.isInfinite(ejml)) {
                assertThat(ours).isEqualTo(ejml);
            }
        }
    }
}
