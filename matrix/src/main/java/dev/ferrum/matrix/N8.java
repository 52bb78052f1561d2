/*
 * Copyright 2026 the Ferrum authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.ferrum.matrix;

/** The dimension of size 8. Never instantiated: a phantom type for {@link Matrix}. */
public final class N8 implements Dim {

    /** The size token of this dimension (8). */
    public static final Size<N8> SIZE = Size.of(N8.class, 8);

    private N8() {}
}
