/*
 * Copyright 2026 the Ferrum authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.ferrum.bench.queue;

import dev.ferrum.bench.report.Row;
import dev.ferrum.bench.report.RustFigure;
import dev.ferrum.bench.report.Score;
import dev.ferrum.bench.support.ChildJvm;
import dev.ferrum.bench.support.Comparison;
import dev.ferrum.bench.support.Measurements;
import dev.ferrum.bench.support.RunContext;
import dev.ferrum.bench.support.Suite;
import java.io.IOException;
import java.nio.file.Files;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Issue 4: the lock-free queues against {@code ArrayBlockingQueue} (the stand-in for Rust's
 * {@code std::sync::mpsc}), the other JDK queues and JCTools; round-trip latency; the off-heap ring buffer
 * in one JVM (against Agrona) and between two JVMs over a mapped file.
 */
public final class QueueSuite implements Suite {

    private static final String NAME = "queue";
    /** Capacity of every bounded queue in the throughput and latency benchmarks. */
    static final int CAPACITY = 1024;

    static final List<Integer> MESSAGE_SIZES = List.of(32, 256);
    /** Queues whose round-trip latency is measured, each in its own JVM. */
    static final List<String> LATENCY_QUEUES = List.of(
            QueueChannel.FERRUM_SPSC,
            QueueChannel.JCTOOLS_SPSC,
            QueueChannel.ABQ,
            QueueChannel.FERRUM_MPMC,
            QueueChannel.JCTOOLS_MPMC);
    /** Fresh-JVM runs per queue for the latency rows; the best by p50 is reported. */
    static final int LATENCY_REPEATS = 3;

    static final List<String> CHILD_JVM = List.of("-Xms256m", "-Xmx256m", "--enable-native-access=ALL-UNNAMED");
    private static final RustFigure RUST_THROUGHPUT =
            RustFigure.of("std::mpsc 2.1M ops/sec vs Your Queue 18.5M ops/sec (8.8x)", 18.5 / 2.1);

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public String title() {
        return "Lock-free SPSC/MPMC queues vs ArrayBlockingQueue and JCTools; off-heap ring buffer vs Agrona";
    }

    @Override
    public List<Class<?>> benchmarks() {
        return List.of(
                QueueThroughputBench.class, SpscCapacityBench.class, MpmcContentionBench.class, RingBufferBench.class);
    }

    /** Agrona 2.x reaches {@code jdk.internal.misc.Unsafe}, which JDK 25 exports only on request. */
    static final String AGRONA_EXPORT = "--add-exports=java.base/jdk.internal.misc=ALL-UNNAMED";

    @Override
    public List<String> jvmArgs() {
        return List.of(AGRONA_EXPORT);
    }

    /** Single forks of a 1P+1C benchmark on 2 cores range over 2x (thread placement); average three. */
    @Override
    public int quickForks() {
        return 3;
    }

    @Override
    public List<String> notes() {
        return List.of(
                "quick mode runs 3 forks per queue benchmark (single forks of one queue range over 2x on 2 cores, "
                        + "depending on where the scheduler places the two threads); scores average all forks",
                "this machine has 2 cores: the throughput rows are 1 producer thread + 1 consumer thread (MPMC's CAS "
                        + "on both indices is paid but not contended) except the MPMC 2P+1C and 1P+2C rows, whose "
                        + "three threads share two cores (one is always preempted: they measure the queues under "
                        + "preemption as much as under CAS contention, compare them only with each other); other "
                        + "processes share the cores, so expect noise of 10-30% between runs",
                "the blocking rows: WaitingQueue(SpscQueue) and, as a control, JCTools' SpscArrayQueue behind a copy "
                        + "of WaitingQueue's timed loop with the same WaitStrategy (parking, 100 us max), both against "
                        + "ArrayBlockingQueue's timed offer/poll: the control separates the queue from the wait scheme",
                "queue throughput = elements delivered (successful polls) per second, JCTools' "
                        + "QueueThroughputBackoffNone pattern (JMH @Group, one offer or poll per invocation, failed "
                        + "attempts retried at once, yielding only after 100 failures in a row so that two threads "
                        + "that end up on one core do not spin through whole time slices); capacity " + CAPACITY
                        + " for every bounded queue; one shared "
                        + "Integer element; every queue through its non-blocking offer/poll (ArrayBlockingQueue's "
                        + "offer/poll take the same lock as put/take but never park), the 'timed' row through the "
                        + "blocking APIs with a 1 ms timeout",
                "B/op column on queue rows = heap bytes per invocation (offer or poll, failed ones included); the "
                        + "*.alloc rows give bytes per delivered element",
                "ring buffer rows: " + RingBufferBench.RING_BYTES / 1024 + " KiB data region for ours and Agrona's, "
                        + "payload's first long = sequence number summed by the reader; cross-process = this JVM "
                        + "creates a MappedRingBuffer file in /dev/shm and reads, a producer JVM opens it and writes; timed on the reader "
                        + "from the first measured message to the last, after a warm-up phase; every message's "
                        + "order, both ends of its payload, the count and a checksum are verified",
                "latency rows: ns per round trip (one message bouncing between two threads over two queues, "
                        + "busy-polling, yielding only after 10k empty polls), HdrHistogram, each queue in "
                        + LATENCY_REPEATS + " fresh JVMs interleaved with the others, the run with the lowest p50 "
                        + "reported (all runs' p50 in the note); System.nanoTime() is inside every sample (its cost "
                        + "is in the note); p99.9 and max mostly measure the scheduler on this shared 2-core machine");
    }

