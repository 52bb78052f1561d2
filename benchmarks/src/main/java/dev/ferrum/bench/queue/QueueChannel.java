/*
 * Copyright 2026 the Ferrum authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.ferrum.bench.queue;

import dev.ferrum.bench.support.PeerVersions;
import dev.ferrum.queue.BoundedQueue;
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
import java.util.function.Predicate;
import java.util.function.Supplier;
import org.jctools.queues.MpmcArrayQueue;
import org.jctools.queues.SpscArrayQueue;

/**
 * The queues under test behind one two-method shape, so the throughput and ping-pong benchmarks run the
 * same loop for every implementation.
 *
 * <p>Two adapters cover them all: {@link NonBlocking} over any queue's {@code offer}/{@code poll} (the JDK's
 * and JCTools' {@link Queue}s, Ferrum's {@link BoundedQueue}s), and {@link Timed} over a blocking API with a 1 ms
 * timeout, so no thread can hang when the benchmark stops. A JMH fork (or ping-pong child JVM) creates exactly
 * one implementation, so the adapter's calls through its method references see one receiver type and inline
 * like a direct call.
 */
public abstract sealed class QueueChannel permits QueueChannel.NonBlocking, QueueChannel.Timed {

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
            case FERRUM_SPSC -> NonBlocking.over(new SpscQueue<>(capacity));
            case FERRUM_MPMC -> NonBlocking.over(new MpmcQueue<>(capacity));
            case JCTOOLS_SPSC -> NonBlocking.over(new SpscArrayQueue<>(capacity));
            case JCTOOLS_MPMC -> NonBlocking.over(new MpmcArrayQueue<>(capacity));
            case ABQ -> NonBlocking.over(new ArrayBlockingQueue<>(capacity));
            case LBQ -> NonBlocking.over(new LinkedBlockingQueue<>(capacity));
            case CLQ -> NonBlocking.over(new ConcurrentLinkedQueue<>());
            case FERRUM_SPSC_TIMED -> {
                WaitingQueue<Integer> q = new WaitingQueue<>(new SpscQueue<>(capacity), TIMED_STRATEGY);
                yield new Timed(q::offer, q::poll);
            }
            case ABQ_TIMED -> {
                ArrayBlockingQueue<Integer> q = new ArrayBlockingQueue<>(capacity);
                yield new Timed(q::offer, q::poll);
            }
            case JCTOOLS_SPSC_TIMED -> {
                WaitLoop q = new WaitLoop(new SpscArrayQueue<>(capacity), TIMED_STRATEGY);
                yield new Timed(q::offer, q::poll);
            }
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
            case JCTOOLS_SPSC_TIMED ->
                PeerVersions.JCTOOLS + " SpscArrayQueue + the same parking wait loop, with timeout";
            default -> name;
        };
    }

    /** Non-blocking {@code offer}/{@code poll} of any queue. */
    static final class NonBlocking extends QueueChannel {
        private final Predicate<Integer> offer;
        private final Supplier<Integer> poll;

        private NonBlocking(Predicate<Integer> offer, Supplier<Integer> poll) {
            this.offer = offer;
            this.poll = poll;
        }

        static NonBlocking over(Queue<Integer> q) {
            return new NonBlocking(q::offer, q::poll);
        }

        static NonBlocking over(BoundedQueue<Integer> q) {
            return new NonBlocking(q::offer, q::poll);
        }

        @Override
        public boolean offer(Integer element) {
            return offer.test(element);
        }

        @Override
        public Integer poll() {
            return poll.get();
        }
    }

    /** A blocking {@code offer(e, timeout, unit)}. */
    @FunctionalInterface
    interface TimedOffer {
        boolean offer(Integer element, long timeout, TimeUnit unit) throws InterruptedException;
    }

    /** A blocking {@code poll(timeout, unit)}. */
    @FunctionalInterface
    interface TimedPoll {
        Integer poll(long timeout, TimeUnit unit) throws InterruptedException;
    }

    /** A blocking API called with a {@link #TIMEOUT_MICROS} timeout. */
    static final class Timed extends QueueChannel {
        private final TimedOffer offer;
        private final TimedPoll poll;

        Timed(TimedOffer offer, TimedPoll poll) {
            this.offer = offer;
            this.poll = poll;
        }

        @Override
        public boolean offer(Integer element) throws InterruptedException {
            return offer.offer(element, TIMEOUT_MICROS, TimeUnit.MICROSECONDS);
        }

        @Override
        public Integer poll() throws InterruptedException {
            return poll.poll(TIMEOUT_MICROS, TimeUnit.MICROSECONDS);
        }
    }

    /**
     * JCTools' SPSC queue with WaitingQueue's timed loop (try, check the time left, idle by the same
     * {@link WaitStrategy} for at most that long, saturating attempt counter): the difference to the WaitingQueue
     * row is the queue alone, the difference to ArrayBlockingQueue is the waiting scheme.
     */
    static final class WaitLoop {
        private final Queue<Integer> q;
        private final WaitStrategy strategy;

        WaitLoop(Queue<Integer> q, WaitStrategy strategy) {
            this.q = q;
            this.strategy = strategy;
        }

        boolean offer(Integer element, long timeout, TimeUnit unit) throws InterruptedException {
            long timeoutNanos = unit.toNanos(timeout);
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

        Integer poll(long timeout, TimeUnit unit) throws InterruptedException {
            long timeoutNanos = unit.toNanos(timeout);
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
