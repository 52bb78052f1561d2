/*
 * Copyright 2026 the Ferrum authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.ferrum.matrix;

/** The dimension of size 11. Never instantiated: a phantom type for {@link Matrix}. */
public final class N11 implements Dim {

    /** The size token of this dimension (11). */
    public static final Size<N11> SIZE = Size.of(N11.class, 11);

    private N11() {}
}
