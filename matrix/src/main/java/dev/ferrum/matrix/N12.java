/*
 * Copyright 2026 the Ferrum authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.ferrum.matrix;

/** The dimension of size 12. Never instantiated: a phantom type for {@link Matrix}. */
public final class N12 implements Dim {

    /** The size token of this dimension (12). */
    public static final Size<N12> SIZE = Size.of(N12.class, 12);

    private N12() {}
}