    static String throughput(String impl) {
        return "QueueThroughputBench.tpt[capacity=" + CAPACITY + ",impl=" + impl + "]:pollsMade";
    }

    static String throughputPrimary(String impl) {
        return "QueueThroughputBench.tpt[capacity=" + CAPACITY + ",impl=" + impl + "]";
    }

    /** Elements delivered per second, summed over the consumer threads, in the contended MPMC benchmark. */
    static String contention(String group, String impl) {
        return "MpmcContentionBench." + group + "[capacity=" + CAPACITY + ",impl=" + impl + "]:pollsMade";
    }

    static String ring(String impl, int messageBytes) {
        return "RingBufferBench.tpt[impl=" + impl + ",messageBytes=" + messageBytes + "]:messagesRead";
    }

    @Override
    public List<Comparison> comparisons() {
        List<Comparison> c = new ArrayList<>();
        String spsc = QueueChannel.FERRUM_SPSC;
        String mpmc = QueueChannel.FERRUM_MPMC;
        String tp = " throughput, 1P+1C, capacity " + CAPACITY + ", elements/s";
        c.add(Comparison.vs(
                "queue.spsc.throughput.vs_abq",
                "SpscQueue vs ArrayBlockingQueue" + tp,
                throughput(spsc),
                throughput(QueueChannel.ABQ),
                QueueChannel.describe(QueueChannel.ABQ),
                8.8,
                RUST_THROUGHPUT));
        c.add(Comparison.vs(
                "queue.spsc.throughput.vs_jctools",
                "SpscQueue vs JCTools SpscArrayQueue" + tp,
                throughput(spsc),
                throughput(QueueChannel.JCTOOLS_SPSC),
                QueueChannel.describe(QueueChannel.JCTOOLS_SPSC),
                1.0,
                null));
        c.add(Comparison.vs(
                "queue.spsc.throughput_64k.vs_jctools",
                "SpscQueue vs JCTools SpscArrayQueue throughput, 1P+1C, capacity 65536, elements/s",
                "SpscCapacityBench.tpt[capacity=65536,impl=" + spsc + "]:pollsMade",
                "SpscCapacityBench.tpt[capacity=65536,impl=" + QueueChannel.JCTOOLS_SPSC + "]:pollsMade",
                QueueChannel.describe(QueueChannel.JCTOOLS_SPSC),
                1.0,
                null));
        c.add(Comparison.vs(
                "queue.spsc.throughput.vs_clq",
                "SpscQueue vs ConcurrentLinkedQueue" + tp,
                throughput(spsc),
                throughput(QueueChannel.CLQ),
                QueueChannel.describe(QueueChannel.CLQ),
                Double.NaN,
                null));
        c.add(Comparison.vs(
                "queue.spsc.throughput.vs_lbq",
                "SpscQueue vs LinkedBlockingQueue" + tp,
                throughput(spsc),
                throughput(QueueChannel.LBQ),
                QueueChannel.describe(QueueChannel.LBQ),
                Double.NaN,
                null));
        c.add(Comparison.vs(
                "queue.mpmc.throughput.vs_jctools",
                "MpmcQueue vs JCTools MpmcArrayQueue" + tp,
                throughput(mpmc),
                throughput(QueueChannel.JCTOOLS_MPMC),
                QueueChannel.describe(QueueChannel.JCTOOLS_MPMC),
                1.0,
                null));
        c.add(Comparison.vs(
                "queue.mpmc.throughput.vs_abq",
                "MpmcQueue vs ArrayBlockingQueue" + tp,
                throughput(mpmc),
                throughput(QueueChannel.ABQ),
                QueueChannel.describe(QueueChannel.ABQ),
                Double.NaN,
                RUST_THROUGHPUT));
        c.add(Comparison.vs(
                "queue.timed.throughput.vs_abq",
                "blocking APIs: WaitingQueue(SpscQueue, parking) vs ArrayBlockingQueue, offer/poll with 1 ms timeout"
                        + tp,
                throughput(QueueChannel.FERRUM_SPSC_TIMED),
                throughput(QueueChannel.ABQ_TIMED),
                QueueChannel.describe(QueueChannel.ABQ_TIMED),
                Double.NaN,
                null));
        c.add(Comparison.vs(
                "queue.timed.throughput.vs_jctools_parking",
                "blocking APIs, same parking wait loop: WaitingQueue(SpscQueue) vs JCTools SpscArrayQueue, offer/poll "
                        + "with 1 ms timeout" + tp,
                throughput(QueueChannel.FERRUM_SPSC_TIMED),
                throughput(QueueChannel.JCTOOLS_SPSC_TIMED),
                QueueChannel.describe(QueueChannel.JCTOOLS_SPSC_TIMED),
                Double.NaN,
                null));
        c.add(Comparison.vs(
                "queue.timed.control.jctools_parking_vs_abq",
                "control for the blocking row: JCTools SpscArrayQueue + WaitingQueue's parking loop vs "
                        + "ArrayBlockingQueue, offer/poll with 1 ms timeout" + tp,
                throughput(QueueChannel.JCTOOLS_SPSC_TIMED),
                throughput(QueueChannel.ABQ_TIMED),
                QueueChannel.describe(QueueChannel.ABQ_TIMED),
                Double.NaN,
                null));
        for (String[] shape : new String[][] {{"p2c1", "2P+1C"}, {"p1c2", "1P+2C"}}) {
            c.add(Comparison.vs(
                    "queue.mpmc.throughput_" + shape[0] + ".vs_jctools",
                    "MpmcQueue vs JCTools MpmcArrayQueue throughput, " + shape[1] + " (contended CAS; 3 threads on 2 "
                            + "cores), capacity " + CAPACITY + ", elements/s",
                    contention(shape[0], mpmc),
                    contention(shape[0], QueueChannel.JCTOOLS_MPMC),
                    QueueChannel.describe(QueueChannel.JCTOOLS_MPMC),
                    Double.NaN,
                    null));
        }
        for (int size : MESSAGE_SIZES) {
            c.add(Comparison.vs(
                    "queue.ring.spsc." + size + ".vs_agrona",
                    "off-heap SpscRingBuffer, " + size + " B messages, in-process 1P+1C, messages/s",
                    ring(RingChannel.FERRUM_SPSC, size),
                    ring(RingChannel.AGRONA_ONE_TO_ONE, size),
                    RingChannel.describe(RingChannel.AGRONA_ONE_TO_ONE),
                    Double.NaN,
                    null));
            c.add(Comparison.vs(
                    "queue.ring.mpsc." + size + ".vs_agrona",
                    "off-heap MpscRingBuffer (1 producer), " + size + " B messages, in-process, messages/s",
                    ring(RingChannel.FERRUM_MPSC, size),
                    ring(RingChannel.AGRONA_MANY_TO_ONE, size),
                    RingChannel.describe(RingChannel.AGRONA_MANY_TO_ONE),
                    Double.NaN,
                    null));
        }
        return c;
    }

