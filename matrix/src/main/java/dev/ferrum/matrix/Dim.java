/*
 * Copyright 2026 the Ferrum authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.ferrum.matrix;

/**
 * A matrix dimension as a type: the phantom parameter of {@link Matrix}{@code <R, C>}.
 *
 * <p>A {@code Dim} type is never instantiated; it only names a size so that the compiler can
 * match dimensions. Ready-made sizes are {@link N1} to {@link N16}. Domain sizes known only at run
 * time get their own type, bound to a number once:
 *
 * <pre>{@code
 * interface Features extends Dim {}
 * Size<Features> features = Size.of(Features.class, 128);   // fixed for the rest of the JVM's life
 * Matrix<Features, N3> w = Matrix.zeros(features, N3.SIZE);
 * }</pre>
 *
 * <p>Because Java erases generics, the number lives in the {@link Size} token, not in the type; it is
 * checked once, when a matrix is created, never per element.
 */
public interface Dim {}
