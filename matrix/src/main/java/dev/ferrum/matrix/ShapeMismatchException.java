/*
 * Copyright 2026 the Ferrum authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.ferrum.matrix;

/**
 * Shapes do not fit an operation: {@link DynMatrix} operands whose run-time shapes disagree, a typed view
 * ({@link DynMatrix#as}) asked for with sizes the matrix does not have, an array of the wrong length for a factory,
 * or, for typed {@link Matrix} operations, heap pollution: a raw type or unchecked cast let a matrix of another
 * shape past javac, and the message names the operand and the dimension that differs from what its type promised.
 *
 * <p>(Named for shapes, not dimensions, so that it does not share a simple name with the units module's
 * {@code DimensionMismatchException}, which is about physical dimensions.)
 */
public final class ShapeMismatchException extends IllegalArgumentException {

    private static final long serialVersionUID = 1L;

    /**
     * @param message what was combined with what, e.g.
     *                {@code "times: left is 3x2, right is 5x5; left columns (2) must equal right rows (5)"}
     */
    public ShapeMismatchException(String message) {
        super(message);
    }
}
