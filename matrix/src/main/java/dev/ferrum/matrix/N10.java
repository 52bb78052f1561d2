/*
 * Copyright 2026 the Ferrum authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.ferrum.matrix;

/** The dimension of size 10. Never instantiated: a phantom type for {@link Matrix}. */
public final class N10 implements Dim {

    /** The size token of this dimension (10). */
    public static final Size<N10> SIZE = Size.of(N10.class, 10);

    private N10() {}
}
