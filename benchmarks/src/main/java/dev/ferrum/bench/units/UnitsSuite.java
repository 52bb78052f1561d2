/*
 * Copyright 2026 the Ferrum authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.ferrum.bench.units;

import dev.ferrum.bench.report.Row;
import dev.ferrum.bench.support.Comparison;
import dev.ferrum.bench.support.PeerVersions;
import dev.ferrum.bench.support.RunContext;
import dev.ferrum.bench.support.Suite;
import java.util.List;

/**
 * Typed quantities vs raw doubles (the zero-cost claim) and vs Indriya, the JSR 385 reference implementation.
 * The Rust document gives no figure: its claim is qualitative ("the wrapper should add no runtime cost").
 */
public final class UnitsSuite implements Suite {

    private static final String ALLOC = ":gc.alloc.rate.norm";

    @Override
    public String name() {
        return "units";
    }

    @Override
    public String title() {
        return "Typed physical quantities vs raw double (zero cost?) and vs Indriya (JSR 385)";
    }

    @Override
    public List<Class<?>> benchmarks() {
        return List.of(KinematicsBench.class, NBodyBench.class, ObjectStateBench.class, ConversionBench.class);
    }

    @Override
    public List<Comparison> comparisons() {
        return List.of(
                Comparison.vs(
                        "units.kinematics.typed_vs_raw",
                        "1024 projectiles with drag, one Euler step: typed quantities vs raw double (target: at most 10% slower)",
                        "KinematicsBench.typed",
                        "KinematicsBench.raw",
                        "raw double",
                        1 / 1.10,
                        null),
                Comparison.absolute(
                        "units.kinematics.typed_alloc",
                        "kinematics step, typed: heap bytes per step (B/op); < 16 = not one object per step (one per particle would be 24 KB)",
                        "KinematicsBench.typed" + ALLOC,
                        16.0,
                        null),
                Comparison.vs(
                        "units.nbody.typed_vs_raw",
                        "64-body gravity step (4096 pairs), typed with Acceleration.Sum accumulators vs raw double (target: at most 10% slower)",
                        "NBodyBench.typedSum",
                        "NBodyBench.raw",
                        "raw double",
                        1 / 1.10,
                        null),
                Comparison.absolute(
                        "units.nbody.typed_alloc",
                        "n-body step, typed with Sum accumulators: heap bytes per step (B/op); < 16 = not one object per step",
                        "NBodyBench.typedSum" + ALLOC,
                        16.0,
                        null),
                Comparison.vs(
                        "units.kinematics.typed_vs_indriya",
                        "kinematics step: Ferrum typed vs " + PeerVersions.INDRIYA
                                + " (JSR 385 RI) doing the same work",
                        "KinematicsBench.typed",
                        "KinematicsBench.indriya",
                        PeerVersions.INDRIYA,
                        Double.NaN,
                        null),
                Comparison.vs(
                        "units.nbody.typed_vs_indriya",
                        "n-body step: Ferrum typed vs " + PeerVersions.INDRIYA + " doing the same pair work",
                        "NBodyBench.typedSum",
                        "NBodyBench.indriya",
                        PeerVersions.INDRIYA,
                        Double.NaN,
                        null),
                Comparison.vs(
                        "units.conversion.checked_vs_raw",
                        "1024 km-to-mile conversions through Length.of(v, unit).in(unit), whose run-time unit check catches raw"
                                + " casts, vs raw double doing the same arithmetic (the cost of the check)",
                        "ConversionBench.typed",
                        "ConversionBench.raw",
                        "raw double",
                        Double.NaN,
                        null),
                Comparison.vs(
                        "units.kinematics.runtime_quantity_vs_raw",
                        "kinematics step with the runtime-dimension Quantity (dimension checked per operation) vs raw double",
                        "KinematicsBench.runtimeQuantity",
                        "KinematicsBench.raw",
                        "raw double",
                        Double.NaN,
                        null),
                Comparison.vs(
                        "units.pattern.loop_carried_immutable_vs_raw",
                        "pattern escape analysis cannot remove: n-body with immutable accumulators (ax = ax.plus(..)) merged in the loop phi",
                        "NBodyBench.typed",
                        "NBodyBench.raw",
                        "raw double",
                        Double.NaN,
                        null),
                Comparison.vs(
                        "units.pattern.object_arrays_vs_raw",
                        "pattern escape analysis cannot remove: state kept in Velocity[]/Length[] arrays (values escape to the heap)",
                        "ObjectStateBench.typedObjectArrays",
                        "KinematicsBench.raw",
                        "raw double",
                        Double.NaN,
                        null));
    }

    /** The raw-vs-typed pairs again, interleaved in one JVM: robust to load swings between JMH runs. */
    @Override
    public List<Row> extraRows(RunContext context) {
        return InterleavedMeasurement.rows(name(), context.quick());
    }

    @Override
    public List<String> notes() {
        return List.of(
                "Typed kernels keep state in SI double[] arrays and wrap/unwrap at the loop boundary; C2 escape analysis"
                        + " scalar-replaces every intermediate (B/op column). Storing quantity objects in arrays or fields"
                        + " (units.pattern.object_arrays_vs_raw) or carrying an immutable accumulator around a loop"
                        + " (units.pattern.loop_carried_immutable_vs_raw) allocates: see units/README.md.",
                "Indriya rows are informational: JSR 385 quantities are boxed Numbers with unit conversion on every add.");
    }
}
