/*
 * Copyright 2026 the Ferrum authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.ferrum.bench.kv;

import dev.ferrum.bench.report.Row;
import dev.ferrum.bench.report.RustFigure;
import dev.ferrum.bench.report.Score;
import dev.ferrum.bench.support.ChildJvm;
import dev.ferrum.bench.support.Comparison;
import dev.ferrum.bench.support.PeerVersions;
import dev.ferrum.bench.support.RunContext;
import dev.ferrum.bench.support.Suite;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The kvstore suite: point reads, writes and a 95/5 mix against RocksDB, LMDB and H2 MVStore (JMH),
 * the Rust document's 1M-key session in a fresh JVM, and redis-benchmark against {@code ferrum-kv serve}
 * and a real redis-server.
 */
public final class KvSuite implements Suite {

    private static final String SUITE = "kv";

    @Override
    public String name() {
        return SUITE;
    }

    @Override
    public String title() {
        return "mmap log-structured KV store vs RocksDB, LMDB, MVStore and Redis";
    }

    @Override
    public List<Class<?>> benchmarks() {
        return List.of(KvGetBench.class, KvPutBench.class, KvMixBench.class, KvStreamsBench.class);
    }

    @Override
    public boolean profileGc() {
        return true;
    }

    @Override
    public List<String> jvmArgs() {
        // lmdbjava reaches into NIO buffers and channels reflectively on JDK 25.
        return List.of("--add-opens=java.base/java.nio=ALL-UNNAMED", "--add-opens=java.base/sun.nio.ch=ALL-UNNAMED");
    }

    private static String get(String store) {
        return "KvGetBench.get[keys=200000,store=" + store + "]";
    }

    private static String put(String store) {
        return "KvPutBench.put[keys=200000,store=" + store + "]";
    }

    private static String mix(String store, String dist) {
        return "KvMixBench.mix95[dist=" + dist + ",keys=200000,store=" + store + "]";
    }

    @Override
    public List<Comparison> comparisons() {
        List<Comparison> c = new ArrayList<>();
        String keys = " (200k preloaded 16 B keys, 100 B values, one thread)";
        c.add(Comparison.vs(
                "kv.kstreams.vs_rocksdb",
                "Kafka Streams word count through TopologyTestDriver, record cache off, 4 words a line over a"
                        + " 20k-word vocabulary (lines/s; same input and topology, only the store differs)",
                "KvStreamsBench.wordCountLine[store=ferrum]",
                "KvStreamsBench.wordCountLine[store=rocksdb]",
                "Kafka Streams 4.4 default store (Stores.persistentKeyValueStore, RocksDB)",
                1.5,
                null));
        c.add(Comparison.vs(
                "kv.get.vs_rocksdb",
                "random point get" + keys,
                get("ferrum"),
                get("rocksdb"),
                PeerVersions.ROCKSDB + " (rocksdbjni, defaults, flushed)",
                1.0,
                null));
        c.add(Comparison.vs(
                "kv.get.vs_lmdb",
                "random point get" + keys,
                get("ferrum"),
                get("lmdb"),
                "LMDB (" + PeerVersions.LMDBJAVA + ", byte[] proxy, reused read txn)",
                1.0,
                null));
        c.add(Comparison.vs(
                "kv.get.vs_mvstore",
                "random point get" + keys,
                get("ferrum"),
                get("mvstore"),
                "H2 MVStore 2.3",
                Double.NaN,
                null));
        c.add(Comparison.vs(
                "kv.put.nosync.vs_rocksdb",
                "random overwrite, no fsync per write" + keys,
                put("ferrum"),
                put("rocksdb"),
                "RocksDB (WAL on, sync=false)",
                1.0,
                null));
        c.add(Comparison.vs(
                "kv.put.nosync.vs_lmdb",
                "random overwrite, no fsync per write" + keys,
                put("ferrum"),
                put("lmdb"),
                "LMDB (MDB_NOSYNC, txn per put)",
                1.0,
                null));
        c.add(Comparison.vs(
                "kv.put.nosync.vs_mvstore",
                "random overwrite, no fsync per write" + keys,
                put("ferrum"),
                put("mvstore"),
                "H2 MVStore (background commit)",
                Double.NaN,
                null));
        c.add(Comparison.vs(
                "kv.put.group.vs_rocksdb",
                "random overwrite, SYNC_EVERY_N_MS (50 ms group commit) vs RocksDB sync=false" + keys,
                put("ferrum-group"),
                put("rocksdb"),
                "RocksDB (WAL on, sync=false)",
                Double.NaN,
                null));
        c.add(Comparison.vs(
                "kv.put.sync.vs_rocksdb",
                "random overwrite, fsync/msync before every ack (2k keys)",
                put("ferrum-sync"),
                put("rocksdb-sync"),
                "RocksDB (sync=true)",
                Double.NaN,
                null));
        c.add(Comparison.vs(
                "kv.put.sync.vs_lmdb",
                "random overwrite, fsync/msync before every ack (2k keys)",
                put("ferrum-sync"),
                put("lmdb-sync"),
                "LMDB (default: fsync per commit)",
                Double.NaN,
                null));
        for (String dist : List.of("uniform", "zipfian")) {
            c.add(Comparison.vs(
                    "kv.mix95." + dist + ".vs_rocksdb",
                    "95% get / 5% put, " + dist + " keys" + keys,
                    mix("ferrum", dist),
                    mix("rocksdb", dist),
                    "RocksDB",
                    Double.NaN,
                    null));
            c.add(Comparison.vs(
                    "kv.mix95." + dist + ".vs_lmdb",
                    "95% get / 5% put, " + dist + " keys" + keys,
                    mix("ferrum", dist),
                    mix("lmdb", dist),
                    "LMDB (MDB_NOSYNC)",
                    Double.NaN,
                    null));
            c.add(Comparison.vs(
                    "kv.mix95." + dist + ".vs_mvstore",
                    "95% get / 5% put, " + dist + " keys" + keys,
                    mix("ferrum", dist),
                    mix("mvstore", dist),
                    "H2 MVStore",
                    Double.NaN,
                    null));
        }
        return c;
    }