    // ------------------------------------------------------------------------------------------ extra rows

    @Override
    public List<Row> extraRows(RunContext context) throws Exception {
        List<Row> rows = new ArrayList<>();
        rows.addAll(allocationRows(context.measurements()));
        rows.addAll(ringBandwidthRows(context.measurements()));
        rows.addAll(latencyRows(context));
        rows.addAll(crossProcessRows(context));
        return rows;
    }

    /** Heap bytes per delivered element: gc.alloc.rate.norm is per invocation, failed polls included. */
    private static List<Row> allocationRows(Measurements m) {
        List<Row> rows = new ArrayList<>();
        record Alloc(String id, String what, String primary, String delivered) {}
        List<Alloc> paths = List.of(
                new Alloc(
                        "queue.spsc.alloc",
                        "SpscQueue offer+poll",
                        throughputPrimary(QueueChannel.FERRUM_SPSC),
                        throughput(QueueChannel.FERRUM_SPSC)),
                new Alloc(
                        "queue.mpmc.alloc",
                        "MpmcQueue offer+poll",
                        throughputPrimary(QueueChannel.FERRUM_MPMC),
                        throughput(QueueChannel.FERRUM_MPMC)),
                new Alloc(
                        "queue.ring.spsc.alloc",
                        "SpscRingBuffer write+read, 32 B",
                        "RingBufferBench.tpt[impl=ferrum-spsc,messageBytes=32]",
                        ring(RingChannel.FERRUM_SPSC, 32)),
                new Alloc(
                        "queue.ring.mpsc.alloc",
                        "MpscRingBuffer write+read, 32 B",
                        "RingBufferBench.tpt[impl=ferrum-mpsc,messageBytes=32]",
                        ring(RingChannel.FERRUM_MPSC, 32)));
        for (Alloc a : paths) {
            Optional<Score> primary = m.get(a.primary());
            Optional<Score> delivered = m.get(a.delivered());
            if (primary.isEmpty()
                    || delivered.isEmpty()
                    || Double.isNaN(primary.get().bytesPerOp())) {
                continue;
            }
            double perElement = primary.get().bytesPerOp()
                    * primary.get().value()
                    / delivered.get().value();
            rows.add(new Row(
                    a.id(),
                    NAME,
                    "heap bytes per delivered element, " + a.what() + " (-prof gc; target: below 0.1 B, i.e. none)",
                    perElement,
                    Double.NaN,
                    null,
                    Double.NaN,
                    "B/op",
                    Double.NaN,
                    0.1,
                    perElement < 0.1,
                    RustFigure.of("no allocation per message"),
                    primary.get().bytesPerOp(),
                    Double.NaN,
                    String.format(
                            Locale.ROOT,
                            "gc.alloc.rate.norm %.4f B per invocation x %.3g invocations/s / %.3g delivered/s",
                            primary.get().bytesPerOp(),
                            primary.get().value(),
                            delivered.get().value())));
        }
        return rows;
    }

