/*
 * Copyright 2026 the Ferrum authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.ferrum.bench.support;

import dev.ferrum.bench.report.RustFigure;
import java.util.Objects;

/**
 * A report row defined over JMH results: ours vs a peer (or ours alone against an absolute target).
 *
 * <p>Benchmarks are named by {@link Measurements#key key}: {@code SimpleClass.method} plus sorted
 * parameters in brackets, e.g. {@code AllocBench.bumpOffset[align=8,size=16]}; a secondary result is
 * addressed as {@code key:label} (e.g. an {@code @AuxCounters} field or a {@code @Group} method).
 *
 * @param id          stable identifier, e.g. {@code arena.alloc16.bump_vs_malloc}
 * @param description what is compared, for a human
 * @param ours        key of our benchmark
 * @param peer        key of the peer's benchmark, or {@code null} for an absolute-target row
 * @param peerName    human name of the peer, e.g. "malloc+free (FFM downcall)"
 * @param target      minimum ratio (or, without a peer, minimum/maximum absolute value in the
 *                    better direction) the issue asks for; {@code NaN} when the row is informational
 * @param rust        the Rust document's figure for the same comparison, or {@code null}
 */
public record Comparison(
        String id, String description, String ours, String peer, String peerName, double target, RustFigure rust) {

    public Comparison {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(description, "description");
        Objects.requireNonNull(ours, "ours");
    }

    /** A row comparing two JMH benchmarks. */
    public static Comparison vs(
            String id, String description, String ours, String peer, String peerName, double target, RustFigure rust) {
        return new Comparison(id, description, ours, Objects.requireNonNull(peer, "peer"), peerName, target, rust);
    }

    /** A row that reports one benchmark against an absolute target (e.g. "at least 2.8 GB/s"). */
    public static Comparison absolute(String id, String description, String ours, double target, RustFigure rust) {
        return new Comparison(id, description, ours, null, null, target, rust);
    }
}
