/*
 * Copyright 2026 the Ferrum authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.ferrum.matrix;

/** The dimension of size 16. Never instantiated: a phantom type for {@link Matrix}. */
public final class N16 implements Dim {

    /** The size token of this dimension (16). */
    public static final Size<N16> SIZE = Size.of(N16.class, 16);

    private N16() {}
}
