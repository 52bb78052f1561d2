/*
 * Copyright 2026 the Ferrum authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.ferrum.matrix;

/** The dimension of size 13. Never instantiated: a phantom type for {@link Matrix}. */
public final class N13 implements Dim {

    /** The size token of this dimension (13). */
    public static final Size<N13> SIZE = Size.of(N13.class, 13);

    private N13() {}
}
