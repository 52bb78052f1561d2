/*
 * Copyright 2026 the Ferrum authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.ferrum.matrix;

/**
 * Shapes of run-time-dimension matrices ({@link DynMatrix}) do not fit an operation, or a typed view
 * ({@link DynMatrix#as}) was asked for with sizes the matrix does not have. Typed {@link Matrix}
 * operations cannot throw it: the compiler already matched their dimensions.
 */
public final class DimensionMismatchException extends IllegalArgumentException {

    private static final long serialVersionUID = 1L;

    /**
     * @param message what was combined with what, e.g.
     *                {@code "times: left is 3x2, right is 5x5; left columns (2) must equal right rows (5)"}
     */
    public DimensionMismatchException(String message) {
        super(message);
    }
}
