/*
 * Copyright 2026 the Ferrum authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.ferrum.matrix.internal;

/**
 * Cholesky decomposition {@code A = L L^T} of a symmetric positive-definite matrix (Golub and Van Loan,
 * Algorithm 4.2.1, row by row). Reads only the lower triangle of A, as LAPACK's {@code dpotrf} with
 * {@code uplo = 'L'} does; {@code n^3 / 3} multiply-adds, half of LU.
 *
 * <p>A is not positive definite (to working precision) when a diagonal {@code d_j = a_jj - sum_k l_jk^2} is not
 * larger than {@code 2 n eps a_jj}: the part of {@code a_jj} that survives the subtraction is rounding noise.
 */
public final class CholeskyFactor {

    private final int n;
    private final double[] l;
    private final int failedAt;

    private CholeskyFactor(int n, double[] l, int failedAt) {
        this.n = n;
        this.l = l;
        this.failedAt = failedAt;
    }

    /** Decomposes the square matrix {@code a} (its lower triangle). */
    public static CholeskyFactor of(DoubleStore a) {
        int n = a.rows();
        double[] l = new double[n * n];
        double bound = 2.0 * n * Math.ulp(1.0);
        for (int j = 0; j < n; j++) {
            for (int i = j; i < n; i++) {
                double sum = a.get(i, j);
                for (int k = 0; k < j; k++) {
                    sum -= l[i * n + k] * l[j * n + k];
                }
                if (i == j) {
                    double ajj = a.get(j, j);
                    if (!(sum > bound * Math.abs(ajj))) { // also rejects NaN
                        return new CholeskyFactor(n, l, j);
                    }
                    l[j * n + j] = Math.sqrt(sum);
                } else {
                    l[i * n + j] = sum / l[j * n + j];
                }
            }
        }
        return new CholeskyFactor(n, l, -1);
    }

    /** The column whose diagonal was not positive, or -1 if A is positive definite. */
    public int failedColumn() {
        return failedAt;
    }

    /** Element (i, j) of L. */
    public double lower(int i, int j) {
        return l[i * n + j];
    }

    /** {@code prod(diag L)^2}. */
    public double determinant() {
        double d = 1;
        for (int i = 0; i < n; i++) {
            d *= l[i * n + i];
        }
        return d * d;
    }

    /** Solves {@code A X = B} by {@code L y = b}, {@code L^T x = y}. */
    public void solve(DoubleStore b, DoubleStore x) {
        assert failedAt < 0;
        int cols = b.cols();
        double[] y = b.toArray();
        for (int i = 0; i < n; i++) {
            for (int k = 0; k < i; k++) {
                double f = l[i * n + k];
                for (int j = 0; j < cols; j++) {
                    y[i * cols + j] -= f * y[k * cols + j];
                }
            }
            double d = l[i * n + i];
            for (int j = 0; j < cols; j++) {
                y[i * cols + j] /= d;
            }
        }
        for (int i = n - 1; i >= 0; i--) {
            for (int k = i + 1; k < n; k++) {
                double f = l[k * n + i];
                for (int j = 0; j < cols; j++) {
                    y[i * cols + j] -= f * y[k * cols + j];
                }
            }
            double d = l[i * n + i];
            for (int j = 0; j < cols; j++) {
                y[i * cols + j] /= d;
            }
        }
        x.load(y);
    }
}
