/*
 * Copyright 2026 the Ferrum authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.ferrum.bench.matrix;

import dev.ferrum.bench.report.Row;
import dev.ferrum.bench.report.Score;
import dev.ferrum.bench.support.Comparison;
import dev.ferrum.bench.support.Measurements;
import dev.ferrum.bench.support.PeerVersions;
import dev.ferrum.bench.support.RunContext;
import dev.ferrum.bench.support.Suite;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Typed matrices (issue #8): fixed-size and large multiplies against EJML and a naive loop, the cost of the
 * phantom-typed API against raw arrays, and GFLOP/s next to the machine's estimated peak.
 *
 * <p>The Rust document (Project 5) gives no figures for this project, so no row carries a Rust figure.
 */
public final class MatrixSuite implements Suite {

    static final String NAME = "matrix";

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public String title() {
        return "Typed-dimension matrices (unrolled, blocked, Vector API kernels) vs EJML";
    }

    @Override
    public List<Class<?>> benchmarks() {
        return List.of(
                SmallMultiplyBench.class, LargeMultiplyBench.class, HugeMultiplyBench.class, FloatMultiplyBench.class);
    }

    @Override
    public boolean profileGc() {
        return true;
    }

    private static String large(String method, int size) {
        return "LargeMultiplyBench." + method + "[size=" + size + "]";
    }

