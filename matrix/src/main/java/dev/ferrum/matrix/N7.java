/*
 * Copyright 2026 the Ferrum authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.ferrum.matrix;

/** The dimension of size 7. Never instantiated: a phantom type for {@link Matrix}. */
public final class N7 implements Dim {

    /** The size token of this dimension (7). */
    public static final Size<N7> SIZE = Size.of(N7.class, 7);

    private N7() {}
}
