/*
 * Copyright 2026 the Ferrum authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.ferrum.matrix;

/** The dimension of size 9. Never instantiated: a phantom type for {@link Matrix}. */
public final class N9 implements Dim {

    /** The size token of this dimension (9). */
    public static final Size<N9> SIZE = Size.of(N9.class, 9);

    private N9() {}
}
