/*
 * Copyright 2026 the Ferrum authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.ferrum.matrix.internal;

import java.util.Locale;
import java.util.function.DoubleBinaryOperator;
import java.util.function.DoubleUnaryOperator;

/**
 * Element-wise operations, transpose, norms, LU decomposition and formatting over {@link DoubleStore}.
 * Shapes are checked by the callers (the typed API by construction, the dynamic API explicitly).
 */
public final class DoubleOps {

    private DoubleOps() {}

    /** {@code out[i] = op(x[i], y[i])} for every element. */
    public static void zip(DoubleStore x, DoubleStore y, DoubleStore out, DoubleBinaryOperator op) {
        long size = x.size();
        for (long e = 0; e < size; e++) {
            out.put(e, op.applyAsDouble(x.at(e), y.at(e)));
        }
    }

    /** {@code out = x + y}. */
    public static void add(DoubleStore x, DoubleStore y, DoubleStore out) {
        long size = x.size();
        for (long e = 0; e < size; e++) {
            out.put(e, x.at(e) + y.at(e));
        }
    }

    /** {@code out = x - y}. */
    public static void subtract(DoubleStore x, DoubleStore y, DoubleStore out) {
        long size = x.size();
        for (long e = 0; e < size; e++) {
            out.put(e, x.at(e) - y.at(e));
        }
    }

    /** {@code out = s * x}. */
    public static void scale(DoubleStore x, double s, DoubleStore out) {
        long size = x.size();
        for (long e = 0; e < size; e++) {
            out.put(e, s * x.at(e));
        }
    }

    /** {@code out[i] = f(x[i])}. */
    public static void map(DoubleStore x, DoubleStore out, DoubleUnaryOperator f) {
        long size = x.size();
        for (long e = 0; e < size; e++) {
            out.put(e, f.applyAsDouble(x.at(e)));
        }
    }

    /** {@code sum x_i y_i} over all elements (vectors: the dot product). */
    public static double dot(DoubleStore x, DoubleStore y) {
        long size = x.size();
        double sum = 0;
        for (long e = 0; e < size; e++) {
            sum = Math.fma(x.at(e), y.at(e), sum);
        }
        return sum;
    }

    /** {@code out = x * y^T}, x {@code m x k}, y {@code n x k}: row-by-row dot products, both rows contiguous. */
    public static void timesTransposed(DoubleStore x, DoubleStore y, DoubleStore out) {
        int m = x.rows();
        int k = x.cols();
        int n = y.rows();
        for (int i = 0; i < m; i++) {
            long xi = (long) i * k;
            for (int j = 0; j < n; j++) {
                long yj = (long) j * k;
                double sum = 0;
                for (int p = 0; p < k; p++) {
                    sum = Math.fma(x.at(xi + p), y.at(yj + p), sum);
                }
                out.set(i, j, sum);
            }
        }
    }

    /**
     * {@code out = x^T * y}, x {@code k x m}, y {@code k x n}: for each row p, {@code out[i][*] += x[p][i] * y[p][*]}
     * (rank-1 updates; every inner loop walks a row of y and a row of out contiguously).
     */
    public static void transposeTimes(DoubleStore x, DoubleStore y, DoubleStore out) {
        int k = x.rows();
        int m = x.cols();
        int n = y.cols();
        double[] acc = new double[m * n];
        for (int p = 0; p < k; p++) {
            long xp = (long) p * m;
            long yp = (long) p * n;
            for (int i = 0; i < m; i++) {
                double xpi = x.at(xp + i);
                int row = i * n;
                for (int j = 0; j < n; j++) {
                    acc[row + j] = Math.fma(xpi, y.at(yp + j), acc[row + j]);
                }
            }
        }
        out.load(acc);
    }

    /** {@code out = x^T}, blocked 32x32 so both the reads and the writes stay within a few pages. */
    public static void transpose(DoubleStore x, DoubleStore out) {
        int rows = x.rows();
        int cols = x.cols();
        final int block = 32;
        for (int i0 = 0; i0 < rows; i0 += block) {
            int iEnd = Math.min(i0 + block, rows);
            for (int j0 = 0; j0 < cols; j0 += block) {
                int jEnd = Math.min(j0 + block, cols);
                for (int i = i0; i < iEnd; i++) {
                    for (int j = j0; j < jEnd; j++) {
                        out.set(j, i, x.get(i, j));
                    }
                }
            }
        }
    }

    /** Frobenius norm, scaled to avoid overflow for large elements. */
    public static double frobenius(DoubleStore x) {
        double max = maxAbs(x);
        if (max == 0 || Double.isNaN(max) || Double.isInfinite(max)) {
            return max;
        }
        double sum = 0;
        long size = x.size();
        for (long e = 0; e < size; e++) {
            double v = x.at(e) / max;
            sum += v * v;
        }
        return max * Math.sqrt(sum);
    }

