/*
 * Copyright 2026 the Ferrum authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.ferrum.matrix;

/** The dimension of size 4. Never instantiated: a phantom type for {@link Matrix}. */
public final class N4 implements Dim {

    /** The size token of this dimension (4). */
    public static final Size<N4> SIZE = Size.of(N4.class, 4);

    private N4() {}
}
