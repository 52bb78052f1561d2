/*
 * Copyright 2026 the Ferrum authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.ferrum.kv.server.internal.cli;

import dev.ferrum.kv.Durability;
import dev.ferrum.kv.KvOptions;
import dev.ferrum.kv.KvStats;
import dev.ferrum.kv.KvStore;
import dev.ferrum.kv.RecoveryReport;
import dev.ferrum.kv.server.RespServer;
import dev.ferrum.kv.server.RespServerConfig;
import dev.ferrum.kv.server.internal.Keys;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.NotDirectoryException;
import java.nio.file.Path;
import java.util.LinkedHashSet;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.atomic.AtomicLong;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code ferrum-kv}: the command line for a {@link KvStore} directory. */
@Command(
        name = "ferrum-kv",
        mixinStandardHelpOptions = true,
        versionProvider = FerrumKv.Version.class,
        description = "A crash-safe mmap-backed log-structured key-value store.",
        subcommands = {
            FerrumKv.Put.class,
            FerrumKv.Get.class,
            FerrumKv.Del.class,
            FerrumKv.Scan.class,
            FerrumKv.Stats.class,
            FerrumKv.Compact.class,
            FerrumKv.Bench.class,
            FerrumKv.Serve.class
        })
public final class FerrumKv {

    @Option(
            names = {"-d", "--dir"},
            description = "store directory (default: ${DEFAULT-VALUE})",
            defaultValue = "ferrum-kv-data",
            scope = CommandLine.ScopeType.INHERIT)
    Path dir;

    @Option(
            names = "--durability",
            description = "SYNC_EVERY_WRITE, SYNC_EVERY_N_MS or NO_SYNC (default: ${DEFAULT-VALUE})",
            defaultValue = "SYNC_EVERY_N_MS",
            scope = CommandLine.ScopeType.INHERIT)
    Durability durability;

    @Option(
            names = "--sync-ms",
            description = "group-commit interval for SYNC_EVERY_N_MS (default: ${DEFAULT-VALUE})",
            defaultValue = "50",
            scope = CommandLine.ScopeType.INHERIT)
    long syncMs;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec topSpec;

    /** {@code --version} of every command. */
    static final class Version implements CommandLine.IVersionProvider {
        @Override
        public String[] getVersion() {
            String v = FerrumKv.class.getPackage().getImplementationVersion();
            return new String[] {"ferrum-kv " + (v == null ? "0.1.0" : v), "JVM: ${java.version} (${java.vendor})"};
        }
    }

    /** A failure the user can act on: printed as {@code ferrum-kv: message}, exit code 2. */
    static final class UserError extends RuntimeException {
        private static final long serialVersionUID = 1L;

        UserError(String message) {
            super(message);
        }
    }

    /** Opens the store, creating it if needed (put, serve). */
    KvStore open(long expectedKeys) {
        return open(expectedKeys, 64L << 20);
    }

    KvStore open(long expectedKeys, long segmentBytes) {
        checkGlobalOptions();
        return KvStore.open(KvOptions.builder(dir)
                .durability(durability)
                .syncIntervalMillis(syncMs)
                .expectedKeys(expectedKeys)
                .segmentBytes(segmentBytes)
                .build());
    }

    /**
     * Opens an existing store (get, del, scan, stats, compact): a directory that does not hold one is an
     * error, and nothing is created in it.
     */
    KvStore openExisting(long expectedKeys) {
        checkGlobalOptions();
        if (!Files.exists(dir)) {
            throw new UserError(dir + " has no store: no such file or directory (create one with put or serve)");
        }
        if (!Files.isDirectory(dir)) {
            throw new UserError(dir + " has no store: not a directory");
        }
        if (!hasStore(dir)) {
            throw new UserError(dir + " has no store: no LOCK or segment files in it (create one with put or serve)");
        }
        return open(expectedKeys);
    }

    /** Whether {@code dir} holds a store: its lock file or at least one segment file. */
    static boolean hasStore(Path dir) {
        if (Files.exists(dir.resolve("LOCK"))) {
            return true;
        }
        try (var files = Files.list(dir)) {
            return files.anyMatch(f -> f.getFileName().toString().endsWith(".seg"));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list " + dir, e);
        }
    }

    void checkGlobalOptions() {
        requireAtLeast(topSpec, "--sync-ms", syncMs, 1);
    }

