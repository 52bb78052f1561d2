/*
 * Copyright 2026 the Ferrum authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.ferrum.bench.queue;

import java.util.Locale;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import org.HdrHistogram.Histogram;

/**
 * Round-trip latency: two threads, two queues of the same kind, one message bouncing. The pinger offers a
 * message on {@code ping}, busy-polls {@code pong} for the echo, and records {@code System.nanoTime()}
 * around the round trip in an HdrHistogram; the echo thread busy-polls {@code ping} and offers what it got
 * on {@code pong}. Both sides spin without pause hints (the same loop for every queue).
 *
 * <p>Run by {@link QueueSuite} in a fresh JVM per queue ({@link #main}), so each JIT profile sees one
 * queue class. Every round trip is checked: the echo must be the very object sent, and the echo thread's
 * count must equal the rounds sent.
 */
public final class PingPong {

    /** Distinct message objects, sent round-robin, so a lost or duplicated message is noticed. */
    private static final Integer[] MESSAGES = new Integer[1024];
    /** Tells the echo thread to stop; never counted. */
    private static final Integer STOP = Integer.valueOf(-1_000_000); // outside the Integer cache: a unique object

    static {
        for (int i = 0; i < MESSAGES.length; i++) {
            MESSAGES[i] = Integer.valueOf(1_000_000 + i); // outside the Integer cache, so identity is ours
        }
    }

    /**
     * One run's outcome.
     *
     * @param queue      the queue name
     * @param rounds     measured round trips (all verified)
     * @param histogram  their latencies in ns
     * @param nanoTimeNs cost of one {@code System.nanoTime()} call on this machine (included once per sample)
     */
    public record Result(String queue, long rounds, Histogram histogram, double nanoTimeNs) {

        public double percentile(double p) {
            return histogram.getValueAtPercentile(p);
        }

        /** The line {@link #main} prints and {@link #parse} reads. */
        String line() {
            return String.format(
                    Locale.ROOT,
                    "RESULT %s %d %.0f %.0f %.0f %.0f %d %.1f %.1f",
                    queue,
                    rounds,
                    percentile(50),
                    percentile(99),
                    percentile(99.9),
                    percentile(99.99),
                    histogram.getMaxValue(),
                    histogram.getMean(),
                    nanoTimeNs);
        }
    }

    /** Parsed {@code RESULT} line: percentiles in ns. */
    record Summary(
            String queue,
            long rounds,
            double p50,
            double p99,
            double p999,
            double p9999,
            double max,
            double mean,
            double nanoTimeNs) {

        static Summary parse(String line) {
            String[] f = line.trim().split(" ");
            if (f.length != 10 || !f[0].equals("RESULT")) {
                throw new IllegalArgumentException("not a ping-pong RESULT line: " + line);
            }
            return new Summary(
                    f[1],
                    Long.parseLong(f[2]),
                    Double.parseDouble(f[3]),
                    Double.parseDouble(f[4]),
                    Double.parseDouble(f[5]),
                    Double.parseDouble(f[6]),
                    Double.parseDouble(f[7]),
                    Double.parseDouble(f[8]),
                    Double.parseDouble(f[9]));
        }
    }

    private PingPong() {}