    @Override
    public List<String> notes() {
        return List.of(
                "JMH rows: one thread, 200k keys preloaded (the 1M-key session rows are measured separately "
                        + "in a fresh JVM); ferrum verifies the CRC32C of every record it reads.",
                "Sync rows run on this machine's virtual disk: msync/fsync latency dominates and varies widely.");
    }

    // ------------------------------------------------------------------------------------------ extra rows

    @Override
    public List<Row> extraRows(RunContext context) throws Exception {
        List<Row> rows = new ArrayList<>();
        rows.addAll(session(context));
        rows.addAll(redisBenchmark(context));
        return rows;
    }

    /** The ferrum-kv command line's main class (in benchmarks.jar, with the kvstore module). */
    static final String FERRUM_KV = "dev.ferrum.kv.server.internal.cli.FerrumKv";

    private static Path ownJar() {
        try {
            return Path.of(KvSuite.class
                    .getProtectionDomain()
                    .getCodeSource()
                    .getLocation()
                    .toURI());
        } catch (Exception e) {
            throw new IllegalStateException("cannot locate benchmarks.jar", e);
        }
    }

    /** Measurements keys of the warm session's write and read seconds. */
    public static final String SESSION_WRITE = "KvSession.write_1m";

    public static final String SESSION_READ = "KvSession.read_1m";

    static final List<String> SESSION_JVM = List.of("-Xms64m", "-Xmx256m", "-XX:+UseSerialGC");

    /** Runs `ferrum-kv bench` (1M keys, 16 B / 100 B, NO_SYNC) in a fresh JVM and parses its RESULT line. */
    private static Map<String, Double> runSession(RunContext context, int warmup, StringBuilder log) throws Exception {
        ChildJvm.Output session = ChildJvm.of(FERRUM_KV)
                .jvmArgs(SESSION_JVM)
                .args(
                        "bench",
                        "--keys",
                        "1000000",
                        "--no-progress",
                        "--durability",
                        "NO_SYNC",
                        "--warmup",
                        Integer.toString(warmup))
                .run(Duration.ofSeconds(300));
        log.append(session.log());
        String out = session.text();
        if (session.exitCode() != 0) {
            throw new IllegalStateException("ferrum-kv bench failed: " + out);
        }
        Map<String, Double> r = new HashMap<>();
        for (String line : out.split("\n")) {
            if (line.startsWith("RESULT ")) {
                for (String kv : line.substring(7).trim().split(" ")) {
                    String[] parts = kv.split("=");
                    try {
                        r.put(parts[0], Double.parseDouble(parts[1]));
                    } catch (NumberFormatException ignored) {
                        // durability=NO_SYNC
                    }
                }
            }
        }
        return r;
    }

