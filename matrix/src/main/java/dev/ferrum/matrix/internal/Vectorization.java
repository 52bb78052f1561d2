/*
 * Copyright 2026 the Ferrum authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.ferrum.matrix.internal;

import java.util.Optional;

/**
 * Whether the incubating Vector API module ({@code jdk.incubator.vector}) can be used by this JVM.
 *
 * <p>JDK 25 ships the module, but on the class path it is resolved only when the JVM is started with
 * {@code --add-modules jdk.incubator.vector}; without it, the first use of {@code DoubleVector} throws
 * {@link NoClassDefFoundError}. As Lucene's {@code VectorizationProvider} does, the module is looked up in the
 * layer this library was loaded in (the boot layer on the class path), and the vector kernels
 * ({@link DoubleVectorKernels}, {@link FloatVectorKernels}) are used only if it is there; otherwise every product
 * runs on the scalar kernels. On the module path {@code dev.ferrum.matrix} requires the module, so it is
 * always resolved there.
 */
public final class Vectorization {

    /** The module the vector kernels need. */
    public static final String MODULE = "jdk.incubator.vector";

    /** Whether {@link #MODULE} is resolved in this library's layer (or the boot layer). */
    public static final boolean AVAILABLE = moduleResolved();

    private Vectorization() {}

    private static boolean moduleResolved() {
        ModuleLayer layer =
                Optional.ofNullable(Vectorization.class.getModule().getLayer()).orElse(ModuleLayer.boot());
        // findModule also searches the parent layers, so a library layer above the boot layer sees the JDK's modules.
        return layer.findModule(MODULE).isPresent();
    }

    /** A one-line description for diagnostics, e.g. {@code "Vector API: 8 doubles per vector"}. */
    public static String describe() {
        if (!AVAILABLE) {
            return "Vector API: not available (start the JVM with --add-modules " + MODULE
                    + " to enable it); scalar kernels";
        }
        if (!DoubleKernels.SIMD_ENABLED) {
            return "Vector API: available but disabled (-Dferrum.matrix.simd=false or 1-lane vectors); scalar kernels";
        }
        return "Vector API: " + DoubleVectorKernels.LANES + " doubles per vector; vector kernels";
    }
}
