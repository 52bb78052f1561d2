/*
 * Copyright 2026 the Ferrum authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.ferrum.bench.queue;

import java.util.concurrent.TimeUnit;
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
 * MPMC queues with a contended CAS: 2 producers + 1 consumer ({@code p2c1}) and 1 producer + 2 consumers
 * ({@code p1c2}), ours against JCTools' {@code MpmcArrayQueue}, capacity 1024, the same loop and back-off as
 * {@link QueueThroughputBench}. Three threads on this 2-core machine: one of them is always waiting for a
 * core, so the rows measure the queues under preemption as much as under CAS contention; compare the two
 * queues with each other, not with the 1P+1C rows. {@code pollsMade} is summed over the consumer threads.
 */
@State(Scope.Group)
@BenchmarkMode(Mode.Throughput)
@Fork(2) // full mode; --quick overrides with its own short settings
@Warmup(iterations = 5, time = 1)
@Measurement(iterations = 10, time = 1)
@OutputTimeUnit(TimeUnit.SECONDS)
public class MpmcContentionBench {

    @Param({QueueChannel.FERRUM_MPMC, QueueChannel.JCTOOLS_MPMC})
    public String impl;

    @Param({"1024"})
    public int capacity;

    private QueueChannel queue;

    @Setup(Level.Trial)
    public void createQueue() {
        queue = QueueChannel.create(impl, capacity);
    }

    private void offerOnce(QueueThroughputBench.OfferCounters counters) throws InterruptedException {
        if (queue.offer(QueueThroughputBench.ELEMENT)) {
            counters.offersMade++;
            counters.misses = 0;
        } else {
            counters.offersFailed++;
            counters.misses = QueueThroughputBench.backOff(counters.misses);
        }
    }

    private void pollOnce(QueueThroughputBench.PollCounters counters) throws InterruptedException {
        if (queue.poll() == null) {
            counters.pollsFailed++;
            counters.misses = QueueThroughputBench.backOff(counters.misses);
        } else {
            counters.pollsMade++;
            counters.misses = 0;
        }
    }

    @Benchmark
    @Group("p2c1")
    @GroupThreads(2)
    public void p2c1Offer(QueueThroughputBench.OfferCounters counters) throws InterruptedException {
        offerOnce(counters);
    }

    @Benchmark
    @Group("p2c1")
    @GroupThreads(1)
    public void p2c1Poll(QueueThroughputBench.PollCounters counters) throws InterruptedException {
        pollOnce(counters);
    }

    @Benchmark
    @Group("p1c2")
    @GroupThreads(1)
    public void p1c2Offer(QueueThroughputBench.OfferCounters counters) throws InterruptedException {
        offerOnce(counters);
    }

    @Benchmark
    @Group("p1c2")
    @GroupThreads(2)
    public void p1c2Poll(QueueThroughputBench.PollCounters counters) throws InterruptedException {
        pollOnce(counters);
    }
}
