/*
 * Copyright 2026 the Ferrum authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.ferrum.bench.queue;

import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.AuxCounters;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Group;
import org.openjdk.jmh.annotations.GroupThreads;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * One producer thread and one consumer thread on the same queue, JCTools' {@code QueueThroughputBackoffNone}
 * pattern: each invocation is one {@code offer} (producer) or one {@code poll} (consumer); failed attempts
 * (full / empty) are counted apart and retried at once (after 100 failures in a row the thread yields, see
 * {@link #backOff}). The report uses
 * {@code tpt:pollsMade}, elements actually delivered per second, never the raw invocation rate (which a
 * consumer spinning on an empty queue would inflate).
 *
 * <p>Every queue, ours and the peers, runs through the non-blocking API ({@code offer}/{@code poll}): that is
 * the same work on both sides; {@code ArrayBlockingQueue.offer/poll} take the same lock as {@code put/take}
 * but never park. The {@code -timed} variants compare the blocking APIs (1 ms timeout so nothing hangs at
 * the end of an iteration). The element is one shared {@code Integer}, so no side allocates for it.
 */
@State(Scope.Group)
@BenchmarkMode(Mode.Throughput)
@Fork(2) // full mode; --quick overrides with its own short settings
@Warmup(iterations = 5, time = 1)
@Measurement(iterations = 10, time = 1)
@OutputTimeUnit(TimeUnit.SECONDS)
public class QueueThroughputBench {

    /** The element every producer offers. */
    static final Integer ELEMENT = 1;

    @Param({
        QueueChannel.FERRUM_SPSC,
        QueueChannel.JCTOOLS_SPSC,
        QueueChannel.FERRUM_MPMC,
        QueueChannel.JCTOOLS_MPMC,
        QueueChannel.ABQ,
        QueueChannel.LBQ,
        QueueChannel.CLQ,
        QueueChannel.FERRUM_SPSC_TIMED,
        QueueChannel.ABQ_TIMED,
        QueueChannel.JCTOOLS_SPSC_TIMED
    })
    public String impl;

    /** The same bound for every bounded queue (rounded to a power of two by ours and JCTools: it is one). */
    @Param({"1024"})
    public int capacity;

    /** Failed attempts in a row before a thread starts yielding. */
    static final int SPINS_BEFORE_YIELD = 100;

    private QueueChannel queue;

    /**
     * After a failed attempt: retry at once, but after {@value #SPINS_BEFORE_YIELD} failures in a row (several
     * microseconds, far longer than the other side needs to make room or publish when it is running) yield
     * the core. On this 2-core machine shared with other processes the two benchmark threads sometimes share
     * one core; without the yield a thread would spin through its whole time slice while its partner waits,
     * and the result would measure the scheduler. The same for every queue.
     */
    static int backOff(int misses) {
        if (misses >= SPINS_BEFORE_YIELD) {
            Thread.yield();
            return misses;
        }
        return misses + 1;
    }

    @Setup(Level.Trial)
    public void createQueue() {
        queue = QueueChannel.create(impl, capacity);
    }

    /** The producer's counters. */
    @AuxCounters(AuxCounters.Type.OPERATIONS)
    @State(Scope.Thread)
    public static class OfferCounters {
        public long offersFailed;
        public long offersMade;
        /** Failures in a row (not a counter: JMH reports only public fields). */
        int misses;

        @Setup(Level.Iteration)
        public void reset() {
            offersFailed = 0;
            offersMade = 0;
            misses = 0;
        }
    }

    /** The consumer's counters; {@code pollsMade} is the throughput the report uses. */
    @AuxCounters(AuxCounters.Type.OPERATIONS)
    @State(Scope.Thread)
    public static class PollCounters {
        public long pollsFailed;
        public long pollsMade;
        /** Failures in a row (not a counter: JMH reports only public fields). */
        int misses;

        @Setup(Level.Iteration)
        public void reset() {
            pollsFailed = 0;
            pollsMade = 0;
            misses = 0;
        }
    }

    @Benchmark
    @Group("tpt")
    @GroupThreads(1)
    public void offer(OfferCounters counters) throws InterruptedException {
        if (queue.offer(ELEMENT)) {
            counters.offersMade++;
            counters.misses = 0;
        } else {
            counters.offersFailed++;
            counters.misses = backOff(counters.misses);
        }
    }

    @Benchmark
    @Group("tpt")
    @GroupThreads(1)
    public void poll(PollCounters counters) throws InterruptedException {
        if (queue.poll() == null) {
            counters.pollsFailed++;
            counters.misses = backOff(counters.misses);
        } else {
            counters.pollsMade++;
            counters.misses = 0;
        }
    }
}