    /** Rejects {@code value < min} with a message naming the option, as picocli does for non-numbers. */
    static void requireAtLeast(CommandLine.Model.CommandSpec spec, String option, long value, long min) {
        if (value < min) {
            throw new CommandLine.ParameterException(
                    spec.commandLine(),
                    "Invalid value for option '" + option + "': " + value + " (must be at least " + min + ")");
        }
    }

    static void requireAtMost(CommandLine.Model.CommandSpec spec, String option, long value, long max) {
        if (value > max) {
            throw new CommandLine.ParameterException(
                    spec.commandLine(),
                    "Invalid value for option '" + option + "': " + value + " (must be at most " + max + ")");
        }
    }

    /**
     * The message for a failure: the exception's own message plus every distinct cause, with file-system
     * failures spelled out ({@code AccessDeniedException}'s message is only the path).
     */
    static String describe(Throwable ex) {
        Set<String> parts = new LinkedHashSet<>();
        for (Throwable t = ex; t != null; t = t.getCause()) {
            String m = describeOne(t);
            if (m == null || m.isBlank()) {
                continue;
            }
            boolean covered = false;
            for (String p : parts) {
                if (p.contains(m)) {
                    covered = true;
                    break;
                }
            }
            if (!covered) {
                parts.add(m);
            }
            if (t.getCause() == t) {
                break;
            }
        }
        return parts.isEmpty() ? ex.getClass().getSimpleName() : String.join(": ", parts);
    }

    private static String describeOne(Throwable t) {
        if (t instanceof AccessDeniedException e) {
            return e.getFile() + ": permission denied";
        }
        if (t instanceof NotDirectoryException e) {
            return e.getFile() + ": not a directory";
        }
        if (t instanceof NoSuchFileException e) {
            return e.getFile() + ": no such file or directory";
        }
        if (t instanceof FileAlreadyExistsException e) {
            return e.getFile() + ": already exists (not a directory?)";
        }
        if (t instanceof FileSystemException e) {
            return e.getFile() + (e.getOtherFile() == null ? "" : " -> " + e.getOtherFile()) + ": "
                    + (e.getReason() == null ? t.getClass().getSimpleName() : e.getReason());
        }
        String m = t.getMessage();
        return m == null ? t.getClass().getSimpleName() : m;
    }

    public static void main(String[] args) {
        System.exit(run(args));
    }

    /** Runs the command line and returns the exit code (for tests). */
    public static int run(String... args) {
        CommandLine cl = new CommandLine(new FerrumKv());
        cl.setExecutionExceptionHandler((ex, cmd, parsed) -> {
            if (ex instanceof CommandLine.ParameterException pe) {
                // an option value rejected after parsing (e.g. a negative --limit): usage error, like picocli's own
                cmd.getErr().println(pe.getMessage());
                return 2;
            }
            cmd.getErr().println("ferrum-kv: " + describe(ex));
            return 2;
        });
        return cl.execute(args);
    }

