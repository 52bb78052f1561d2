/*
 * Copyright 2026 the Ferrum authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.ferrum.queue;

import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;

/**
 * What a thread does between two failed attempts of a {@link WaitingQueue} operation.
 *
 * <p>Implementations are stateless and thread-safe: the per-wait state is the {@code attempt} counter
 * the caller passes. None of them needs a wake-up signal from the other side, so the lock-free queues
 * stay lock-free; the price of parking is latency up to the park time.
 *
 * <table class="striped">
 *   <caption>Choosing a strategy</caption>
 *   <thead><tr><th>strategy</th><th>latency</th><th>CPU while idle</th><th>use when</th></tr></thead>
 *   <tbody>
 *   <tr><td>{@link #busySpin()}</td><td>lowest (tens of ns)</td><td>one full core</td><td>a core is dedicated to the thread</td></tr>
 *   <tr><td>{@link #yielding()}</td><td>low (µs)</td><td>high, but gives way to other runnable threads</td><td>more threads than cores, latency matters</td></tr>
 *   <tr><td>{@link #parking(long, TimeUnit)}</td><td>up to the max park time</td><td>near zero</td><td>the default for servers</td></tr>
 *   </tbody>
 * </table>
 */
public sealed interface WaitStrategy permits WaitStrategy.BusySpin, WaitStrategy.Yielding, WaitStrategy.Parking {

    /**
     * Waits a little after the {@code attempt}-th failed try (0-based). Returns normally; the caller
     * checks interruption and the deadline after every call. May return early (spurious wake-up).
     *
     * @param attempt how many times this wait has already idled (callers saturate it at
     *     {@link Integer#MAX_VALUE}; a negative value counts as saturated)
     */
    void idle(int attempt);

    /**
     * Like {@link #idle(int)}, for a wait with a deadline: never idles (much) longer than
     * {@code remainingNanos}, so that a timed wait ends close to its deadline rather than up to one
     * whole back-off step after it. Spinning and yielding are short anyway; a park is cut to the time left.
     *
     * @param attempt        how many times this wait has already idled
     * @param remainingNanos time left before the caller's deadline, positive
     */
    default void idle(int attempt, long remainingNanos) {
        idle(attempt);
    }

    /** Spins with {@link Thread#onSpinWait()}: the CPU's pause hint, never leaves the core. */
    static WaitStrategy busySpin() {
        return BusySpin.INSTANCE;
    }

    /** Spins briefly, then {@link Thread#yield()}s on every further attempt. */
    static WaitStrategy yielding() {
        return Yielding.INSTANCE;
    }

    /**
     * Spins, then yields, then parks for exponentially growing times from 1 µs up to {@code maxPark}
     * (back-off: a long-idle queue costs almost no CPU; a busy one rarely reaches the parking stage).
     *
     * @param maxPark longest single park, positive
     * @param unit    its unit
     * @return the strategy
     * @throws IllegalArgumentException if {@code maxPark} is not positive
     */
    static WaitStrategy parking(long maxPark, TimeUnit unit) {
        long nanos = unit.toNanos(maxPark);
        if (nanos <= 0) {
            throw new IllegalArgumentException("maxPark must be positive, was " + maxPark + " " + unit);
        }
        return new Parking(nanos);
    }

    /** See {@link #busySpin()}. */
    enum BusySpin implements WaitStrategy {
        /** The only instance. */
        INSTANCE;

        @Override
        public void idle(int attempt) {
            Thread.onSpinWait();
        }
    }

    /** See {@link #yielding()}. */
    enum Yielding implements WaitStrategy {
        /** The only instance. */
        INSTANCE;

        /** Attempts spent spinning before yielding. */
        static final int SPINS = 100;

        @SuppressWarnings("ThreadPriorityCheck") // yielding between spinning and parking is this strategy's job
        @Override
        public void idle(int attempt) {
            if (attempt >= 0 && attempt < SPINS) {
                Thread.onSpinWait();
            } else {
                Thread.yield();
            }
        }
    }

    /**
     * See {@link #parking(long, TimeUnit)}.
     *
     * @param maxParkNanos longest single park in nanoseconds
     */
    record Parking(long maxParkNanos) implements WaitStrategy {

        /** Attempts spent spinning, then yielding, before parking. */
        static final int SPINS = 100;

        static final int YIELDS = 20;

        @SuppressWarnings("ThreadPriorityCheck") // yielding between spinning and parking is this strategy's job
        @Override
        public void idle(int attempt) {
            idle(attempt, Long.MAX_VALUE);
        }

        @SuppressWarnings("ThreadPriorityCheck") // yielding between spinning and parking is this strategy's job
        @Override
        public void idle(int attempt, long remainingNanos) {
            long park = parkNanos(attempt, remainingNanos);
            if (park > 0) {
                LockSupport.parkNanos(park);
            } else if (attempt >= 0 && attempt < SPINS) {
                Thread.onSpinWait();
            } else {
                Thread.yield();
            }
        }

        /**
         * The back-off step: how long the {@code attempt}-th idle parks, 0 while it spins or yields. Parks
         * double from 1 µs and are capped by {@link #maxParkNanos()} and by {@code remainingNanos}.
         *
         * @param attempt        0-based; negative counts as saturated (the longest step)
         * @param remainingNanos time left before the caller's deadline ({@link Long#MAX_VALUE}: none)
         * @return nanoseconds to park, or 0 to spin or yield instead
         */
        long parkNanos(int attempt, long remainingNanos) {
            int effective = attempt < 0 ? Integer.MAX_VALUE : attempt;
            if (effective < SPINS + YIELDS) {
                return 0;
            }
            int doublings = Math.min(30, effective - SPINS - YIELDS);
            return Math.max(1, Math.min(remainingNanos, Math.min(maxParkNanos, 1_000L << doublings)));
        }
    }
}
