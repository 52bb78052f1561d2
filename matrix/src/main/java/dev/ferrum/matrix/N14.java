/*
 * Copyright 2026 the Ferrum authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.ferrum.matrix;

/** The dimension of size 14. Never instantiated: a phantom type for {@link Matrix}. */
public final class N14 implements Dim {

    /** The size token of this dimension (14). */
    public static final Size<N14> SIZE = Size.of(N14.class, 14);

    private N14() {}
}