    static byte[] bytes(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    @Command(
            name = "put",
            mixinStandardHelpOptions = true,
            versionProvider = FerrumKv.Version.class,
            description = "Store VALUE under KEY.")
    static final class Put implements Callable<Integer> {
        @CommandLine.ParentCommand
        FerrumKv top;

        @Parameters(index = "0")
        String key;

        @Parameters(index = "1")
        String value;

        @Override
        public Integer call() {
            try (KvStore kv = top.open(1 << 10)) {
                kv.put(Keys.encode(bytes(key)), bytes(value));
            }
            return 0;
        }
    }

    @Command(
            name = "get",
            mixinStandardHelpOptions = true,
            versionProvider = FerrumKv.Version.class,
            description = "Print the value of KEY (exit code 1 if absent).")
    static final class Get implements Callable<Integer> {
        @CommandLine.ParentCommand
        FerrumKv top;

        @CommandLine.Spec
        CommandLine.Model.CommandSpec spec;

        @Parameters(index = "0")
        String key;

        @Override
        public Integer call() {
            try (KvStore kv = top.openExisting(1 << 10)) {
                byte[] v = kv.get(Keys.encode(bytes(key)));
                if (v == null) {
                    spec.commandLine().getOut().println("(nil)");
                    return 1;
                }
                spec.commandLine().getOut().println(new String(v, StandardCharsets.UTF_8));
                return 0;
            }
        }
    }

    @Command(
            name = "del",
            mixinStandardHelpOptions = true,
            versionProvider = FerrumKv.Version.class,
            description = "Delete KEY (exit code 1 if it was absent).")
    static final class Del implements Callable<Integer> {
        @CommandLine.ParentCommand
        FerrumKv top;

        @Parameters(index = "0")
        String key;

        @Override
        public Integer call() {
            try (KvStore kv = top.openExisting(1 << 10)) {
                return kv.delete(Keys.encode(bytes(key))) ? 0 : 1;
            }
        }
    }

    @Command(
            name = "scan",
            mixinStandardHelpOptions = true,
            versionProvider = FerrumKv.Version.class,
            description = "Print every key (and value) as UTF-8, in no particular order.")
    static final class Scan implements Callable<Integer> {
        @CommandLine.ParentCommand
        FerrumKv top;

        @CommandLine.Spec
        CommandLine.Model.CommandSpec spec;

        @Option(
                names = "--limit",
                defaultValue = "1000",
                description = "at most this many entries (default: ${DEFAULT-VALUE})")
        long limit;

        @Option(names = "--keys-only")
        boolean keysOnly;

        @Override
        public Integer call() {
            requireAtLeast(spec, "--limit", limit, 0);
            PrintWriter out = spec.commandLine().getOut();
            AtomicLong n = new AtomicLong();
            try (KvStore kv = top.openExisting(1 << 10)) {
                kv.forEach((k, v) -> {
                    if (n.getAndIncrement() < limit) {
                        String key = new String(Keys.decode(k), StandardCharsets.UTF_8);
                        out.println(keysOnly ? key : key + "\t" + new String(v, StandardCharsets.UTF_8));
                    }
                });
            }
            out.flush();
            return 0;
        }
    }

    @Command(
            name = "stats",
            mixinStandardHelpOptions = true,
            versionProvider = FerrumKv.Version.class,
            description = "Print keys, live/dead bytes, segments, index memory and recovery findings.")
    static final class Stats implements Callable<Integer> {
        @CommandLine.ParentCommand
        FerrumKv top;

        @CommandLine.Spec
        CommandLine.Model.CommandSpec spec;

        @Override
        public Integer call() {
            PrintWriter out = spec.commandLine().getOut();
            try (KvStore kv = top.openExisting(1 << 10)) {
                KvStats s = kv.stats();
                RecoveryReport r = kv.recoveryReport();
                out.printf("keys:            %,d%n", s.keys());
                out.printf("live bytes:      %,d%n", s.liveBytes());
                out.printf("dead bytes:      %,d%n", s.deadBytes());
                out.printf("segments:        %d%n", s.segments());
                out.printf("index memory:    %,d bytes (%,d slots)%n", s.indexBytes(), s.indexCapacity());
                out.printf(
                        "recovery:        %d segments (%d from hints), %,d records, %,d torn tail bytes, %d damaged regions%n",
                        r.segments(),
                        r.segmentsFromHints(),
                        r.records(),
                        r.tornTailBytes(),
                        r.corruptions().size());
                for (RecoveryReport.Corruption c : r.corruptions()) {
                    out.printf(
                            "  damaged: %s at offset %,d, %,d bytes skipped%n", c.file(), c.offset(), c.bytesSkipped());
                }
            }
            return 0;
        }
    }

    @Command(
            name = "compact",
            mixinStandardHelpOptions = true,
            versionProvider = FerrumKv.Version.class,
            description = "Rewrite live records, dropping overwritten and deleted ones.")
    static final class Compact implements Callable<Integer> {
        @CommandLine.ParentCommand
        FerrumKv top;

        @CommandLine.Spec
        CommandLine.Model.CommandSpec spec;

        @Override
        public Integer call() {
            try (KvStore kv = top.openExisting(1 << 10)) {
                long before = kv.stats().deadBytes();
                long reclaimed = kv.compact();
                spec.commandLine()
                        .getOut()
                        .printf(
                                "reclaimed %,d bytes (dead bytes %,d -> %,d)%n",
                                reclaimed, before, kv.stats().deadBytes());
            }
            return 0;
        }
    }

    @Command(
            name = "serve",
            mixinStandardHelpOptions = true,
            versionProvider = FerrumKv.Version.class,
            description = "Serve the store over RESP2 (redis-cli, redis-benchmark).")
    static final class Serve implements Callable<Integer> {
        @CommandLine.ParentCommand
        FerrumKv top;

        @CommandLine.Spec
        CommandLine.Model.CommandSpec spec;

        @Option(
                names = "--port",
                defaultValue = "6380",
                description = "TCP port (default: ${DEFAULT-VALUE}; 0 = any free port)")
        int port;

        @Option(names = "--bind", defaultValue = "127.0.0.1", description = "address (default: ${DEFAULT-VALUE})")
        String bind;

        @Option(
                names = {"--client-query-buffer-limit", "--max-request-bytes"},
                defaultValue = "67108864",
                description = "most bytes one request may span (Redis's client-query-buffer-limit; "
                        + "default: ${DEFAULT-VALUE})")
        long maxRequest;

        @Option(
                names = "--proto-max-bulk-len",
                defaultValue = "0",
                description = "longest bulk string accepted, refused at its header "
                        + "(0 = the store's largest key or value; default: ${DEFAULT-VALUE})")
        long maxBulk;

        @Option(
                names = "--maxclients",
                defaultValue = "10000",
                description = "most connections at once; more get '-ERR max number of clients reached' "
                        + "(lowered to the open-file limit minus 32; default: ${DEFAULT-VALUE})")
        int maxClients;

        @Option(
                names = "--maxmemory-clients",
                defaultValue = "0",
                description = "most bytes buffered for all clients together; a client that would exceed it "
                        + "is disconnected (0 = a quarter of the heap; default: ${DEFAULT-VALUE})")
        long maxMemoryClients;

        @Option(
                names = "--timeout",
                defaultValue = "0",
                description = "close connections idle this many seconds (0 = never; default: ${DEFAULT-VALUE})")
        long timeout;

        @Option(
                names = "--io-threads",
                defaultValue = "1",
                description = "event-loop threads (default: ${DEFAULT-VALUE})")
        int ioThreads;

        @Option(names = "--expected-keys", defaultValue = "1000000", description = "initial index capacity")
        long expectedKeys;

        @Option(
                names = "--segment-bytes",
                defaultValue = "268435456",
                description = "size of new segment files (default: ${DEFAULT-VALUE}, 256 MiB: a segment roll "
                        + "seals a segment and writes its hint file, which stalls the event loop briefly, so "
                        + "fewer rolls mean fewer stalls)")
        long segmentBytes;

        @Override
        public Integer call() throws Exception {
            requireAtLeast(spec, "--port", port, 0);
            requireAtMost(spec, "--port", port, 65535);
            requireAtLeast(spec, "--client-query-buffer-limit", maxRequest, 1024);
            requireAtMost(spec, "--client-query-buffer-limit", maxRequest, Integer.MAX_VALUE - 64);
            requireAtLeast(spec, "--proto-max-bulk-len", maxBulk, 0);
            requireAtMost(spec, "--proto-max-bulk-len", maxBulk, Integer.MAX_VALUE - 64);
            requireAtLeast(spec, "--maxclients", maxClients, 1);
            requireAtLeast(spec, "--maxmemory-clients", maxMemoryClients, 0);
            requireAtLeast(spec, "--timeout", timeout, 0);
            requireAtLeast(spec, "--io-threads", ioThreads, 1);
            requireAtMost(spec, "--io-threads", ioThreads, 256);
            requireAtLeast(spec, "--expected-keys", expectedKeys, 0);
            requireAtMost(spec, "--expected-keys", expectedKeys, 1L << 34);
            requireAtLeast(spec, "--segment-bytes", segmentBytes, 1L << 20);
            requireAtMost(spec, "--segment-bytes", segmentBytes, 1L << 40);
            RespServerConfig config = RespServerConfig.builder()
                    .bind(bind)
                    .port(port)
                    .clientQueryBufferLimit(maxRequest)
                    .protoMaxBulkLen(maxBulk)
                    .maxClients(maxClients)
                    .maxMemoryClients(maxMemoryClients)
                    .idleTimeoutSeconds(timeout)
                    .ioThreads(ioThreads)
                    .build();
            KvStore kv = top.open(expectedKeys, segmentBytes);
            RespServer server;
            try {
                server = new RespServer(kv, config).start();
            } catch (Exception e) {
                kv.close();
                throw e;
            }
            // Ctrl-C / SIGTERM: stop accepting, then close() the store, which forces its data to disk.
            Runtime.getRuntime().addShutdownHook(new Thread(() -> shutdown(server, kv)));
            spec.commandLine()
                    .getOut()
                    .printf(
                            "ferrum-kv serving %s on %s:%d (RESP2, maxclients %d)%n",
                            top.dir, bind, server.port(), server.maxClients());
            spec.commandLine().getOut().flush();
            server.join();
            return 0;
        }
    }

    @SuppressWarnings("try") // closed from the shutdown hook, not by a try-with-resources block
    static void shutdown(RespServer server, KvStore kv) {
        try {
            server.close();
        } catch (Exception ignored) {
            // exiting anyway
        }
        kv.close();
    }

    @Command(
            name = "bench",
            mixinStandardHelpOptions = true,
            versionProvider = FerrumKv.Version.class,
            description = "The session: write N keys, read them back, print times, throughput and memory.")
    static final class Bench implements Callable<Integer> {
        @CommandLine.ParentCommand
        FerrumKv top;

        @CommandLine.Spec
        CommandLine.Model.CommandSpec spec;

        @Option(names = "--keys", defaultValue = "1000000")
        int keys;

        @Option(names = "--key-bytes", defaultValue = "16")
        int keyBytes;

        @Option(names = "--value-bytes", defaultValue = "100")
        int valueBytes;

        @Option(names = "--no-progress")
        boolean noProgress;

        @Option(names = "--keep", description = "keep the store directory (default: a temporary directory, deleted)")
        boolean keep;

        @Option(
                names = "--warmup",
                defaultValue = "200000",
                description =
                        "first write and read this many keys in a scratch store, untimed, so the JIT has compiled "
                                + "the hot paths (0 = measure a cold JVM; default: ${DEFAULT-VALUE})")
        int warmup;

        @Override
        public Integer call() throws Exception {
            requireAtLeast(spec, "--keys", keys, 1);
            requireAtLeast(spec, "--key-bytes", keyBytes, 1);
            requireAtMost(spec, "--key-bytes", keyBytes, 1 << 16);
            requireAtLeast(spec, "--value-bytes", valueBytes, 1);
            requireAtMost(spec, "--value-bytes", valueBytes, 16 << 20);
            requireAtLeast(spec, "--warmup", warmup, 0);
            top.checkGlobalOptions();
            PrintWriter out = spec.commandLine().getOut();
            Durability d = top.durability;
            if (warmup > 0) {
                Path scratch = Files.createTempDirectory("ferrum-kv-warmup");
                try (KvStore kv = KvStore.open(KvOptions.builder(scratch)
                        .durability(d)
                        .syncIntervalMillis(top.syncMs)
                        .expectedKeys(warmup)
                        .build())) {
                    byte[] key = new byte[keyBytes];
                    byte[] value = new byte[valueBytes];
                    for (int round = 0; round < 2; round++) {
                        for (int i = 0; i < warmup; i++) {
                            fillKey(key, i);
                            kv.put(key, value);
                        }
                        for (int i = 0; i < warmup; i++) {
                            fillKey(key, i);
                            kv.get(key);
                        }
                    }
                } finally {
                    deleteTree(scratch);
                }
                out.printf("(JIT warm-up: %,d writes and reads on a scratch store, untimed)%n", 2L * warmup);
            }
            Path benchDir = keep ? top.dir : Files.createTempDirectory("ferrum-kv-bench");
            long[] times = new long[2];
            try (KvStore kv = KvStore.open(KvOptions.builder(benchDir)
                    .durability(d)
                    .syncIntervalMillis(top.syncMs)
                    .expectedKeys(keys)
                    .segmentBytes(256L << 20)
                    .build())) {
                byte[] key = new byte[keyBytes];
                byte[] value = new byte[valueBytes];
                for (int i = 0; i < valueBytes; i++) {
                    value[i] = (byte) ('a' + i % 26);
                }
                Progress p = new Progress("Writing", keys, noProgress);
                long t0 = System.nanoTime();
                for (int i = 0; i < keys; i++) {
                    fillKey(key, i);
                    value[0] = (byte) i;
                    kv.put(key, value);
                    p.step(i);
                }
                times[0] = System.nanoTime() - t0;
                p.done(times[0]);
                out.printf("Writing %,d keys... DONE (%.2fs)%n", keys, times[0] / 1e9);
                out.flush();
                long mismatches = 0;
                p = new Progress("Reading", keys, noProgress);
                long t1 = System.nanoTime();
                for (int i = 0; i < keys; i++) {
                    fillKey(key, i);
                    byte[] got = kv.get(key);
                    if (got == null || got.length != valueBytes || got[0] != (byte) i) {
                        mismatches++;
                    }
                    p.step(i);
                }
                times[1] = System.nanoTime() - t1;
                p.done(times[1]);
                out.printf("Reading %,d keys... DONE (%.2fs)%n", keys, times[1] / 1e9);
                double total = (times[0] + times[1]) / 1e9;
                out.printf(
                        "Throughput: %.1fM req/s (writes %.2fM/s, reads %.2fM/s)%n",
                        2.0 * keys / total / 1e6, keys / (times[0] / 1e9) / 1e6, keys / (times[1] / 1e9) / 1e6);
                Memory m = Memory.now();
                KvStats st = kv.stats();
                out.printf(
                        "Memory Usage: %.0fMB (process RSS without mapped files: heap in use %.0fMB, index %.0fMB off-heap; "
                                + "mapped data pages %.0fMB are page cache)%n",
                        m.rssAnonMb, m.heapUsedMb, st.indexBytes() / 1e6, m.rssFileMb);
                if (mismatches != 0) {
                    out.printf("ERROR: %d reads returned a wrong value%n", mismatches);
                }
                out.printf(
                        "RESULT warmup=%d write_s=%.4f read_s=%.4f rss_anon_mb=%.1f rss_file_mb=%.1f heap_used_mb=%.1f index_mb=%.1f durability=%s%n",
                        warmup,
                        times[0] / 1e9,
                        times[1] / 1e9,
                        m.rssAnonMb,
                        m.rssFileMb,
                        m.heapUsedMb,
                        st.indexBytes() / 1e6,
                        d);
                out.flush();
                return mismatches == 0 ? 0 : 3;
            } finally {
                if (!keep) {
                    deleteTree(benchDir);
                }
            }
        }

        private static void deleteTree(Path dir) throws java.io.IOException {
            try (var walk = Files.walk(dir)) {
                walk.sorted(java.util.Comparator.reverseOrder())
                        .forEach(p -> p.toFile().delete());
            }
        }

        /** Key i: "key-" then i in decimal, zero-padded to fill the key (no allocation). */
        static void fillKey(byte[] key, int i) {
            int prefix = Math.min(4, key.length);
            for (int j = 0; j < prefix; j++) {
                key[j] = (byte) "key-".charAt(j);
            }
            int v = i;
            for (int j = key.length - 1; j >= prefix; j--) {
                key[j] = (byte) ('0' + v % 10);
                v /= 10;
            }
        }
    }

    /** A one-line progress bar on stderr, redrawn every 2%. */
    static final class Progress {
        private final String label;
        private final long total;
        private final boolean off;
        private final long step;
        private long next;

        Progress(String label, long total, boolean off) {
            this.label = label;
            this.total = total;
            this.off = off;
            this.step = Math.max(1, total / 50);
            this.next = 0;
        }

        void step(long i) {
            if (off || i < next) {
                return;
            }
            next += step;
            draw(i, "");
        }

        private void draw(long i, String tail) {
            int filled = (int) (40 * i / Math.max(1, total));
            System.err.print("\r" + label + " [" + "=".repeat(filled) + " ".repeat(40 - filled) + "] "
                    + (100 * i / Math.max(1, total)) + "%" + tail);
            System.err.flush();
        }

        void done(long nanos) {
            if (!off) {
                draw(total, String.format(" %.2fs%n", nanos / 1e9));
            }
        }
    }

    /** Process memory from /proc/self/status (Linux) and the heap. */
    record Memory(double rssAnonMb, double rssFileMb, double heapUsedMb) {
        static Memory now() {
            double anon = Double.NaN;
            double file = Double.NaN;
            try {
                for (String line : Files.readAllLines(Path.of("/proc/self/status"))) {
                    if (line.startsWith("RssAnon:")) {
                        anon = kb(line) / 1024.0;
                    } else if (line.startsWith("RssFile:")) {
                        file = kb(line) / 1024.0;
                    }
                }
            } catch (Exception e) {
                // not Linux: leave NaN
            }
            Runtime rt = Runtime.getRuntime();
            return new Memory(anon, file, (rt.totalMemory() - rt.freeMemory()) / 1e6);
        }

        private static long kb(String line) {
            return Long.parseLong(line.replaceAll("[^0-9]", ""));
        }
    }
}
