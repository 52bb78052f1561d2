/*
 * Copyright 2026 the Ferrum authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.ferrum.bench.rust;

import com.fasterxml.jackson.databind.JsonNode;
import dev.ferrum.bench.parser.BenchFiles;
import dev.ferrum.bench.report.Row;
import dev.ferrum.bench.report.Score;
import dev.ferrum.bench.support.Measurements;
import dev.ferrum.bench.support.RunContext;
import dev.ferrum.parser.CaptureReader;
import dev.ferrum.parser.ParseMode;
import java.io.IOException;
import java.lang.foreign.Arena;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The {@code <suite>.<case>.vs_rust} rows: a Ferrum JMH score of this run against the Rust workspace's score
 * for the same workload, measured right after the suite on the same machine. {@code ratio} above 1 means
 * Ferrum is better. Where Rust did not run, each row says "Rust not run" and why.
 */
public final class RustRows {

    /** The capture size of {@code ParseFileBench} ({@code @Param("64")}), the file both sides walk. */
    static final int PARSER_MEGABYTES = 64;

    static final long[] ARENA_SIZES = {8, 16, 64, 256};
    static final long[] ARENA_ALIGNS = {8, 64};
    static final String SPSC = "QueueThroughputBench.tpt[capacity=1024,impl=ferrum-spsc]:pollsMade";

    private RustRows() {}

    /** A row planned for a suite: id, description, Rust result id, target. */
    record Planned(String id, String description, String ours, String rustId, String rustName, double target) {}

    /** The planned vs_rust rows of a suite that are computed from one JMH score and one Rust score. */
    static List<Planned> planned(String suite) {
        List<Planned> rows = new ArrayList<>();
        switch (suite) {
            case "arena" -> {
                for (long size : ARENA_SIZES) {
                    for (long align : ARENA_ALIGNS) {
                        String ours = "AllocBench.bumpOffset[align=" + align + ",size=" + size + "]";
                        String tag = "s" + size + ".a" + align;
                        String at = size + " B aligned " + align + ", batches of 1024 then reset (ns/block)";
                        rows.add(new Planned(
                                "arena.alloc" + size + ".a" + align + ".vs_rust",
                                "bump handle path vs Rust bumpalo on this machine, " + at,
                                ours,
                                "arena.bumpalo." + tag,
                                "Rust bumpalo (this machine)",
                                1.0));
                        rows.add(new Planned(
                                "arena.alloc" + size + ".a" + align + ".vs_rust_bump",
                                "bump handle path vs the Rust arena project's hand-written bump arena, " + at,
                                ours,
                                "arena.bump." + tag,
                                "Rust hand-written bump (this machine)",
                                Double.NaN));
                        rows.add(new Planned(
                                "arena.alloc" + size + ".a" + align + ".vs_rust_box",
                                "bump handle path vs Rust Box::new per block (drop each), " + at,
                                ours,
                                "arena.box." + tag,
                                "Rust Box::new (this machine)",
                                Double.NaN));
                    }
                }
            }
            case "queue" -> {
                String tp = "1P+1C, capacity 1024, non-blocking offer/poll with the same back-off, elements/s";
                rows.add(new Planned(
                        "queue.spsc.throughput.vs_rust",
                        "SpscQueue vs the Rust lock-free queue project's SPSC ring (atomics), " + tp,
                        SPSC,
                        "queue.spsc_ring",
                        "Rust SPSC ring (this machine)",
                        1.0));
                rows.add(new Planned(
                        "queue.spsc.throughput.vs_rust_crossbeam",
                        "SpscQueue vs Rust crossbeam ArrayQueue, " + tp,
                        SPSC,
                        "queue.crossbeam_array_queue",
                        "Rust crossbeam ArrayQueue (this machine)",
                        1.0));
                rows.add(new Planned(
                        "queue.spsc.throughput.vs_rust_sync_channel",
                        "SpscQueue vs Rust std::sync::mpsc::sync_channel (try_send/try_recv), " + tp,
                        SPSC,
                        "queue.std_sync_channel",
                        "Rust std sync_channel (this machine)",
                        Double.NaN));
                rows.add(new Planned(
                        "queue.spsc.throughput.vs_rust_crossbeam_channel",
                        "SpscQueue vs Rust crossbeam_channel::bounded (try_send/try_recv), " + tp,
                        SPSC,
                        "queue.crossbeam_channel",
                        "Rust crossbeam bounded channel (this machine)",
                        Double.NaN));
            }
            case "matrix" -> {
                rows.add(new Planned(
                        "matrix.mult4x4.vs_rust",
                        "4x4 product into a preallocated result vs Rust const-generic Matrix<4, 4> (plain loops,"
                                + " default target CPU), ns/op",
                        "SmallMultiplyBench.ours4",
                        "matrix.mul4x4",
                        "Rust const-generic 4x4 (this machine)",
                        0.8));
                rows.add(new Planned(
                        "matrix.mult256.vs_rust",
                        "256x256 product vs Rust plain i-k-j loops on Vec<f64> (default target CPU, no"
                                + " -C target-cpu=native), ns/op",
                        "LargeMultiplyBench.ours[size=256]",
                        "matrix.mul256",
                        "Rust plain loops 256x256 (this machine)",
                        1.0));
            }
            default -> {}
        }
        return rows;
    }

