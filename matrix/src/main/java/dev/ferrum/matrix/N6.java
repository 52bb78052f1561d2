/*
 * Copyright 2026 the Ferrum authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.ferrum.matrix;

/** The dimension of size 6. Never instantiated: a phantom type for {@link Matrix}. */
public final class N6 implements Dim {

    /** The size token of this dimension (6). */
    public static final Size<N6> SIZE = Size.of(N6.class, 6);

    private N6() {}
}