    private static List<Row> ringBandwidthRows(Measurements m) {
        List<Row> rows = new ArrayList<>();
        for (int size : MESSAGE_SIZES) {
            for (String[] pair : new String[][] {
                {RingChannel.FERRUM_SPSC, RingChannel.AGRONA_ONE_TO_ONE, "spsc"},
                {RingChannel.FERRUM_MPSC, RingChannel.AGRONA_MANY_TO_ONE, "mpsc"}
            }) {
                Optional<Score> ours = m.get(ring(pair[0], size));
                Optional<Score> agrona = m.get(ring(pair[1], size));
                if (ours.isEmpty()) {
                    continue;
                }
                String note = agrona.map(a -> String.format(
                                Locale.ROOT, "%s: %.0f MB/s", RingChannel.describe(pair[1]), a.value() * size / 1e6))
                        .orElse("Agrona did not run");
                rows.add(Row.absolute(
                        "queue.ring." + pair[2] + "." + size + ".mbps",
                        NAME,
                        RingChannel.describe(pair[0]) + ", " + size
                                + " B messages, in-process 1P+1C, payload MB/s (10^6 B)",
                        megabytes(ours.get(), size),
                        Double.NaN,
                        null,
                        note));
            }
        }
        return rows;
    }

    private static Score megabytes(Score messagesPerSecond, int size) {
        return new Score(
                messagesPerSecond.value() * size / 1e6,
                messagesPerSecond.error() * size / 1e6,
                "MB/s",
                messagesPerSecond.bytesPerOp());
    }