    /**
     * Runs {@code warmupRounds} unrecorded and then {@code rounds} recorded round trips.
     *
     * @param queue        a {@link QueueChannel} name (non-timed variants)
     * @param capacity     capacity of each of the two queues
     * @param warmupRounds round trips before recording
     * @param rounds       recorded round trips
     * @param maxNanos     time budget of the recorded phase (the warm-up gets a third of it): on a loaded machine
     *                     a run stops early with fewer, still verified, samples
     * @return the latencies
     * @throws IllegalStateException if any message was lost, duplicated or reordered, or the echo thread failed
     */
    public static Result run(String queue, int capacity, long warmupRounds, long rounds, long maxNanos)
            throws InterruptedException {
        QueueChannel ping = QueueChannel.create(queue, capacity);
        QueueChannel pong = QueueChannel.create(queue, capacity);
        AtomicLong echoed = new AtomicLong();
        AtomicReference<Throwable> failure = new AtomicReference<>();
        Thread echo = new Thread(
                () -> {
                    try {
                        long n = 0;
                        while (true) {
                            Integer m;
                            int spins = 0;
                            while ((m = ping.poll()) == null) {
                                spins = backOff(spins);
                            }
                            if (m == STOP) {
                                break;
                            }
                            while (!pong.offer(m)) {
                                // cannot be full: one message in flight
                            }
                            n++;
                        }
                        echoed.set(n);
                    } catch (Throwable t) {
                        failure.set(t);
                    }
                },
                "ping-pong-echo");
        echo.setDaemon(true);
        echo.start();
        Histogram histogram = new Histogram(TimeUnit.SECONDS.toNanos(10), 3);
        long warmed = 0;
        long measured = 0;
        try {
            warmed = bounce(ping, pong, warmupRounds, null, 0, maxNanos / 3);
            measured = bounce(ping, pong, rounds, histogram, warmed, maxNanos);
        } finally {
            while (!ping.offer(STOP)) {
                Thread.onSpinWait();
            }
            echo.join(TimeUnit.SECONDS.toMillis(30));
        }
        if (failure.get() != null) {
            throw new IllegalStateException("echo thread failed", failure.get());
        }
        if (echo.isAlive() || echoed.get() != warmed + measured) {
            throw new IllegalStateException("echo thread bounced " + echoed.get() + " messages, expected "
                    + (warmed + measured) + (echo.isAlive() ? " (still running)" : ""));
        }
        if (histogram.getTotalCount() != measured || measured == 0) {
            throw new IllegalStateException(
                    "recorded " + histogram.getTotalCount() + " round trips, expected " + measured);
        }
        return new Result(queue, measured, histogram, nanoTimeCost());
    }

    /** Bounces up to {@code rounds} messages within {@code maxNanos}; returns how many it bounced. */
    private static long bounce(
            QueueChannel ping, QueueChannel pong, long rounds, Histogram histogram, long first, long maxNanos)
            throws InterruptedException {
        long highest = histogram == null ? 0 : histogram.getHighestTrackableValue();
        long deadline = System.nanoTime() + maxNanos;
        for (long i = 0; i < rounds; i++) {
            if ((i & 1023) == 0 && System.nanoTime() - deadline > 0) {
                return i; // time budget spent: report the rounds done (all of them verified)
            }
            Integer sent = MESSAGES[(int) ((first + i) & (MESSAGES.length - 1))];
            long start = System.nanoTime();
            while (!ping.offer(sent)) {
                // cannot be full: one message in flight
            }
            Integer back;
            int spins = 0;
            while ((back = pong.poll()) == null) {
                spins = backOff(spins);
            }
            long elapsed = System.nanoTime() - start;
            if (back != sent) {
                throw new IllegalStateException("round trip " + (first + i) + ": sent " + sent + ", got back " + back);
            }
            if (histogram != null) {
                histogram.recordValue(Math.min(elapsed, highest));
            }
        }
        return rounds;
    }

    /**
     * Busy-polls; only after {@value #SPINS_BEFORE_YIELD} empty polls in a row (tens of microseconds, far beyond a
     * normal round trip) yields, so that on an oversubscribed machine a spinning thread gives its core to the
     * descheduled partner instead of burning a whole time slice. The same for every queue.
     */
    static int backOff(int spins) {
        if (spins >= SPINS_BEFORE_YIELD) {
            Thread.yield();
            return spins;
        }
        return spins + 1;
    }

    /** Empty polls before the spinning side starts yielding. */
    static final int SPINS_BEFORE_YIELD = 10_000;

    /** Median cost of one back-to-back {@code System.nanoTime()} pair, a floor under every sample. */
    private static double nanoTimeCost() {
        int n = 1_000_000;
        long start = System.nanoTime();
        long sink = 0;
        for (int i = 0; i < n; i++) {
            sink += System.nanoTime();
        }
        long elapsed = System.nanoTime() - start;
        return sink == 42 ? -1 : (double) elapsed / n;
    }

    /**
     * Child-JVM entry point: {@code queue capacity warmupRounds rounds maxSeconds}; prints one {@code RESULT} line:
     * queue, rounds, p50, p99, p99.9, p99.99, max, mean (ns), nanoTime cost (ns).
     *
     * @param args the five arguments
     * @throws Exception if the run fails (non-zero exit)
     */
    public static void main(String[] args) throws Exception {
        if (args.length != 5) {
            System.err.println("usage: PingPong queue capacity warmupRounds rounds maxSeconds");
            System.exit(2);
        }
        Result r = run(
                args[0],
                Integer.parseInt(args[1]),
                Long.parseLong(args[2]),
                Long.parseLong(args[3]),
                TimeUnit.SECONDS.toNanos(Long.parseLong(args[4])));
        System.out.println(r.line());
    }
}
