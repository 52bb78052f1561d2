/*
 * Copyright 2026 the Ferrum authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.ferrum.matrix;

/** The dimension of size 2. Never instantiated: a phantom type for {@link Matrix}. */
public final class N2 implements Dim {

    /** The size token of this dimension (2). */
    public static final Size<N2> SIZE = Size.of(N2.class, 2);

    private N2() {}
}