    /** The vs_rust rows of a suite whose Rust side is not written yet, so that they are never silently missing. */
    static List<String> notWritten(String suite) {
        return switch (suite) {
            case "units" -> List.of("units.kinematics.vs_rust", "units.nbody.vs_rust");
            default -> List.of();
        };
    }

    /** Rust's arguments for a suite, or empty if it has no Rust side. */
    static Optional<List<String>> arguments(String suite, boolean quick) {
        List<String> args = new ArrayList<>();
        if (quick) {
            args.add("--quick");
        }
        switch (suite) {
            case "arena", "queue", "matrix" -> args.add(suite);
            case "parser" -> {
                args.add("parser");
                args.add(BenchFiles.ensure(PARSER_MEGABYTES).toString());
            }
            default -> {
                return Optional.empty();
            }
        }
        return Optional.of(args);
    }

    /**
     * Runs the Rust side of this suite (if it has one) and builds its vs_rust rows against this run's JMH
     * results. Never throws: a failure becomes "not run" rows with the reason.
     */
    public static List<Row> rows(RustSide rust, String suite, RunContext context) {
        List<Row> rows = new ArrayList<>();
        for (String id : notWritten(suite)) {
            rows.add(Row.missing(
                    id,
                    suite,
                    "Ferrum vs Rust on this machine",
                    "Rust not run: the Rust side of the " + suite + " suite is not written yet (benchmarks/rust)"));
        }
        Optional<List<String>> args = arguments(suite, context.quick());
        if (args.isEmpty()) {
            return rows;
        }
        Map<String, JsonNode> results;
        try {
            results = rust.run(context.quick() ? 900 : 3600, args.get().toArray(String[]::new));
        } catch (IOException | RuntimeException e) {
            String why = rust.available() ? e.getMessage() : rust.whyNotRun();
            for (Planned p : planned(suite)) {
                rows.add(Row.missing(p.id(), suite, p.description(), "Rust not run: " + why));
            }
            if ("parser".equals(suite)) {
                for (String id : List.of(
                        "parser.file.gbps.vs_rust", "parser.file.copying.vs_rust", "parser.file.counts_match_rust")) {
                    rows.add(Row.missing(id, suite, "Ferrum vs Rust on this machine", "Rust not run: " + why));
                }
            }
            return rows;
        }
        Measurements m = context.measurements();
        for (Planned p : planned(suite)) {
            rows.add(compare(
                    suite,
                    p.id(),
                    p.description(),
                    m.get(p.ours()),
                    p.ours(),
                    results.get(p.rustId()),
                    p.rustName(),
                    p.target()));
        }
        if ("parser".equals(suite)) {
            rows.addAll(parserRows(m, results));
        }
        return rows;
    }

