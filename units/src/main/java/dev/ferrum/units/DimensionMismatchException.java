/*
 * Copyright 2026 the Ferrum authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.ferrum.units;

/**
 * Thrown when a run-time dimension check fails: adding a {@link Quantity} of length to one of time,
 * narrowing a parsed {@code "9.81 m/s"} to {@link Acceleration}, converting to a unit of another dimension.
 * The typed API never throws it for arithmetic: there the compiler rejects the mismatch instead.
 */
public final class DimensionMismatchException extends IllegalArgumentException {

    private static final long serialVersionUID = 1L;

    /** The dimension the operation required. */
    private final transient Dimension expected;
    /** The dimension it was given. */
    private final transient Dimension actual;

    /**
     * Creates the exception.
     *
     * @param message  what was attempted, naming both dimensions
     * @param expected the dimension required
     * @param actual   the dimension found
     */
    public DimensionMismatchException(String message, Dimension expected, Dimension actual) {
        super(message);
        this.expected = expected;
        this.actual = actual;
    }

    /**
     * The dimension the operation required.
     *
     * @return the expected dimension
     */
    public Dimension expected() {
        return expected;
    }

    /**
     * The dimension it was given.
     *
     * @return the actual dimension
     */
    public Dimension actual() {
        return actual;
    }
}
