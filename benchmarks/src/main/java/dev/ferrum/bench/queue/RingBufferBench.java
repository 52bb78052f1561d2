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
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Off-heap ring buffers in one JVM, one producer thread and one consumer thread: the producer writes one
 * message per invocation, the consumer drains whatever is available per invocation; failed attempts back off
 * like {@link QueueThroughputBench#backOff}. The report uses
 * {@code tpt:messagesRead} (messages delivered per second); MB/s is that times the payload size.
 * Ring data capacity {@value #RING_BYTES} bytes for every implementation.
 */
@State(Scope.Group)
@BenchmarkMode(Mode.Throughput)
@Fork(2) // full mode; --quick overrides with its own short settings
@Warmup(iterations = 5, time = 1)
@Measurement(iterations = 10, time = 1)
@OutputTimeUnit(TimeUnit.SECONDS)
public class RingBufferBench {

    /** Data capacity of every ring, in-process and cross-process. */
    public static final int RING_BYTES = 64 * 1024;

    @Param({
        RingChannel.FERRUM_SPSC,
        RingChannel.FERRUM_MPSC,
        RingChannel.AGRONA_ONE_TO_ONE,
        RingChannel.AGRONA_MANY_TO_ONE
    })
    public String impl;

    /** Payload bytes per message. */
    @Param({"32", "256"})
    public int messageBytes;

    private RingChannel ring;

    @Setup(Level.Trial)
    public void createRing() {
        ring = RingChannel.create(impl, RING_BYTES, messageBytes);
    }

    @TearDown(Level.Trial)
    public void closeRing() {
        ring.close();
    }

    /** The producer's counters. */
    @AuxCounters(AuxCounters.Type.OPERATIONS)
    @State(Scope.Thread)
    public static class WriteCounters {
        public long writesFailed;
        public long messagesWritten;
        int misses;

        @Setup(Level.Iteration)
        public void reset() {
            writesFailed = 0;
            messagesWritten = 0;
            misses = 0;
        }
    }

    /** The consumer's counters; {@code messagesRead} is the throughput the report uses. */
    @AuxCounters(AuxCounters.Type.OPERATIONS)
    @State(Scope.Thread)
    public static class ReadCounters {
        public long readsEmpty;
        public long messagesRead;
        int misses;

        @Setup(Level.Iteration)
        public void reset() {
            readsEmpty = 0;
            messagesRead = 0;
            misses = 0;
        }
    }

    @Benchmark
    @Group("tpt")
    @GroupThreads(1)
    public void write(WriteCounters counters) {
        if (ring.write()) {
            counters.messagesWritten++;
            counters.misses = 0;
        } else {
            counters.writesFailed++;
            counters.misses = QueueThroughputBench.backOff(counters.misses);
        }
    }

    @Benchmark
    @Group("tpt")
    @GroupThreads(1)
    public void read(ReadCounters counters) {
        int n = ring.read();
        if (n == 0) {
            counters.readsEmpty++;
            counters.misses = QueueThroughputBench.backOff(counters.misses);
        } else {
            counters.messagesRead += n;
            counters.misses = 0;
        }
    }
}
