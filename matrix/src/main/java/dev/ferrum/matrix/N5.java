/*
 * Copyright 2026 the Ferrum authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.ferrum.matrix;

/** The dimension of size 5. Never instantiated: a phantom type for {@link Matrix}. */
public final class N5 implements Dim {

    /** The size token of this dimension (5). */
    public static final Size<N5> SIZE = Size.of(N5.class, 5);

    private N5() {}
}