    /**
     * Runs every queue {@code repeats} times, each run in a fresh JVM, interleaved (A B C A B C ...) so that a
     * burst of load from other processes hits all queues alike; keeps per queue the run with the lowest p50
     * (interference only ever adds latency) and all runs' p50 for the note.
     */
    static Map<String, List<PingPong.Summary>> runPingPongs(
            List<String> queues, int repeats, long warmup, long rounds, long maxSeconds, StringBuilder log)
            throws Exception {
        Map<String, List<PingPong.Summary>> out = new LinkedHashMap<>();
        for (int repeat = 0; repeat < repeats; repeat++) {
            for (String queue : queues) {
                ChildJvm.Output child = ChildJvm.of(PingPong.class)
                        .jvmArgs(CHILD_JVM)
                        .args(
                                queue,
                                Integer.toString(CAPACITY),
                                Long.toString(warmup),
                                Long.toString(rounds),
                                Long.toString(maxSeconds))
                        .run(Duration.ofMinutes(5));
                log.append(child.log());
                String text = child.text();
                text.lines()
                        .filter(l -> l.startsWith("RESULT "))
                        .findFirst()
                        .ifPresent(l -> out.computeIfAbsent(queue, q -> new ArrayList<>())
                                .add(PingPong.Summary.parse(l)));
            }
        }
        return out;
    }

    static PingPong.Summary best(List<PingPong.Summary> runs) {
        return runs.stream()
                .min(java.util.Comparator.comparingDouble(PingPong.Summary::p50))
                .orElseThrow();
    }

    private List<Row> latencyRows(RunContext context) throws Exception {
        long warmup = context.quick() ? 50_000 : 1_000_000;
        long rounds = context.quick() ? 200_000 : 2_000_000;
        long maxSeconds = context.quick() ? 3 : 20;
        StringBuilder log = new StringBuilder();
        Map<String, List<PingPong.Summary>> runs;
        try {
            runs = runPingPongs(LATENCY_QUEUES, LATENCY_REPEATS, warmup, rounds, maxSeconds, log);
        } finally {
            write(context, "queue-pingpong.txt", log);
        }
        Map<String, PingPong.Summary> r = new LinkedHashMap<>();
        runs.forEach((q, list) -> r.put(q, best(list)));
        r.forEach((q, s) -> { // for the same-machine Rust rows (bench.rust.RustRows), which run after this
            context.measurements().put(pingPongKey(q, "p50"), new Score(s.p50(), Double.NaN, "ns/op", Double.NaN));
            context.measurements().put(pingPongKey(q, "p99"), new Score(s.p99(), Double.NaN, "ns/op", Double.NaN));
        });
        List<Row> rows = new ArrayList<>();
        String[][] pairs = {
            {QueueChannel.FERRUM_SPSC, QueueChannel.ABQ, "spsc", "vs_abq"},
            {QueueChannel.FERRUM_SPSC, QueueChannel.JCTOOLS_SPSC, "spsc", "vs_jctools"},
            {QueueChannel.FERRUM_MPMC, QueueChannel.JCTOOLS_MPMC, "mpmc", "vs_jctools"}
        };
        for (String[] pair : pairs) {
            for (String pct : List.of("p50", "p99")) {
                String id = "queue.latency." + pair[2] + "." + pct + "." + pair[3];
                String desc = QueueChannel.describe(pair[0]) + " round-trip latency " + pct + " (ns per round trip, "
                        + "ping-pong over two queues of capacity " + CAPACITY + ")";
                PingPong.Summary ours = r.get(pair[0]);
                PingPong.Summary peer = r.get(pair[1]);
                if (ours == null || peer == null) {
                    rows.add(Row.missing(id, NAME, desc, "ping-pong child JVM failed; see queue-pingpong.txt"));
                    continue;
                }
                double o = pct.equals("p50") ? ours.p50() : ours.p99();
                double p = pct.equals("p50") ? peer.p50() : peer.p99();
                rows.add(Row.compared(
                        id,
                        NAME,
                        desc,
                        new Score(o, Double.NaN, "ns/op", Double.NaN),
                        QueueChannel.describe(pair[1]),
                        new Score(p, Double.NaN, "ns/op", Double.NaN),
                        Double.NaN,
                        RustFigure.of("\"microsecond latency\" (no figure)"),
                        "best of " + LATENCY_REPEATS + " fresh JVMs by p50: "
                                + percentiles(ours, runs.get(pair[0])) + "; " + percentiles(peer, runs.get(pair[1]))
                                + String.format(
                                        Locale.ROOT, "; System.nanoTime() costs %.0f ns here", ours.nanoTimeNs())));
            }
        }
        return rows;
    }