    /**
     * The document's session in a fresh JVM: once after a 200k-key JIT warm-up on a scratch store
     * (the target rows), once cold (informational rows).
     */
    private List<Row> session(RunContext context) throws Exception {
        StringBuilder log = new StringBuilder();
        Map<String, Double> r;
        Map<String, Double> cold;
        try {
            r = runSession(context, 200_000, log);
            cold = runSession(context, 0, log);
        } finally {
            Files.writeString(context.outputDir().resolve("kv-session.txt"), log.toString());
        }
        String jvm = String.join(" ", SESSION_JVM);
        String note =
                "fresh JVM (" + jvm + "), NO_SYNC, after an untimed JIT warm-up of 200k writes+reads on a scratch "
                        + "store; output in kv-session.txt";
        double w = r.getOrDefault("write_s", Double.NaN);
        double rd = r.getOrDefault("read_s", Double.NaN);
        // for the same-machine Rust rows (bench.rust.RustRows), which run after this
        context.measurements().put(SESSION_WRITE, new Score(w, Double.NaN, "s/op", Double.NaN));
        context.measurements().put(SESSION_READ, new Score(rd, Double.NaN, "s/op", Double.NaN));
        return List.of(
                Row.absolute(
                        "kv.session.write_1m",
                        SUITE,
                        "write 1M keys (16 B keys, 100 B values), seconds",
                        new Score(w, Double.NaN, "s/op", Double.NaN),
                        0.45,
                        RustFigure.of("Writing 1,000,000 keys... DONE (0.45s)"),
                        note),
                Row.absolute(
                        "kv.session.read_1m",
                        SUITE,
                        "read the 1M keys back, seconds",
                        new Score(rd, Double.NaN, "s/op", Double.NaN),
                        0.31,
                        RustFigure.of("Reading 1,000,000 keys... DONE (0.31s)"),
                        note),
                Row.absolute(
                        "kv.session.read_rate",
                        SUITE,
                        "session read throughput (1M gets / read time)",
                        new Score(1e6 / rd, Double.NaN, "ops/s", Double.NaN),
                        3.2e6,
                        RustFigure.of("Throughput: 3.2M req/s"),
                        note),
                Row.absolute(
                        "kv.session.memory",
                        SUITE,
                        "process memory after the session: RssAnon (heap + index + JVM; "
                                + "mapped data pages are page cache, reported in the note)",
                        new Score(r.getOrDefault("rss_anon_mb", Double.NaN), Double.NaN, "MB/op", Double.NaN),
                        140,
                        RustFigure.of("Memory Usage: 140MB"),
                        String.format(
                                "RssFile (mapped segments + jars) %.0f MB, heap in use %.0f MB, index %.0f MB off-heap; %s",
                                r.getOrDefault("rss_file_mb", Double.NaN),
                                r.getOrDefault("heap_used_mb", Double.NaN),
                                r.getOrDefault("index_mb", Double.NaN),
                                note)),
                Row.absolute(
                        "kv.session.cold.write_1m",
                        SUITE,
                        "same session in a cold JVM (no warm-up): write 1M, seconds",
                        new Score(cold.getOrDefault("write_s", Double.NaN), Double.NaN, "s/op", Double.NaN),
                        Double.NaN,
                        null,
                        "includes JIT compilation of the FFM access paths"),
                Row.absolute(
                        "kv.session.cold.read_1m",
                        SUITE,
                        "same session in a cold JVM (no warm-up): read 1M, seconds",
                        new Score(cold.getOrDefault("read_s", Double.NaN), Double.NaN, "s/op", Double.NaN),
                        Double.NaN,
                        null,
                        "includes JIT compilation of the FFM access paths"));
    }

    /**
     * redis-benchmark -t set,get -n 200000 -c 50, with and without -P 16, against ferrum-kv serve and
     * redis-server in interleaved rounds ({@link RespBenchmark}); rows report the median of the rounds.
     */
    private List<Row> redisBenchmark(RunContext context) throws Exception {
        if (!RespBenchmark.available()) {
            return List.of(Row.missing(
                    "kv.resp.set.vs_redis",
                    SUITE,
                    "redis-benchmark vs redis-server",
                    "redis-benchmark/redis-server not installed (Debian redis-tools, redis-server)"));
        }
        int rounds = context.quick() ? 3 : 7;
        int n = 200_000;
        StringBuilder log = new StringBuilder();
        List<RespBenchmark.Result> results;
        try {
            results = RespBenchmark.run(ownJar().toString(), rounds, n, 1, log);
        } finally {
            Files.writeString(context.outputDir().resolve("kv-redis-benchmark.txt"), log.toString());
        }
        String version = RespBenchmark.redisVersion();
        List<Row> rows = new ArrayList<>();
        for (RespBenchmark.Result r : results) {
            boolean p16 = r.test().endsWith("-P16");
            String op = r.test().replace("-P16", "").toLowerCase(java.util.Locale.ROOT);
            String desc = "redis-benchmark -t " + op + (p16 ? " -P 16" : "") + " -n " + n
                    + " -c 50 (loopback); ferrum-kv serve NO_SYNC vs redis-server without persistence";
            double[] ratios = r.ratios();
            rows.add(Row.compared(
                    "kv.resp." + op + (p16 ? ".p16" : "") + ".vs_redis",
                    SUITE,
                    desc,
                    // the rounds' range is the interval, so the ratio's interval and the verdict see the spread
                    Score.interval(
                            r.ferrumMedian(),
                            RespBenchmark.min(r.ferrum()),
                            RespBenchmark.max(r.ferrum()),
                            "ops/s",
                            Double.NaN),
                    "redis-server " + version,
                    Score.interval(
                            r.redisMedian(),
                            RespBenchmark.min(r.redis()),
                            RespBenchmark.max(r.redis()),
                            "ops/s",
                            Double.NaN),
                    p16 ? 1.0 : Double.NaN,
                    null,
                    String.format(
                            java.util.Locale.ROOT,
                            "median of %d interleaved rounds; ferrum-kv %,.0f-%,.0f, redis-server %,.0f-%,.0f ops/s, "
                                    + "per-round ratio %.2f-%.2fx; servers and redis-benchmark share the machine's cores",
                            rounds,
                            RespBenchmark.min(r.ferrum()),
                            RespBenchmark.max(r.ferrum()),
                            RespBenchmark.min(r.redis()),
                            RespBenchmark.max(r.redis()),
                            RespBenchmark.min(ratios),
                            RespBenchmark.max(ratios))));
        }
        return rows;
    }
}