    @Override
    public List<Comparison> comparisons() {
        List<Comparison> rows = new ArrayList<>();
        rows.add(Comparison.vs(
                "matrix.mult4x4.vs_ejml_ddf4",
                "4x4 multiply into a result, typed off-heap Matrix<N4,N4> vs EJML CommonOps_DDF4.mult",
                "SmallMultiplyBench.ours4",
                "SmallMultiplyBench.ejml4",
                "EJML DMatrix4x4",
                1.0,
                null));
        rows.add(Comparison.vs(
                "matrix.mult4x4.vs_ojalgo",
                "4x4 multiply into a result, typed off-heap Matrix<N4,N4> vs ojAlgo R064Store.fillByMultiplying (target against the better of EJML and ojAlgo: both rows must meet it)",
                "SmallMultiplyBench.ours4",
                "SmallMultiplyBench.ojalgo4",
                "ojAlgo R064Store",
                1.0,
                null));
        rows.add(Comparison.vs(
                "matrix.mult4x4.vector_vs_scalar_fallback",
                "4x4 multiply, off-heap: the Vector API kernel vs the scalar unrolled kernel that runs when the JVM lacks --add-modules jdk.incubator.vector",
                "SmallMultiplyBench.ours4",
                "SmallMultiplyBench.oursScalar4",
                "Ferrum scalar unrolled (no Vector API)",
                Double.NaN,
                null));
        rows.add(Comparison.vs(
                "matrix.mult3x3.vs_ejml_ddf3",
                "3x3 multiply into a result, typed off-heap Matrix<N3,N3> vs EJML CommonOps_DDF3.mult",
                "SmallMultiplyBench.ours3",
                "SmallMultiplyBench.ejml3",
                "EJML DMatrix3x3",
                Double.NaN,
                null));
        rows.add(Comparison.vs(
                "matrix.mult4x4.heap_vs_ejml_ddf4",
                "4x4 multiply, typed on-heap (double[]-backed) Matrix vs EJML CommonOps_DDF4.mult",
                "SmallMultiplyBench.oursHeap4",
                "SmallMultiplyBench.ejml4",
                "EJML DMatrix4x4",
                Double.NaN,
                null));
        rows.add(Comparison.vs(
                "matrix.api_cost.4x4.typed_vs_raw_arrays",
                "Cost of the phantom-typed API, throughput: 64 products a[i].times(b[i], out[i]) on double[]-backed Matrix<N4,N4> vs the same 4x4 vector kernel on 64 raw double[] (target: at most 5% slower)",
                "SmallMultiplyBench.oursHeap4Batch",
                "SmallMultiplyBench.raw4SimdBatch",
                "raw double[], same kernel",
                0.952,
                null));
        rows.add(Comparison.vs(
                "matrix.api_cost.4x4.single_call_typed_vs_raw_arrays",
                "Cost of the phantom-typed API, one isolated call (latency): double[]-backed Matrix<N4,N4> vs the same kernel on raw double[]; the Matrix object adds one dependent load per operand",
                "SmallMultiplyBench.oursHeap4",
                "SmallMultiplyBench.raw4Simd",
                "raw double[], same kernel",
                Double.NaN,
                null));
        rows.add(Comparison.vs(
                "matrix.api_cost.4x4.typed_vs_raw_scalar",
                "Typed off-heap Matrix<N4,N4> vs a hand-unrolled scalar 4x4 on raw double[] (what a user writes without a library)",
                "SmallMultiplyBench.ours4",
                "SmallMultiplyBench.raw4",
                "raw double[] scalar unrolled",
                Double.NaN,
                null));
        rows.add(Comparison.vs(
                "matrix.api_cost.4x4.offheap_vs_raw_arrays",
                "Typed API on off-heap MemorySegment storage vs the same 4x4 vector kernel on raw double[]",
                "SmallMultiplyBench.ours4",
                "SmallMultiplyBench.raw4Simd",
                "raw double[], same kernel",
                Double.NaN,
                null));
        for (int size : new int[] {64, 256}) {
            rows.add(Comparison.vs(
                    "matrix.mult" + size + ".vs_ejml",
                    size + "x" + size + " multiply, typed Matrix (SIMD kernel, off-heap) vs EJML CommonOps_DDRM.mult",
                    large("ours", size),
                    large("ejml", size),
                    "EJML DMatrixRMaj",
                    size == 256 ? 2.0 : Double.NaN,
                    null));
            rows.add(Comparison.vs(
                    "matrix.mult" + size + ".vs_ojalgo",
                    size + "x" + size
                            + " multiply, typed Matrix (SIMD kernel, off-heap) vs ojAlgo R064Store.fillByMultiplying, one thread"
                            + (size == 256
                                    ? " (target against the better of EJML and ojAlgo: both rows must meet it)"
                                    : ""),
                    large("ours", size),
                    large("ojalgo", size),
                    "ojAlgo R064Store",
                    size == 256 ? 2.0 : Double.NaN,
                    null));
            if (size == 64) {
                rows.add(Comparison.vs(
                        "matrix.mult64.vs_naive",
                        "64x64 multiply, typed Matrix vs naive i-j-k triple loop on double[]",
                        large("ours", size),
                        large("naive", size),
                        "naive triple loop",
                        Double.NaN,
                        null));
            } else {
                // From 256 on the ratio passes 50x, where the shared report's chart switches to a logarithmic
                // axis that xchart cannot draw; the naive loop's time is reported alone (GFLOP/s rows compare).
                rows.add(Comparison.absolute(
                        "matrix.mult" + size + ".naive",
                        size + "x" + size
                                + " naive i-j-k triple loop on double[] (compare with the ours score of matrix.mult"
                                + size
                                + ".vs_ejml and the GFLOP/s rows)",
                        large("naive", size),
                        Double.NaN,
                        null));
            }
            rows.add(Comparison.vs(
                    "matrix.api_cost." + size + ".typed_offheap_vs_kernel_on_raw_arrays",
                    size + "x" + size
                            + " multiply: typed off-heap Matrix vs the same kernel called directly on raw double[] (cost of API + segments)",
                    large("ours", size),
                    large("kernelOnRawArrays", size),
                    "same kernel on raw double[]",
                    Double.NaN,
                    null));
            rows.add(Comparison.vs(
                    "matrix.mult" + size + ".simd_vs_scalar_blocked",
                    size + "x" + size
                            + " multiply, Vector API kernel vs Ferrum's scalar cache-blocked kernel, the one that runs without --add-modules jdk.incubator.vector",
                    large("ours", size),
                    large("oursScalarBlocked", size),
                    "Ferrum scalar blocked (no Vector API)",
                    Double.NaN,
                    null));
        }
        rows.add(Comparison.vs(
                "matrix.mult1024.vs_ejml",
                "1024x1024 multiply (single shot), typed Matrix vs EJML CommonOps_DDRM.mult",
                "HugeMultiplyBench.ours[size=1024]",
                "HugeMultiplyBench.ejml[size=1024]",
                "EJML DMatrixRMaj",
                Double.NaN,
                null));
        // Reported as the naive loop's own time (and GFLOP/s below) rather than a ratio: the ratio is ~100x and
        // the shared report's chart switches to a logarithmic axis above 50x, which xchart currently cannot draw.
        rows.add(Comparison.absolute(
                "matrix.mult1024.naive",
                "1024x1024 naive i-j-k triple loop on double[] (single shot); compare with matrix.mult1024.vs_ejml's ours and the GFLOP/s rows",
                "HugeMultiplyBench.naive[size=1024]",
                Double.NaN,
                null));
        rows.add(Comparison.vs(
                "matrix.float256.vs_ejml",
                "256x256 float multiply, FloatMatrix (SIMD) vs EJML CommonOps_FDRM.mult",
                "FloatMultiplyBench.ours[size=256]",
                "FloatMultiplyBench.ejml[size=256]",
                "EJML FMatrixRMaj",
                Double.NaN,
                null));
        return rows;
    }

