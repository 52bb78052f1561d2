/**
 * Storage and kernels behind {@code dev.ferrum.matrix}; not exported.
 *
 * <p>All raw memory access of the module is here: {@link dev.ferrum.matrix.internal.DoubleStore} and
 * {@link dev.ferrum.matrix.internal.FloatStore} own the segments, and the kernel classes read and write them
 * with element offsets they compute from {@code row * cols + col}. The public classes validate every
 * index and dimension at the boundary; code here trusts its arguments and states the invariant it relies on
 * with {@code assert}.
 */
package dev.ferrum.matrix.internal;