    /** The measurements key of a queue's best ping-pong percentile, e.g. {@code PingPong[queue=ferrum-spsc]:p50}. */
    public static String pingPongKey(String queue, String percentile) {
        return "PingPong[queue=" + queue + "]:" + percentile;
    }

    private static String percentiles(PingPong.Summary s, List<PingPong.Summary> all) {
        return String.format(
                Locale.ROOT,
                "%s p50 %.0f / p99 %.0f / p99.9 %.0f / max %.0f ns (%d samples; p50 of every run: %s)",
                s.queue(),
                s.p50(),
                s.p99(),
                s.p999(),
                s.max(),
                s.rounds(),
                String.join(
                        ", ",
                        all.stream()
                                .map(x -> String.format(Locale.ROOT, "%.0f", x.p50()))
                                .toList()));
    }

    private List<Row> crossProcessRows(RunContext context) throws Exception {
        List<Row> rows = new ArrayList<>();
        StringBuilder log = new StringBuilder();
        Measurements m = context.measurements();
        try {
            for (String variant : List.of("spsc", "mpsc")) {
                for (int size : MESSAGE_SIZES) {
                    long count = (size <= 32 ? 5_000_000L : 2_000_000L) * (context.quick() ? 1 : 4);
                    long warmup = count / 2; // each phase is also capped in time, see CrossProcessRing.produce
                    String id = "queue.ring.xproc." + variant + "." + size;
                    String what = (variant.equals("spsc") ? "SpscRingBuffer" : "MpscRingBuffer (1 producer)")
                            + " across two JVMs over a mapped file, " + size + " B messages";
                    CrossProcessRing.Result result;
                    try {
                        result = CrossProcessRing.run(
                                variant,
                                RingBufferBench.RING_BYTES,
                                size,
                                warmup,
                                count,
                                context.quick() ? 3 : 15,
                                CHILD_JVM);
                    } catch (Exception e) {
                        log.append(id).append(" failed: ").append(e).append('\n');
                        rows.add(Row.missing(id + ".msgs", NAME, what, "failed: " + e.getMessage()));
                        continue;
                    }
                    log.append(String.format(
                            Locale.ROOT,
                            "%s: %d messages (+%d warm-up) in %.3f ms, checksum %d verified%n",
                            id,
                            result.messages(),
                            result.warmup(),
                            result.nanos() / 1e6,
                            result.checksum()));
                    String inProcess = m.get(ring(
                                    variant.equals("spsc") ? RingChannel.FERRUM_SPSC : RingChannel.FERRUM_MPSC, size))
                            .map(s -> String.format(Locale.ROOT, "; in-process: %.3g messages/s", s.value()))
                            .orElse("");
                    String note = String.format(
                            Locale.ROOT,
                            "%d messages after %d warm-up, all verified (order, payload "
                                    + "ends, count, checksum); %.1f ms first to last%s",
                            result.messages(),
                            result.warmup(),
                            result.nanos() / 1e6,
                            inProcess);
                    rows.add(Row.absolute(
                            id + ".msgs",
                            NAME,
                            what + ", messages/s",
                            new Score(result.messagesPerSecond(), Double.NaN, "msgs/s", Double.NaN),
                            Double.NaN,
                            null,
                            note));
                    rows.add(Row.absolute(
                            id + ".mbps",
                            NAME,
                            what + ", payload MB/s (10^6 B)",
                            new Score(result.megabytesPerSecond(), Double.NaN, "MB/s", Double.NaN),
                            Double.NaN,
                            null,
                            note));
                }
            }
        } finally {
            write(context, "queue-cross-process.txt", log);
        }
        return rows;
    }

    private static void write(RunContext context, String file, CharSequence text) {
        try {
            Files.writeString(context.outputDir().resolve(file), text);
        } catch (IOException e) {
            // the rows carry the numbers; the log file is a convenience
        }
    }
}