    /**
     * GFLOP/s of each large multiply (2 n^3 flops per product), each row noting its share of the estimated
     * single-core peak, which is a row of its own. Absolute rows, not ratios against the peak: a ratio below
     * 0.02 (the naive loop) would switch the shared report's chart to a logarithmic axis it cannot draw.
     */
    @Override
    public List<Row> extraRows(RunContext context) {
        PeakFlops peak = PeakFlops.detect();
        Score peakScore = new Score(peak.gflops(), Double.NaN, "GFLOP/s", Double.NaN);
        Measurements m = context.measurements();
        List<Row> rows = new ArrayList<>();
        rows.add(Row.absolute(
                "matrix.gflops.peak_estimate",
                NAME,
                "Estimated single-core double-precision peak of this machine (see the note on how it is estimated)",
                peakScore,
                Double.NaN,
                null,
                peak.explanation()));
        String[][] sides = {
            {"ours", "Ferrum typed Matrix"},
            {"ejml", "EJML DMatrixRMaj"},
            {"ojalgo", "ojAlgo R064Store"},
            {"naive", "naive triple loop"}
        };
        for (int size : new int[] {64, 256, 1024}) {
            for (String[] side : sides) {
                if (size == 1024 && side[0].equals("ojalgo")) {
                    continue; // the single-shot 1024 benchmark compares with EJML only
                }
                String key = size == 1024 ? "HugeMultiplyBench." + side[0] + "[size=1024]" : large(side[0], size);
                String id = "matrix.gflops." + size + "." + side[0];
                String description = side[1] + ", " + size + "x" + size + " multiply in GFLOP/s";
                Optional<Score> score = m.get(key);
                if (score.isEmpty()) {
                    rows.add(Row.missing(id, NAME, description, "benchmark " + key + " did not run"));
                    continue;
                }
                Score gflops = toGflops(score.get(), size);
                rows.add(Row.absolute(
                        id,
                        NAME,
                        description,
                        gflops,
                        Double.NaN,
                        null,
                        String.format(
                                Locale.ROOT,
                                "%.0f%% of the estimated peak %.1f GFLOP/s; computed from %s (%s)",
                                100 * gflops.value() / peak.gflops(),
                                peak.gflops(),
                                key,
                                score.get().unit())));
            }
        }
        return rows;
    }

    /** {@code 2 n^3} flops over the measured time per product. */
    static Score toGflops(Score timePerOp, int n) {
        double nanos = switch (timePerOp.unit()) {
            case "ns/op" -> 1;
            case "us/op" -> 1e3;
            case "ms/op" -> 1e6;
            case "s/op" -> 1e9;
            default -> throw new IllegalArgumentException("unexpected unit " + timePerOp.unit());
        };
        double ns = timePerOp.value() * nanos;
        double flops = 2.0 * n * n * n;
        double gflops = flops / ns;
        double error = Double.isNaN(timePerOp.error()) ? Double.NaN : gflops * timePerOp.error() * nanos / ns;
        return new Score(gflops, error, "GFLOP/s", timePerOp.bytesPerOp());
    }

    @Override
    public List<String> notes() {
        PeakFlops peak = PeakFlops.detect();
        return List.of(
                peak.explanation() + " A measured share near or above 100% means the core runs above the listed clock"
                        + " (a VM shows the nominal clock, not turbo).",
                "The JMH forks run with --add-modules jdk.incubator.vector; with " + peak.lanes()
                        + " doubles per vector the"
                        + " SIMD kernel keeps a 4 x " + 2 * peak.lanes() + " tile of C in 8 registers and packs B into"
                        + " contiguous strips (64, 256, 1024); 4x4 uses 256-bit vectors, one per row.",
                PeerVersions.OJALGO
                        + " is used as its documentation shows: dense R064Store (the store behind MatrixR064),"
                        + " fillByMultiplying into a preallocated result, OjAlgoUtils.limitThreadsTo(1) so that it, like"
                        + " every other side, runs on one thread (by default it splits large products over all cores).",
                "The scalar-kernel rows are what the same products cost on a JVM started without --add-modules"
                        + " jdk.incubator.vector: the library then never loads its Vector API kernels.",
                "All kernels single-threaded (EJML's CommonOps_DDRM.mult is too); results are written into preallocated"
                        + " matrices on every side. Each benchmark's @Setup checks that all sides compute the same product.",
                "1024x1024 rows are single-shot times (2 warm-up calls, 3 measured calls in quick mode): noisy by nature.",
                "GFLOP/s rows are computed from the ns/op scores: 2 n^3 flops per product.");
    }
}
