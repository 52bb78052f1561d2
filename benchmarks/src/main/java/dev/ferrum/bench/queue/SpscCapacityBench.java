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
 * The SPSC throughput comparison with JCTools again at a large capacity (64 Ki elements), the same loop as
 * {@link QueueThroughputBench}: with a small ring the producer and consumer meet at full and empty far more
 * often, and the producer's look-ahead claims (capacity/4 slots at a time, in both queues) come into play
 * more; a large ring shows the steady-state hand-off. A separate class so that only these two queues run at
 * this capacity.
 */
@State(Scope.Group)
@BenchmarkMode(Mode.Throughput)
@Fork(2) // full mode; --quick overrides with its own short settings
@Warmup(iterations = 5, time = 1)
@Measurement(iterations = 10, time = 1)
@OutputTimeUnit(TimeUnit.SECONDS)
public class SpscCapacityBench {

    @Param({QueueChannel.FERRUM_SPSC, QueueChannel.JCTOOLS_SPSC})
    public String impl;

    @Param({"65536"})
    public int capacity;

    private QueueChannel queue;

    @Setup(Level.Trial)
    public void createQueue() {
        queue = QueueChannel.create(impl, capacity);
    }

    @Benchmark
    @Group("tpt")
    @GroupThreads(1)
    public void offer(QueueThroughputBench.OfferCounters counters) throws InterruptedException {
        if (queue.offer(QueueThroughputBench.ELEMENT)) {
            counters.offersMade++;
            counters.misses = 0;
        } else {
            counters.offersFailed++;
            counters.misses = QueueThroughputBench.backOff(counters.misses);
        }
    }

    @Benchmark
    @Group("tpt")
    @GroupThreads(1)
    public void poll(QueueThroughputBench.PollCounters counters) throws InterruptedException {
        if (queue.poll() == null) {
            counters.pollsFailed++;
            counters.misses = QueueThroughputBench.backOff(counters.misses);
        } else {
            counters.pollsMade++;
            counters.misses = 0;
        }
    }
}
