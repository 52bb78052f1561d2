/*
 * Copyright 2026 the Ferrum authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.ferrum.matrix;

/** The dimension of size 15. Never instantiated: a phantom type for {@link Matrix}. */
public final class N15 implements Dim {

    /** The size token of this dimension (15). */
    public static final Size<N15> SIZE = Size.of(N15.class, 15);

    private N15() {}
}
