/*
 * Copyright 2026 the Ferrum authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.ferrum.queue;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.lang.management.ManagementFactory;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Ring buffers under real threads: every message arrives once, intact (checksum) and in per-producer
 * order; and the hot path allocates nothing per message.
 */
@Timeout(value = 10, unit = TimeUnit.MINUTES)
class RingBufferConcurrencyTest {

    static final int MESSAGES = Boolean.getBoolean("ferrum.long") ? 2_000_000 : 200_000;

    @Test
    void spscOneProducerOneConsumerEveryMessageIntactAndInOrder() throws Exception {
        try (Arena arena = Arena.ofShared()) {
            RingBuffer ring = new SpscRingBuffer(arena.allocate(RingBuffer.bytesFor(4096), 64));
            run(ring, 1, MESSAGES);
        }
    }

    @Test
    void mpscThreeProducersOneConsumerEveryMessageIntactAndInOrder() throws Exception {
        try (Arena arena = Arena.ofShared()) {
            RingBuffer ring = new MpscRingBuffer(arena.allocate(RingBuffer.bytesFor(4096), 64));
            run(ring, 3, MESSAGES / 3);
        }
    }

    @Test
    void mpscTwoProducersOnTheSmallestRing() throws Exception {
        try (Arena arena = Arena.ofShared()) {
            RingBuffer ring = new MpscRingBuffer(arena.allocate(RingBuffer.bytesFor(RingBuffer.MIN_CAPACITY), 64));
            run(ring, 2, MESSAGES / 4);
        }
    }

    /** Producers write (id, seq) messages of varying length; the consumer checks each one. */
    static void run(RingBuffer ring, int producers, int perProducer) throws Exception {
        int maxBytes = ring.maxMessageBytes();
        AtomicReference<Throwable> failure = new AtomicReference<>();
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(StressSupport.DEADLINE_SECONDS);
        List<Thread> threads = new ArrayList<>();
        for (int p = 0; p < producers; p++) {
            int id = p;
            threads.add(Thread.ofPlatform().daemon().name("producer-" + p).start(() -> {
                try (Arena local = Arena.ofConfined()) {
                    MemorySegment scratch = local.allocate(maxBytes);
                    for (int seq = 0; seq < perProducer && failure.get() == null; seq++) {
                        int len = TestMessages.length(id, seq, maxBytes);
                        TestMessages.write(scratch, id, seq, len);
                        while (!ring.write(1 + id, scratch, 0, len)) {
                            if (System.nanoTime() > deadline || failure.get() != null) {
                                throw new AssertionError("producer " + id + " timed out at seq " + seq);
                            }
                            Thread.yield();
                        }
                    }
                } catch (Throwable t) {
                    failure.compareAndSet(null, t);
                }
            }));
        }
        int[] next = new int[producers];
        long total = (long) producers * perProducer;
        long[] received = {0};
        MessageHandler handler = (type, buffer, offset, length) -> {
            String problem = TestMessages.verify(buffer, offset, length, maxBytes);
            if (problem != null) {
                throw new AssertionError(problem);
            }
            int p = TestMessages.producer(buffer, offset);
            int seq = TestMessages.seq(buffer, offset);
            if (type != 1 + p) {
                throw new AssertionError("type " + type + " for producer " + p);
            }
            if (seq != next[p]) {
                throw new AssertionError("producer " + p + ": seq " + seq + ", expected " + next[p]);
            }
            next[p]++;
            received[0]++;
        };
        while (received[0] < total && failure.get() == null) {
            if (ring.read(handler, 100) == 0) {
                if (System.nanoTime() > deadline) {
                    throw new AssertionError("consumer timed out after " + received[0] + " of " + total);
                }
                Thread.yield();
            }
        }
        for (Thread t : threads) {
            t.join(30_000);
        }
        if (failure.get() != null) {
            throw new AssertionError("producer failed", failure.get());
        }
        assertThat(received[0]).isEqualTo(total);
        assertThat(ring.read(handler)).as("nothing extra").isZero();
        assertThat(ring.consumedBytes()).isEqualTo(ring.producedBytes());
    }

    @Test
    void writeAndReadAllocateNothingPerMessage() {
        com.sun.management.ThreadMXBean threads = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
        assertThat(threads.isThreadAllocatedMemorySupported()).isTrue();
        threads.setThreadAllocatedMemoryEnabled(true);
        try (Arena arena = Arena.ofConfined()) {
            MemorySegment message = arena.allocate(32);
            long[] sum = {0};
            MessageHandler handler = (type, buffer, offset, length) -> sum[0] += length; // created once
            for (RingBuffer ring : new RingBuffer[] {
                new SpscRingBuffer(arena.allocate(RingBuffer.bytesFor(64 * 1024), 64)),
                new MpscRingBuffer(arena.allocate(RingBuffer.bytesFor(64 * 1024), 64))
            }) {
                int perRound = 200_000;
                long best = Long.MAX_VALUE;
                // Several rounds: the first ones include JIT warm-up (interpreted VarHandle calls may allocate);
                // the best of them shows the steady state. Slack: 1 KB for 200 000 messages, i.e. ~0 per message.
                for (int round = 0; round < 8 && best > 1024; round++) {
                    long before = threads.getThreadAllocatedBytes(
                            Thread.currentThread().threadId());
                    for (int i = 0; i < perRound; i++) {
                        ring.write(1, message, 0, 32);
                        if ((i & 63) == 63) {
                            ring.read(handler);
                        }
                    }
                    ring.read(handler);
                    best = Math.min(
                            best,
                            threads.getThreadAllocatedBytes(
                                            Thread.currentThread().threadId())
                                    - before);
                }
                assertThat(best)
                        .as(ring.getClass().getSimpleName() + " bytes allocated for " + perRound
                                + " messages written and read")
                        .isLessThanOrEqualTo(1024);
                assertThat(sum[0]).isPositive();
            }
        }
    }
}
