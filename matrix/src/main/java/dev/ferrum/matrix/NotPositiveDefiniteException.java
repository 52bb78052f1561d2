/*
 * Copyright 2026 the Ferrum authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.ferrum.matrix;

/** A Cholesky decomposition was asked of a matrix that is not symmetric positive definite (to working precision). */
public final class NotPositiveDefiniteException extends ArithmeticException {

    private static final long serialVersionUID = 1L;

    /** @param message which matrix and which column failed */
    public NotPositiveDefiniteException(String message) {
        super(message);
    }
}
