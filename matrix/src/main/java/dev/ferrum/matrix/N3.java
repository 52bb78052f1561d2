/*
 * Copyright 2026 the Ferrum authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.ferrum.matrix;

/** The dimension of size 3. Never instantiated: a phantom type for {@link Matrix}. */
public final class N3 implements Dim {

    /** The size token of this dimension (3). */
    public static final Size<N3> SIZE = Size.of(N3.class, 3);

    private N3() {}
}
