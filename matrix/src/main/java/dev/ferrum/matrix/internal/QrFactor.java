/*
 * Copyright 2026 the Ferrum authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.ferrum.matrix.internal;

/**
 * Householder QR decomposition of an {@code m x n} matrix: {@code A = Q R}, Q {@code m x m} orthogonal, R
 * {@code m x n} upper-triangular (Golub and Van Loan, Algorithm 5.2.1; reflectors formed as LAPACK's
 * {@code dlarfg}: {@code H = I - tau v v^T}, {@code v_0 = 1}). {@code O(m n^2)}; Q is kept as its reflectors and
 * formed only when asked for.
 *
 * <p>Rank: column k counts as dependent on the ones before it when {@code |r_kk| <= max(m, n) eps ||A e_k||}, a
 * test relative to that column's own norm, so scaling a column does not change the verdict.
 */
public final class QrFactor {

    private final int m;
    private final int n;
    /** R in the upper triangle, reflector k's tail {@code v_{k+1..m-1}} below the diagonal of column k. */
    private final double[] qr;

    private final double[] tau;
    private final int rankDeficientAt;

    private QrFactor(int m, int n, double[] qr, double[] tau, int rankDeficientAt) {
        this.m = m;
        this.n = n;
        this.qr = qr;
        this.tau = tau;
        this.rankDeficientAt = rankDeficientAt;
    }

    /** Decomposes {@code a}. */
    public static QrFactor of(DoubleStore a) {
        int m = a.rows();
        int n = a.cols();
        double[] qr = a.toArray();
        double[] columnNorm = new double[n];
        for (int j = 0; j < n; j++) {
            columnNorm[j] = norm(qr, j, n, m);
        }
        int steps = Math.min(m, n);
        double[] tau = new double[steps];
        for (int k = 0; k < steps; k++) {
            double alpha = qr[k * n + k];
            double tailNorm = k + 1 < m ? norm(qr, (k + 1) * n + k, n, m - k - 1) : 0;
            if (tailNorm == 0) {
                tau[k] = 0; // already upper-triangular in this column: H = I
                continue;
            }
            double beta = -Math.copySign(Math.hypot(alpha, tailNorm), alpha);
            tau[k] = (beta - alpha) / beta;
            double scale = 1 / (alpha - beta);
            for (int i = k + 1; i < m; i++) {
                qr[i * n + k] *= scale;
            }
            qr[k * n + k] = beta;
            // A[k.., k+1..] -= tau v (v^T A[k.., k+1..])
            for (int j = k + 1; j < n; j++) {
                double dot = qr[k * n + j];
                for (int i = k + 1; i < m; i++) {
                    dot += qr[i * n + k] * qr[i * n + j];
                }
                dot *= tau[k];
                qr[k * n + j] -= dot;
                for (int i = k + 1; i < m; i++) {
                    qr[i * n + j] -= dot * qr[i * n + k];
                }
            }
        }
        int deficient = -1;
        double eps = Math.max(m, n) * Math.ulp(1.0);
        for (int k = 0; k < steps && deficient < 0; k++) {
            double r = Math.abs(qr[k * n + k]);
            if (r == 0 || r <= eps * columnNorm[k] || Double.isNaN(r)) {
                deficient = k;
            }
        }
        return new QrFactor(m, n, qr, tau, deficient);
    }

    /** Euclidean norm of {@code count} elements from {@code start} with stride {@code stride}, without overflow. */
    private static double norm(double[] x, int start, int stride, int count) {
        double scale = 0;
        for (int i = 0, e = start; i < count; i++, e += stride) {
            scale = Math.max(scale, Math.abs(x[e]));
        }
        if (scale == 0 || !Double.isFinite(scale)) {
            return scale;
        }
        double sum = 0;
        for (int i = 0, e = start; i < count; i++, e += stride) {
            double v = x[e] / scale;
            sum += v * v;
        }
        return scale * Math.sqrt(sum);
    }

    /** The first column that depends on the columns before it (to working precision), or -1 at full column rank. */
    public int rankDeficientColumn() {
        return rankDeficientAt;
    }

    /** Writes R ({@code m x n}, zeros below the diagonal) into {@code r}. */
    public void r(DoubleStore r) {
        for (int i = 0; i < m; i++) {
            for (int j = 0; j < n; j++) {
                r.set(i, j, j >= i ? qr[i * n + j] : 0);
            }
        }
    }

    /** Writes Q ({@code m x m}, orthogonal) into {@code q}: the reflectors applied to the identity, last first. */
    public void q(DoubleStore q) {
        double[] out = new double[m * m];
        for (int i = 0; i < m; i++) {
            out[i * m + i] = 1;
        }
        for (int k = tau.length - 1; k >= 0; k--) {
            applyReflector(k, out, m);
        }
        q.load(out);
    }

    /** {@code y = H_k y} on a row-major {@code m x cols} array. */
    private void applyReflector(int k, double[] y, int cols) {
        double t = tau[k];
        if (t == 0) {
            return;
        }
        for (int j = 0; j < cols; j++) {
            double dot = y[k * cols + j];
            for (int i = k + 1; i < m; i++) {
                dot += qr[i * n + k] * y[i * cols + j];
            }
            dot *= t;
            y[k * cols + j] -= dot;
            for (int i = k + 1; i < m; i++) {
                y[i * cols + j] -= dot * qr[i * n + k];
            }
        }
    }

    /**
     * The least-squares solution X ({@code n x cols}) of {@code min ||A X - B||}, B {@code m x cols}; the caller
     * has checked {@code m >= n} and full column rank.
     */
    public void leastSquares(DoubleStore b, DoubleStore x) {
        assert m >= n && rankDeficientAt < 0;
        int cols = b.cols();
        double[] y = b.toArray();
        for (int k = 0; k < tau.length; k++) { // y = Q^T b = H_{p-1} ... H_0 b
            applyReflector(k, y, cols);
        }
        for (int i = n - 1; i >= 0; i--) { // R[0..n, 0..n] x = y[0..n]
            for (int r = i + 1; r < n; r++) {
                double f = qr[i * n + r];
                for (int j = 0; j < cols; j++) {
                    y[i * cols + j] -= f * y[r * cols + j];
                }
            }
            double d = qr[i * n + i];
            for (int j = 0; j < cols; j++) {
                y[i * cols + j] /= d;
            }
        }
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < cols; j++) {
                x.set(i, j, y[i * cols + j]);
            }
        }
    }
}
