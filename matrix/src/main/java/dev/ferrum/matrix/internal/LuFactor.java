/*
 * Copyright 2026 the Ferrum authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.ferrum.matrix.internal;

/**
 * LU decomposition with partial pivoting (Doolittle, right-looking, row-major, in place on a copy):
 * {@code P A = L U} with unit lower-triangular L and upper-triangular U stored together (Golub and Van Loan,
 * Algorithm 3.4.1). {@code O(n^3)} to decompose, {@code O(n^2)} per right-hand side to solve.
 *
 * <p><b>Singular to working precision, judged per pivot and scale-invariantly.</b> Each pivot
 * {@code u_kk = a_kk - sum_{j<k} l_kj u_jk} is the result of a sum whose rounding error is bounded by
 * {@code gamma_n (|L||U|)_kk} (the backward-error bound of Gaussian elimination, Higham, Theorem 9.3). A pivot no
 * larger than that bound is indistinguishable from zero and marks the matrix singular; a pivot that took no
 * cancellation ({@code diag(1e10, 1e-7)}) never is, however small. The test compares each pivot with the terms it
 * was computed from, so it is unchanged when a row or a column is scaled by any factor: unlike a threshold on the
 * largest element, it does not call an invertible but badly scaled matrix singular.
 *
 * <p><b>Non-finite input.</b> No singularity judgement is made when an element is NaN or infinite; the arithmetic
 * runs as IEEE 754 says (a zero pivot divides, giving infinities or NaN), so NaN and infinity propagate into the
 * determinant and the solutions instead of being hidden behind a "singular" verdict or a zero.
 */
public final class LuFactor {

    private final double[] lu;
    private final int n;
    private final int[] pivot;
    private final int swaps;
    private final int singularAt;
    private final boolean finite;
    private final boolean nan;

    private LuFactor(double[] lu, int n, int[] pivot, int swaps, int singularAt, boolean finite, boolean nan) {
        this.lu = lu;
        this.n = n;
        this.pivot = pivot;
        this.swaps = swaps;
        this.singularAt = singularAt;
        this.finite = finite;
        this.nan = nan;
    }

    /** Decomposes the square matrix {@code a}. */
    public static LuFactor of(DoubleStore a) {
        assert a.cols() == a.rows();
        return of(a.toArray(), a.rows());
    }

    /** Decomposes the {@code n x n} row-major matrix in {@code lu}, overwriting it. */
    static LuFactor of(double[] lu, int n) {
        boolean finite = true;
        boolean nan = false;
        for (double v : lu) {
            finite &= Double.isFinite(v);
            nan |= Double.isNaN(v);
        }
        int[] pivot = new int[n];
        int swaps = 0;
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
            if (d == 0 && finite) {
                // The whole column below is zero too (d had the largest magnitude): nothing to eliminate, and
                // dividing would turn exact zeros into NaN. Non-finite input divides anyway (IEEE propagation).
                continue;
            }
            for (int r = col + 1; r < n; r++) {
                double f = lu[r * n + col] / d;
                lu[r * n + col] = f;
                for (int j = col + 1; j < n; j++) {
                    lu[r * n + j] -= f * lu[col * n + j];
                }
            }
        }
        int singularAt = finite ? firstNegligiblePivot(lu, n) : -1;
        return new LuFactor(lu, n, pivot, swaps, singularAt, finite, nan);
    }

    /**
     * The first k with {@code |u_kk| <= 2 n eps (|L||U|)_kk}, or -1. {@code (|L||U|)_kk} includes {@code |u_kk|}
     * itself, so a pivot computed without cancellation passes unless it is exactly zero.
     */
    private static int firstNegligiblePivot(double[] lu, int n) {
        double bound = 2.0 * n * Math.ulp(1.0);
        for (int k = 0; k < n; k++) {
            double u = Math.abs(lu[k * n + k]);
            double terms = u;
            for (int j = 0; j < k; j++) {
                terms += Math.abs(lu[k * n + j]) * Math.abs(lu[j * n + k]);
            }
            if (u == 0 || u <= bound * terms) {
                return k;
            }
        }
        return -1;
    }

    /** The matrix order. */
    public int order() {
        return n;
    }

    /**
     * The first column whose pivot is zero to working precision, or -1 if the matrix is non-singular (always -1
     * for non-finite input, whose results are NaN or infinite instead).
     */
    public int singularColumn() {
        return singularAt;
    }

    /** Whether every element of the decomposed matrix was finite. */
    public boolean finite() {
        return finite;
    }

    /**
     * The determinant: 0 if singular to working precision, else {@code (-1)^swaps * prod(diag U)}; NaN if the
     * matrix holds a NaN, and for infinite elements what IEEE arithmetic on the pivots gives.
     */
    public double determinant() {
        if (singularAt >= 0) {
            return 0;
        }
        double det = (swaps & 1) == 0 ? 1 : -1;
        for (int i = 0; i < n; i++) {
            det *= lu[i * n + i];
        }
        // A NaN element poisons every term of the determinant's expansion, even where elimination met it only
        // through a zero factor.
        return nan ? Double.NaN : det;
    }

    /** Element (i, j) of the unit lower-triangular factor L. */
    public double lower(int i, int j) {
        return i == j ? 1 : i > j ? lu[i * n + j] : 0;
    }

    /** Element (i, j) of the upper-triangular factor U. */
    public double upper(int i, int j) {
        return i <= j ? lu[i * n + j] : 0;
    }

    /** The row permutation: row i of {@code P A} is row {@code permutation()[i]} of A. */
    public int[] permutation() {
        int[] perm = new int[n];
        for (int i = 0; i < n; i++) {
            perm[i] = i;
        }
        for (int i = 0; i < n; i++) {
            int p = pivot[i];
            int t = perm[i];
            perm[i] = perm[p];
            perm[p] = t;
        }
        return perm;
    }

    /**
     * Solves {@code A X = B} for X (n x cols) into {@code x}; the caller has checked {@link #singularColumn()}
     * (non-finite decompositions solve anyway and propagate NaN/infinity).
     */
    public void solve(DoubleStore b, DoubleStore x) {
        assert singularAt < 0 && b.rows() == n;
        double[] y = b.toArray();
        solveInPlace(y, b.cols());
        x.load(y);
    }

    /** Solves in place on a row-major {@code n x cols} array. */
    void solveInPlace(double[] y, int cols) {
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
                for (int j = 0; j < cols; j++) {
                    y[i * cols + j] -= f * y[r * cols + j];
                }
            }
        }
        for (int i = n - 1; i >= 0; i--) { // backward: U x = y
            for (int r = i + 1; r < n; r++) {
                double f = lu[i * n + r];
                for (int j = 0; j < cols; j++) {
                    y[i * cols + j] -= f * y[r * cols + j];
                }
            }
            double d = lu[i * n + i];
            for (int j = 0; j < cols; j++) {
                y[i * cols + j] /= d;
            }
        }
    }
}
