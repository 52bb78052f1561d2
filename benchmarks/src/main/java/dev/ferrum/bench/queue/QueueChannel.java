/*
 * Copyright 2026 the Ferrum authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.ferrum.bench.queue;

import dev.ferrum.bench.support.PeerVersions;
import dev.ferrum.queue.MpmcQueue;
import dev.ferrum.queue.SpscQueue;
import dev.ferrum.queue.WaitStrategy;
import dev.ferrum.queue.WaitingQueue;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.jctools.queues.MpmcArrayQueue;
import org.jctools.queues.SpscArrayQueue;

/**
 * The queues under test behind one two-method shape, so the throughput and ping-pong benchmarks run the
 * same loop for every implementation. Each implementation is its own final class and a JMH fork (or
 * ping-pong child JVM) creates exactly one, so the call sites stay monomorphic and inline like a direct call.
 *
 * <p>Every queue is used through its non-blocking {@code offer}/{@code poll} except the two {@code -timed}
 * variants (blocking API with a 1 ms timeout, so no thread can hang when the benchmark stops).
 */
public abstract sealed class QueueChannel {

    /** Implementation names, as used in {@code @Param} values. */
    public static final String FERRUM_SPSC = "ferrum-spsc";

    public static final String FERRUM_MPMC = "ferrum-mpmc";
    public static final String JCTOOLS_SPSC = "jctools-spsc";
    public static final String JCTOOLS_MPMC = "jctools-mpmc";
    public static final String ABQ = "abq";
    public static final String LBQ = "lbq";
    public static final String CLQ = "clq";
    public static final String FERRUM_SPSC_TIMED = "ferrum-spsc-timed";
    public static final String ABQ_TIMED = "abq-timed";
    /** Control for the timed row: JCTools' SPSC queue behind the same wait loop and strategy as WaitingQueue. */
    public static final String JCTOOLS_SPSC_TIMED = "jctools-spsc-timed";

    /** Every name {@link #create} accepts. */
    public static final List<String> NAMES = List.of(
            FERRUM_SPSC,
            FERRUM_MPMC,
            JCTOOLS_SPSC,
            JCTOOLS_MPMC,
            ABQ,
            LBQ,
            CLQ,
            FERRUM_SPSC_TIMED,
            ABQ_TIMED,
            JCTOOLS_SPSC_TIMED);

    /** The wait strategy of both parking variants: the one WaitingQueue row and its JCTools control. */
    static final WaitStrategy TIMED_STRATEGY = WaitStrategy.parking(100, TimeUnit.MICROSECONDS);

    /** Timeout of the {@code -timed} variants' blocking calls. */
    static final long TIMEOUT_MICROS = 1_000;

    /**
     * Tries to add; {@code false} if full (or, for the timed variants, still full after the timeout).
     *
     * @param element not null
     * @return whether it was added
     * @throws InterruptedException only from the timed variants
     */
    public abstract boolean offer(Integer element) throws InterruptedException;

    /**
     * Tries to remove.
     *
     * @return the element or {@code null} if empty (for the timed variants: still empty after the timeout)
     * @throws InterruptedException only from the timed variants
     */
    public abstract Integer poll() throws InterruptedException;

    /**
     * Creates a queue.
     *
     * @param name     one of {@link #NAMES}
     * @param capacity the bound (ignored by the unbounded {@code ConcurrentLinkedQueue})
     * @return the channel
     */
    public static QueueChannel create(String name, int capacity) {
        return switch (name) {
            case FERRUM_SPSC -> new FerrumSpsc(new SpscQueue<>(capacity));
            case FERRUM_MPMC -> new FerrumMpmc(new MpmcQueue<>(capacity));
            case JCTOOLS_SPSC -> new JcSpsc(new SpscArrayQueue<>(capacity));
            case JCTOOLS_MPMC -> new JcMpmc(new MpmcArrayQueue<>(capacity));
            case ABQ -> new Abq(new ArrayBlockingQueue<>(capacity));
            case LBQ -> new Lbq(new LinkedBlockingQueue<>(capacity));
            case CLQ -> new Clq(new ConcurrentLinkedQueue<>());
            case FERRUM_SPSC_TIMED ->
                new FerrumSpscTimed(new WaitingQueue<>(new SpscQueue<>(capacity), TIMED_STRATEGY));
            case JCTOOLS_SPSC_TIMED -> new JcSpscTimed(new SpscArrayQueue<>(capacity), TIMED_STRATEGY);
            case ABQ_TIMED -> new AbqTimed(new ArrayBlockingQueue<>(capacity));
            default -> throw new IllegalArgumentException("unknown queue '" + name + "'; known: " + NAMES);
        };
    }

    /** Human description of a name, for report rows. */
    static String describe(String name) {
        return switch (name) {
            case FERRUM_SPSC -> "Ferrum SpscQueue";
            case FERRUM_MPMC -> "Ferrum MpmcQueue";
            case JCTOOLS_SPSC -> PeerVersions.JCTOOLS + " SpscArrayQueue";
            case JCTOOLS_MPMC -> PeerVersions.JCTOOLS + " MpmcArrayQueue";
            case ABQ -> "ArrayBlockingQueue (offer/poll)";
            case LBQ -> "LinkedBlockingQueue (offer/poll)";
            case CLQ -> "ConcurrentLinkedQueue (unbounded)";
            case FERRUM_SPSC_TIMED -> "Ferrum WaitingQueue(SpscQueue, parking) offer/poll with timeout";
            case ABQ_TIMED -> "ArrayBlockingQueue offer/poll with timeout";
            case JCTOOLS_SPSC_TIMED -> "JCTools 4.0.5 SpscArrayQueue + the same parking wait loop, with timeout";
            default -> name;
        };
    }