    static Row compare(
            String suite,
            String id,
            String description,
            Optional<Score> ours,
            String oursKey,
            JsonNode rust,
            String rustName,
            double target) {
        if (ours.isEmpty()) {
            return Row.missing(id, suite, description, "benchmark " + oursKey + " did not run");
        }
        if (rust == null) {
            return Row.missing(id, suite, description, "Rust not run: its output has no result for this case");
        }
        Score peer =
                new Score(rust.path("median").asDouble(), Double.NaN, ours.get().unit(), Double.NaN);
        return Row.compared(id, suite, description, ours.get(), rustName, peer, target, null, rustNote(rust));
    }

    static String rustNote(JsonNode rust) {
        return String.format(
                "Rust: median of %d runs %.4g %s (min %.4g, max %.4g), measured after the JMH suite in this run",
                rust.path("runs").asInt(),
                rust.path("median").asDouble(),
                rust.path("unit").asText(),
                rust.path("min").asDouble(),
                rust.path("max").asDouble());
    }

    private static List<Row> parserRows(Measurements m, Map<String, JsonNode> results) {
        List<Row> rows = new ArrayList<>();
        Path file = BenchFiles.ensure(PARSER_MEGABYTES);
        long bytes;
        long[] javaCounts;
        try {
            bytes = Files.size(file);
            javaCounts = javaCounts(file);
        } catch (IOException e) {
            rows.add(Row.missing(
                    "parser.file.counts_match_rust", "parser", "Java and Rust packet/byte counts", e.toString()));
            return rows;
        }
        String key = "ParseFileBench.%s[megabytes=" + PARSER_MEGABYTES + "]";
        String fileNote = "same " + (bytes >> 20) + " MiB generated file " + file.getFileName();
        rows.add(gbps(
                "parser.file.gbps.vs_rust",
                "zero-copy walk GB/s vs Rust zero-copy walker over memmap2, " + fileNote,
                m.get(key.formatted("zeroCopy")),
                results.get("parser.zero_copy.gbps"),
                "Rust zero-copy (this machine)",
                0.9,
                bytes));
        rows.add(gbps(
                "parser.file.copying.vs_rust",
                "Java copying parser vs Rust copying walker (Vec/String per record), " + fileNote,
                m.get(key.formatted("copying")),
                results.get("parser.copying.gbps"),
                "Rust copying (this machine)",
                Double.NaN,
                bytes));
        JsonNode counts = results.get("parser.counts");
        String description = "Java reader and Rust walker agree on packets and captured bytes, " + fileNote;
        if (counts == null) {
            rows.add(Row.missing("parser.file.counts_match_rust", "parser", description, "Rust printed no counts"));
        } else {
            long packets = counts.path("packets").asLong();
            long captured = counts.path("captured_bytes").asLong();
            boolean same = packets == javaCounts[0] && captured == javaCounts[1];
            rows.add(Row.absolute(
                    "parser.file.counts_match_rust",
                    "parser",
                    description,
                    new Score(same ? 1 : 0, Double.NaN, "match", Double.NaN),
                    1.0,
                    null,
                    String.format(
                            "Java %d packets / %d captured bytes, Rust %d / %d",
                            javaCounts[0], javaCounts[1], packets, captured)));
        }
        return rows;
    }

    private static Row gbps(
            String id,
            String description,
            Optional<Score> msPerOp,
            JsonNode rust,
            String rustName,
            double target,
            long bytes) {
        Optional<Score> ours = msPerOp.map(s -> {
            double v = bytes / (s.value() * 1e-3) / 1e9;
            return new Score(v, s.value() == 0 ? Double.NaN : v * s.error() / s.value(), "GB/s", s.bytesPerOp());
        });
        return compare("parser", id, description, ours, "ParseFileBench", rust, rustName, target);
    }

    /** Packets and the sum of captured lengths, as the Java reader counts them. */
    public static long[] javaCounts(Path file) throws IOException {
        long[] capturedBytes = new long[1];
        long packets;
        try (Arena arena = Arena.ofConfined()) {
            packets = CaptureReader.open(file, arena, ParseMode.STRICT)
                    .forEach(p -> capturedBytes[0] += p.capturedLength());
        }
        return new long[] {packets, capturedBytes[0]};
    }
}
