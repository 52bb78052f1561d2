/*
 * Copyright 2026 the Ferrum authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.ferrum.matrix;

/** The dimension of size 1. Never instantiated: a phantom type for {@link Matrix}. */
public final class N1 implements Dim {

    /** The size token of this dimension (1). */
    public static final Size<N1> SIZE = Size.of(N1.class, 1);

    private N1() {}
}