    private static final class FerrumSpsc extends QueueChannel {
        private final SpscQueue<Integer> q;

        FerrumSpsc(SpscQueue<Integer> q) {
            this.q = q;
        }

        @Override
        public boolean offer(Integer element) {
            return q.offer(element);
        }

        @Override
        public Integer poll() {
            return q.poll();
        }
    }

    private static final class FerrumMpmc extends QueueChannel {
        private final MpmcQueue<Integer> q;

        FerrumMpmc(MpmcQueue<Integer> q) {
            this.q = q;
        }

        @Override
        public boolean offer(Integer element) {
            return q.offer(element);
        }

        @Override
        public Integer poll() {
            return q.poll();
        }
    }

    private static final class JcSpsc extends QueueChannel {
        private final SpscArrayQueue<Integer> q;

        JcSpsc(SpscArrayQueue<Integer> q) {
            this.q = q;
        }

        @Override
        public boolean offer(Integer element) {
            return q.offer(element);
        }

        @Override
        public Integer poll() {
            return q.poll();
        }
    }

    private static final class JcMpmc extends QueueChannel {
        private final MpmcArrayQueue<Integer> q;

        JcMpmc(MpmcArrayQueue<Integer> q) {
            this.q = q;
        }

        @Override
        public boolean offer(Integer element) {
            return q.offer(element);
        }

        @Override
        public Integer poll() {
            return q.poll();
        }
    }

    private static final class Abq extends QueueChannel {
        private final ArrayBlockingQueue<Integer> q;

        Abq(ArrayBlockingQueue<Integer> q) {
            this.q = q;
        }

        @Override
        public boolean offer(Integer element) {
            return q.offer(element);
        }

        @Override
        public Integer poll() {
            return q.poll();
        }
    }

    private static final class Lbq extends QueueChannel {
        private final LinkedBlockingQueue<Integer> q;

        Lbq(LinkedBlockingQueue<Integer> q) {
            this.q = q;
        }

        @Override
        public boolean offer(Integer element) {
            return q.offer(element);
        }

        @Override
        public Integer poll() {
            return q.poll();
        }
    }

    private static final class Clq extends QueueChannel {
        private final Queue<Integer> q;

        Clq(ConcurrentLinkedQueue<Integer> q) {
            this.q = q;
        }

        @Override
        public boolean offer(Integer element) {
            return q.offer(element);
        }

        @Override
        public Integer poll() {
            return q.poll();
        }
    }

    private static final class FerrumSpscTimed extends QueueChannel {
        private final WaitingQueue<Integer> q;

        FerrumSpscTimed(WaitingQueue<Integer> q) {
            this.q = q;
        }

        @Override
        public boolean offer(Integer element) throws InterruptedException {
            return q.offer(element, TIMEOUT_MICROS, TimeUnit.MICROSECONDS);
        }

        @Override
        public Integer poll() throws InterruptedException {
            return q.poll(TIMEOUT_MICROS, TimeUnit.MICROSECONDS);
        }
    }

    private static final class AbqTimed extends QueueChannel {
        private final ArrayBlockingQueue<Integer> q;

        AbqTimed(ArrayBlockingQueue<Integer> q) {
            this.q = q;
        }

        @Override
        public boolean offer(Integer element) throws InterruptedException {
            return q.offer(element, TIMEOUT_MICROS, TimeUnit.MICROSECONDS);
        }

        @Override
        public Integer poll() throws InterruptedException {
            return q.poll(TIMEOUT_MICROS, TimeUnit.MICROSECONDS);
        }
    }

    /**
     * JCTools' SPSC queue with WaitingQueue's timed loop copied verbatim (try, check the time left, idle by the
     * same {@link WaitStrategy} for at most that long, saturating attempt counter): the difference to the
     * WaitingQueue row is the queue alone, the difference to ArrayBlockingQueue is the waiting scheme.
     */
    private static final class JcSpscTimed extends QueueChannel {
        private final SpscArrayQueue<Integer> q;
        private final WaitStrategy strategy;

        JcSpscTimed(SpscArrayQueue<Integer> q, WaitStrategy strategy) {
            this.q = q;
            this.strategy = strategy;
        }

        @Override
        public boolean offer(Integer element) throws InterruptedException {
            long timeoutNanos = TimeUnit.MICROSECONDS.toNanos(TIMEOUT_MICROS);
            long start = System.nanoTime();
            for (int attempt = 0; ; attempt = attempt == Integer.MAX_VALUE ? attempt : attempt + 1) {
                checkInterrupt();
                if (q.offer(element)) {
                    return true;
                }
                long remaining = timeoutNanos - (System.nanoTime() - start);
                if (remaining <= 0) {
                    return false;
                }
                strategy.idle(attempt, remaining);
            }
        }

        @Override
        public Integer poll() throws InterruptedException {
            long timeoutNanos = TimeUnit.MICROSECONDS.toNanos(TIMEOUT_MICROS);
            long start = System.nanoTime();
            for (int attempt = 0; ; attempt = attempt == Integer.MAX_VALUE ? attempt : attempt + 1) {
                checkInterrupt();
                Integer element = q.poll();
                if (element != null) {
                    return element;
                }
                long remaining = timeoutNanos - (System.nanoTime() - start);
                if (remaining <= 0) {
                    return null;
                }
                strategy.idle(attempt, remaining);
            }
        }

        private static void checkInterrupt() throws InterruptedException {
            if (Thread.interrupted()) {
                throw new InterruptedException();
            }
        }
    }
}
