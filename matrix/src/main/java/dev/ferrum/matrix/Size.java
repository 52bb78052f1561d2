/*
 * Copyright 2026 the Ferrum authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.ferrum.matrix;

import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

/**
 * The run-time size a {@link Dim} type stands for: the token that carries an erased phantom
 * dimension's number into the program.
 *
 * <p>Each {@code Dim} type is bound to exactly one size for the life of the JVM (class loader):
 * {@link N1}..{@link N16} are bound to 1..16 in advance, user-defined dimensions by the first
 * {@link #of(Class, int)} call. Binding the same type again to another number fails, so two
 * matrices whose types say {@code Features} always have the same number of rows or columns there,
 * and operations between typed matrices need no dimension checks.
 *
 * <p>Thread-safe: binding is atomic; a {@code Size} is immutable.
 *
 * @param <D> the dimension type
 */
@SuppressWarnings("UnusedTypeParameter") // phantom type: D exists for the compiler only, that is the point
public final class Size<D extends Dim> {

    /** Largest size of one dimension (so that {@code rows * cols * 8} never overflows a {@code long} segment). */
    public static final int MAX = 1 << 24;

    private static final ConcurrentMap<Class<?>, Size<?>> BOUND = new ConcurrentHashMap<>();

    static {
        // The ready-made dimensions are bound before any user code can claim their classes.
        Class<?>[] fixed = {
            N1.class, N2.class, N3.class, N4.class, N5.class, N6.class, N7.class, N8.class, N9.class, N10.class,
            N11.class, N12.class, N13.class, N14.class, N15.class, N16.class
        };
        for (int i = 0; i < fixed.length; i++) {
            BOUND.put(fixed[i], new Size<>(fixed[i], i + 1));
        }
    }

    private final Class<?> dim;
    private final int value;

    private Size(Class<?> dim, int value) {
        this.dim = dim;
        this.value = value;
    }

    /**
     * Binds a dimension type to a size, or returns the existing binding if it has the same size.
     *
     * @param dim   the dimension type (usually an interface extending {@link Dim})
     * @param value the number of rows or columns it stands for, 1..{@link #MAX}
     * @param <D>   the dimension type
     * @return the token to create matrices with
     * @throws IllegalArgumentException if {@code value} is out of range
     * @throws IllegalStateException    if {@code dim} is already bound to a different size
     */
    @SuppressWarnings("unchecked") // BOUND maps each class to a Size of that same class (see the put below)
    public static <D extends Dim> Size<D> of(Class<D> dim, int value) {
        Objects.requireNonNull(dim, "dim");
        if (value < 1 || value > MAX) {
            throw new IllegalArgumentException(
                    "size of " + dim.getSimpleName() + " must be 1.." + MAX + ", got " + value);
        }
        Size<?> bound = BOUND.computeIfAbsent(dim, d -> new Size<>(d, value));
        if (bound.value != value) {
            throw new IllegalStateException("dimension " + dim.getSimpleName() + " is already bound to size "
                    + bound.value + "; cannot rebind it to " + value);
        }
        return (Size<D>) bound;
    }

    /**
     * The size a dimension type was bound to.
     *
     * @param dim the dimension type
     * @param <D> the dimension type
     * @return its token
     * @throws IllegalStateException if {@code dim} was never bound with {@link #of(Class, int)}
     */
    @SuppressWarnings("unchecked") // BOUND maps each class to a Size of that same class
    public static <D extends Dim> Size<D> of(Class<D> dim) {
        Size<?> bound = BOUND.get(Objects.requireNonNull(dim, "dim"));
        if (bound == null) {
            throw new IllegalStateException("dimension " + dim.getSimpleName()
                    + " has no size yet; bind it once with Size.of(" + dim.getSimpleName() + ".class, n)");
        }
        return (Size<D>) bound;
    }

    /** Returns the number of rows or columns this dimension stands for. */
    public int value() {
        return value;
    }

    /** Returns the dimension type's simple name, e.g. {@code N3} or {@code Features}. */
    public String name() {
        return dim.getSimpleName();
    }

    @Override
    public String toString() {
        return name() + "=" + value;
    }
}
