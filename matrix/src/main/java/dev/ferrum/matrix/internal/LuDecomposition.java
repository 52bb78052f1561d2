/*
 * Copyright 2026 the Ferrum authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.ferrum.matrix.internal;

/**
 * LU decomposition with partial pivoting (Doolittle, row-major, in place on a copy): {@code P A = L U}
 * with unit lower-triangular L and upper-triangular U stored together (Golub and Van Loan, Algorithm 3.4.1).
 *
 * <p>Used for determinant, inverse and solve; {@code O(n^3)}. A pivot whose magnitude is below
 * {@code n * ulp(max |a|)} marks the matrix singular to working precision.
 */
public final class LuDecomposition {

    private final double[] lu;
    private final int n;
    private final int[] pivot;
    private final int swaps;
    private final int singularAt;

    private LuDecomposition(double[] lu, int n, int[] pivot, int swaps, int singularAt) {
        this.lu = lu;
        this.n = n;
        this.pivot = pivot;
        this.swaps = swaps;
        this.singularAt = singularAt;
    }

    /** Decomposes the square matrix {@code a}. */
    public static LuDecomposition of(DoubleStore a) {
        int n = a.rows();
        assert a.cols() == n;
        double[] lu = a.toArray();
        int[] pivot = new int[n];
        int swaps = 0;
        int singularAt = -1;
        double scale = 0;
        for (double v : lu) {
            scale = Math.max(scale, Math.abs(v));
        }
        double tiny = n * Math.ulp(scale);
        for (int col = 0; col < n; col++) {
            int best = col;
            double bestAbs = Math.abs(lu[col * n + col]);
            for (int r = col + 1; r < n; r++) {
                double v = Math.abs(lu[r * n + col]);
                if (v > bestAbs) {
                    best = r;
                    bestAbs = v;
                }
            }
            pivot[col] = best;
            if (best != col) {
                swaps++;
                for (int j = 0; j < n; j++) {
                    double t = lu[col * n + j];
                    lu[col * n + j] = lu[best * n + j];
                    lu[best * n + j] = t;
                }
            }
            double d = lu[col * n + col];
            if (!(bestAbs > tiny)) {
                if (singularAt < 0) {
                    singularAt = col;
                }
                continue;
            }
            for (int r = col + 1; r < n; r++) {
                double f = lu[r * n + col] / d;
                lu[r * n + col] = f;
                if (f != 0) {
                    for (int j = col + 1; j < n; j++) {
                        lu[r * n + j] -= f * lu[col * n + j];
                    }
                }
            }
        }
        return new LuDecomposition(lu, n, pivot, swaps, singularAt);
    }

    /** The first column whose pivot vanished, or -1 if the matrix is non-singular to working precision. */
    public int singularColumn() {
        return singularAt;
    }

    /** det(A) = (-1)^swaps * prod(diag U). */
    public double determinant() {
        double det = (swaps & 1) == 0 ? 1 : -1;
        for (int i = 0; i < n; i++) {
            det *= lu[i * n + i];
        }
        return det;
    }

    /**
     * Solves {@code A X = B} for X (n x cols) into {@code x}; the decomposition must be non-singular.
     */
    public void solve(DoubleStore b, DoubleStore x) {
        assert singularAt < 0 && b.rows() == n;
        int cols = b.cols();
        double[] y = b.toArray();
        for (int i = 0; i < n; i++) {
            int p = pivot[i];
            if (p != i) {
                for (int j = 0; j < cols; j++) {
                    double t = y[i * cols + j];
                    y[i * cols + j] = y[p * cols + j];
                    y[p * cols + j] = t;
                }
            }
        }
        for (int i = 0; i < n; i++) { // forward: L y = P b
            for (int r = 0; r < i; r++) {
                double f = lu[i * n + r];
                if (f != 0) {
                    for (int j = 0; j < cols; j++) {
                        y[i * cols + j] -= f * y[r * cols + j];
                    }
                }
            }
        }
        for (int i = n - 1; i >= 0; i--) { // backward: U x = y
            for (int r = i + 1; r < n; r++) {
                double f = lu[i * n + r];
                if (f != 0) {
                    for (int j = 0; j < cols; j++) {
                        y[i * cols + j] -= f * y[r * cols + j];
                    }
                }
            }
            double d = lu[i * n + i];
            for (int j = 0; j < cols; j++) {
                y[i * cols + j] /= d;
            }
        }
        x.load(y);
    }
}
