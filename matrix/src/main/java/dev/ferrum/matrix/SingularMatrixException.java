/*
 * Copyright 2026 the Ferrum authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.ferrum.matrix;

/** A square matrix has no inverse (to working precision), so {@code inverse} or {@code solve} cannot proceed. */
public final class SingularMatrixException extends ArithmeticException {

    private static final long serialVersionUID = 1L;

    /** @param message which operation and which pivot column vanished */
    public SingularMatrixException(String message) {
        super(message);
    }
}
