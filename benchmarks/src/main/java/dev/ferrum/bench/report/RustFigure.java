/*
 * Copyright 2026 the Ferrum authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.ferrum.bench.report;

/**
 * The figure the Rust document gives for a comparison, quoted as written plus its ratio.
 *
 * @param text  as in the document, e.g. "45.2 ns Box::new vs 1.8 ns bump (25x)"
 * @param ratio the document's "how many times better" ratio, or {@code NaN} if it gives a single number
 */
public record RustFigure(String text, double ratio) {

    public static RustFigure of(String text, double ratio) {
        return new RustFigure(text, ratio);
    }

    public static RustFigure of(String text) {
        return new RustFigure(text, Double.NaN);
    }
}