    /** Largest absolute element. */
    public static double maxAbs(DoubleStore x) {
        double max = 0;
        long size = x.size();
        for (long e = 0; e < size; e++) {
            double v = Math.abs(x.at(e));
            if (v > max || Double.isNaN(v)) {
                max = v;
            }
        }
        return max;
    }

    /** Induced 1-norm: largest column sum of absolute values. */
    public static double norm1(DoubleStore x) {
        double max = 0;
        for (int j = 0; j < x.cols(); j++) {
            double sum = 0;
            for (int i = 0; i < x.rows(); i++) {
                sum += Math.abs(x.get(i, j));
            }
            max = Math.max(max, sum);
        }
        return max;
    }

    /** Induced infinity-norm: largest row sum of absolute values. */
    public static double normInf(DoubleStore x) {
        double max = 0;
        for (int i = 0; i < x.rows(); i++) {
            double sum = 0;
            for (int j = 0; j < x.cols(); j++) {
                sum += Math.abs(x.get(i, j));
            }
            max = Math.max(max, sum);
        }
        return max;
    }

    /** Whether every pair of elements differs by at most {@code tolerance} (NaN never matches). */
    public static boolean close(DoubleStore x, DoubleStore y, double tolerance) {
        long size = x.size();
        for (long e = 0; e < size; e++) {
            if (!(Math.abs(x.at(e) - y.at(e)) <= tolerance)) {
                return false;
            }
        }
        return true;
    }

    /** Exact element-wise equality in the sense of {@link Double#compare}. */
    public static boolean same(DoubleStore x, DoubleStore y) {
        long size = x.size();
        for (long e = 0; e < size; e++) {
            if (Double.compare(x.at(e), y.at(e)) != 0) {
                return false;
            }
        }
        return true;
    }

    /** Hash of the shape and the values, consistent with {@link #same}. */
    public static int hash(DoubleStore x) {
        int h = 31 * x.rows() + x.cols();
        long size = x.size();
        for (long e = 0; e < size; e++) {
            h = 31 * h + Double.hashCode(x.at(e));
        }
        return h;
    }

    /** Sum of the diagonal. */
    public static double trace(DoubleStore x) {
        double sum = 0;
        for (int i = 0; i < x.rows(); i++) {
            sum += x.get(i, i);
        }
        return sum;
    }

    /**
     * Up to 8 rows and 8 columns, each column right-aligned, with "..." where rows or columns are left out.
     *
     * @param header e.g. {@code Matrix<N3, N2> 3x2}
     */
    public static String format(DoubleStore x, String header) {
        final int shown = 8;
        int rows = x.rows();
        int cols = x.cols();
        int[] rowIdx = indices(rows, shown);
        int[] colIdx = indices(cols, shown);
        String[][] cells = new String[rowIdx.length][colIdx.length];
        int[] width = new int[colIdx.length];
        for (int r = 0; r < rowIdx.length; r++) {
            for (int c = 0; c < colIdx.length; c++) {
                String s = rowIdx[r] < 0 || colIdx[c] < 0 ? "..." : formatValue(x.get(rowIdx[r], colIdx[c]));
                cells[r][c] = s;
                width[c] = Math.max(width[c], s.length());
            }
        }
        StringBuilder sb = new StringBuilder(header);
        for (String[] row : cells) {
            sb.append('\n').append('[');
            for (int c = 0; c < row.length; c++) {
                sb.append(c == 0 ? "" : "  ")
                        .append(" ".repeat(width[c] - row[c].length()))
                        .append(row[c]);
            }
            sb.append(']');
        }
        return sb.toString();
    }

    private static int[] indices(int count, int shown) {
        if (count <= shown) {
            int[] all = new int[count];
            for (int i = 0; i < count; i++) {
                all[i] = i;
            }
            return all;
        }
        int head = shown / 2;
        int[] idx = new int[shown + 1];
        for (int i = 0; i < head; i++) {
            idx[i] = i;
        }
        idx[head] = -1; // the "..." row or column
        for (int i = 0; i < shown - head; i++) {
            idx[head + 1 + i] = count - (shown - head) + i;
        }
        return idx;
    }

    private static String formatValue(double v) {
        if (v == 0) {
            return "0";
        }
        double a = Math.abs(v);
        if (a >= 1e-4 && a < 1e6) {
            String s = String.format(Locale.ROOT, "%.6f", v);
            s = s.replaceAll("0+$", "");
            return s.endsWith(".") ? s.substring(0, s.length() - 1) : s;
        }
        return String.format(Locale.ROOT, "%.6e", v);
    }
}
