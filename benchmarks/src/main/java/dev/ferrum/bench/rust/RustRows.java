/*
 * Copyright 2026 the Ferrum authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.ferrum.bench.rust;

import com.fasterxml.jackson.databind.JsonNode;
import dev.ferrum.bench.kv.KvSuite;
import dev.ferrum.bench.parser.BenchFiles;
import dev.ferrum.bench.queue.QueueChannel;
import dev.ferrum.bench.queue.QueueSuite;
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
                String list = "sum of a 1M-node linked list of 16-byte {value, next} nodes built by appending 0..N-1,"
                        + " one full traversal";
                rows.add(new Planned(
                        "arena.list1m.vs_rust",
                        "arena list vs Rust: the same nodes in a bumpalo arena, plain pointer chase; " + list,
                        "ListTraversalBench.arenaList",
                        "arena.list1m.bumpalo",
                        "Rust bumpalo list (this machine)",
                        Double.NaN));
                rows.add(new Planned(
                        "arena.list1m.vs_rust_box",
                        "arena list vs Rust: one Box per node (malloc in append order); " + list,
                        "ListTraversalBench.arenaList",
                        "arena.list1m.box",
                        "Rust Box list (this machine)",
                        Double.NaN));
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
                for (String pct : List.of("p50", "p99")) {
                    String lat = "round-trip latency " + pct + " (ns per round trip, ping-pong over two queues of"
                            + " capacity 1024, busy-polling, yielding after 10k empty polls; best of 3 runs by p50)";
                    rows.add(new Planned(
                            "queue.latency.spsc." + pct + ".vs_rust",
                            "SpscQueue vs the Rust lock-free queue project's SPSC ring, " + lat,
                            QueueSuite.pingPongKey(QueueChannel.FERRUM_SPSC, pct),
                            "queue.latency.spsc_ring." + pct,
                            "Rust SPSC ring (this machine)",
                            Double.NaN));
                    rows.add(new Planned(
                            "queue.latency.spsc." + pct + ".vs_rust_crossbeam",
                            "SpscQueue vs Rust crossbeam ArrayQueue, " + lat,
                            QueueSuite.pingPongKey(QueueChannel.FERRUM_SPSC, pct),
                            "queue.latency.crossbeam_array_queue." + pct,
                            "Rust crossbeam ArrayQueue (this machine)",
                            Double.NaN));
                }
            }
            case "matrix" -> {
                rows.add(new Planned(
                        "matrix.mult4x4.vs_rust",
                        "4x4 product into a preallocated result vs Rust const-generic Matrix<4, 4> (plain loops,"
                                + " built with -C target-cpu=native, as the JIT uses the host's AVX), ns/op",
                        "SmallMultiplyBench.ours4",
                        "matrix.mul4x4",
                        "Rust const-generic 4x4 (this machine)",
                        0.8));
                rows.add(new Planned(
                        "matrix.mult256.vs_rust",
                        "256x256 product vs Rust plain i-k-j loops on Vec<f64> (built with -C target-cpu=native,"
                                + " as the JIT uses the host's AVX), ns/op",
                        "LargeMultiplyBench.ours[size=256]",
                        "matrix.mul256",
                        "Rust plain loops 256x256 (this machine)",
                        1.0));
            }
            case "units" -> {
                record Kernel(String name, String what, String typed, String raw) {}
                for (Kernel k : List.of(
                        new Kernel(
                                "kinematics",
                                "1024 projectiles with drag, one Euler step",
                                "KinematicsBench.typed",
                                "KinematicsBench.raw"),
                        new Kernel(
                                "nbody",
                                "64-body gravity step (4096 pairs), typed with += accumulators",
                                "NBodyBench.typedSum",
                                "NBodyBench.raw"))) {
                    String same = k.what() + ", same data and floating-point operations (results equal bit for bit)";
                    rows.add(new Planned(
                            "units." + k.name() + ".vs_rust",
                            "Ferrum typed quantities vs Rust uom 0.33 typed quantities, " + same,
                            k.typed(),
                            "units." + k.name() + ".uom",
                            "Rust uom (this machine)",
                            0.9));
                    rows.add(new Planned(
                            "units." + k.name() + ".vs_rust_f64",
                            "Ferrum typed quantities vs Rust raw f64 (reference), " + same,
                            k.typed(),
                            "units." + k.name() + ".f64",
                            "Rust raw f64 (this machine)",
                            Double.NaN));
                    rows.add(new Planned(
                            "units." + k.name() + ".raw.vs_rust_f64",
                            "Java raw double vs Rust raw f64 (the JIT against LLVM on the plain kernel), " + same,
                            k.raw(),
                            "units." + k.name() + ".f64",
                            "Rust raw f64 (this machine)",
                            Double.NaN));
                }
            }
            case "kv" -> {
                String session = "1M keys (16 B \"key-\" + zero-padded index, 100 B values) in index order, no fsync;"
                        + " Ferrum: the warm ferrum-kv bench session (NO_SYNC); Rust: the lmdb 0.8 crate over"
                        + " Debian's liblmdb, NO_SYNC | WRITE_MAP, fresh store in the temporary directory, seconds";
                for (String op : List.of("write_1m", "read_1m")) {
                    String ours = op.equals("write_1m") ? KvSuite.SESSION_WRITE : KvSuite.SESSION_READ;
                    rows.add(new Planned(
                            "kv.session." + op + ".vs_rust_lmdb",
                            op.replace("_1m", "") + " 1M, one transaction per operation (each put/get atomic on its"
                                    + " own, as a KvStore call is), " + session,
                            ours,
                            "kv.lmdb." + op,
                            "Rust lmdb (this machine)",
                            Double.NaN));
                    rows.add(new Planned(
                            "kv.session." + op + ".vs_rust_lmdb_one_txn",
                            op.replace("_1m", "") + " 1M, LMDB with one transaction for all 1M operations, " + session,
                            ours,
                            "kv.lmdb." + op + "_one_txn",
                            "Rust lmdb, one transaction (this machine)",
                            Double.NaN));
                }
            }
            default -> {}
        }
        return rows;
    }

    /** Rust's arguments for a suite, or empty if it has no Rust side. */
    static Optional<List<String>> arguments(String suite, boolean quick) {
        List<String> args = new ArrayList<>();
        if (quick) {
            args.add("--quick");
        }
        switch (suite) {
            case "arena", "queue", "matrix", "units", "kv" -> args.add(suite);
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
        String unit = ours.get().unit();
        double value = convert(rust.path("median").asDouble(), rust.path("unit").asText(), unit);
        if (Double.isNaN(value)) {
            return Row.missing(
                    id,
                    suite,
                    description,
                    "Rust's unit " + rust.path("unit").asText() + " does not convert to the benchmark's " + unit);
        }
        // Rust's interval is the range over its measured runs (min..max), as quick mode's JMH interval is the range
        // over rounds; the ratio's interval and the verdict then account for Rust's spread too.
        String rustUnit = rust.path("unit").asText();
        double a = convert(rust.path("min").asDouble(Double.NaN), rustUnit, unit);
        double b = convert(rust.path("max").asDouble(Double.NaN), rustUnit, unit);
        Score peer = Double.isNaN(a) || Double.isNaN(b)
                ? new Score(value, Double.NaN, unit, Double.NaN)
                : Score.interval(
                        value, Math.min(a, Math.min(b, value)), Math.max(a, Math.max(b, value)), unit, Double.NaN);
        return Row.compared(id, suite, description, ours.get(), rustName, peer, target, null, rustNote(rust));
    }

    /** Nanoseconds per time unit of a score's unit ({@code ns/op}, {@code us/op}, ...), or NaN if it is not a time. */
    private static double nanos(String unit) {
        return switch (unit) {
            case "s/op" -> 1e9;
            case "ms/op" -> 1e6;
            case "us/op", "\u00b5s/op" -> 1e3;
            case "ns/op" -> 1;
            default -> Double.NaN;
        };
    }

    /** {@code value} in {@code from} expressed in {@code to}: the same unit, or two time units; NaN otherwise. */
    static double convert(double value, String from, String to) {
        if (from.equals(to)) {
            return value;
        }
        return value * nanos(from) / nanos(to);
    }

    static String rustNote(JsonNode rust) {
        String how = rust.has("summary")
                ? rust.path("summary").asText()
                : "median of " + rust.path("runs").asInt() + " runs";
        return String.format(
                "Rust: %s %.4g %s (min %.4g, max %.4g), measured after the JMH suite in this run",
                how,
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
