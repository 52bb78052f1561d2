/*
 * Copyright 2026 the Ferrum authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.ferrum.queue;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicIntegerArray;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.LongConsumer;

/**
 * Runs P producer and C consumer threads over one queue and checks that every element arrives exactly
 * once and that each consumer sees each producer's elements in the order they were produced. Element
 * {@code (producer << 32) | seq}. Bounded: threads are daemons, joined with a deadline, and a consumer
 * gives up when the deadline passes (the test then fails on the count).
 */
final class StressSupport {

    /** Default elements per producer; ten times more with {@code -Dferrum.long=true}. */
    static final int PER_PRODUCER = Boolean.getBoolean("ferrum.long") ? 2_000_000 : 250_000;

    static final long DEADLINE_SECONDS = Boolean.getBoolean("ferrum.long") ? 600 : 60;

    /** Produces {@code count} elements for producer {@code id} (values 0..count-1 through {@link #element}). */
    interface Producer {
        void produce(int id, int count) throws InterruptedException;
    }

    /** One consumer attempt: hands 0..n elements to the sink and returns n. */
    interface Consumer {
        int consume(LongConsumer sink) throws InterruptedException;
    }

    private StressSupport() {}

    static long element(int producer, int seq) {
        return ((long) producer << 32) | seq;
    }

    /** Producer that offers with retry (yield when full, since this machine may have fewer cores than threads). */
    static Producer offering(BoundedQueue<Long> queue) {
        return (id, count) -> {
            for (int seq = 0; seq < count; seq++) {
                Long e = element(id, seq);
                while (!queue.offer(e)) {
                    stopIfInterrupted();
                    Thread.yield();
                }
            }
        };
    }

    static Producer filling(BoundedQueue<Long> queue) {
        return (id, count) -> {
            int[] next = {0};
            while (next[0] < count) {
                int batch = Math.min(count - next[0], 1 + (next[0] % 37)); // varying batch sizes
                int added = queue.fill(() -> element(id, next[0]++), batch);
                if (added == 0) {
                    stopIfInterrupted();
                    Thread.yield();
                }
            }
        };
    }

    /** Producers stop when the harness interrupts them after a consumer failed. */
    private static void stopIfInterrupted() throws InterruptedException {
        if (Thread.interrupted()) {
            throw new InterruptedException("stopped: a consumer failed");
        }
    }

    static Producer putting(WaitingQueue<Long> queue) {
        return (id, count) -> {
            for (int seq = 0; seq < count; seq++) {
                queue.put(element(id, seq));
            }
        };
    }

    static Consumer polling(BoundedQueue<Long> queue) {
        return sink -> {
            Long e = queue.poll();
            if (e == null) {
                Thread.yield();
                return 0;
            }
            sink.accept(e);
            return 1;
        };
    }

    static Consumer draining(BoundedQueue<Long> queue) {
        return sink -> {
            int n = queue.drain(e -> sink.accept(e), 53);
            if (n == 0) {
                Thread.yield();
            }
            return n;
        };
    }

    static Consumer taking(WaitingQueue<Long> queue) {
        return sink -> {
            Long e = queue.poll(5, TimeUnit.MILLISECONDS); // timed, so consumers notice when all is done
            if (e == null) {
                return 0;
            }
            sink.accept(e);
            return 1;
        };
    }

    /** Runs the threads and asserts no loss, no duplicate, per-producer FIFO per consumer. */
    static void run(int producers, int consumers, int perProducer, Producer producer, Consumer consumer)
            throws InterruptedException {
        long total = (long) producers * perProducer;
        AtomicIntegerArray seen = new AtomicIntegerArray(Math.toIntExact(total));
        AtomicLong consumed = new AtomicLong();
        AtomicInteger producersDone = new AtomicInteger();
        AtomicReference<Throwable> failure = new AtomicReference<>();
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(DEADLINE_SECONDS);
        List<Thread> threads = new ArrayList<>();
        for (int p = 0; p < producers; p++) {
            int id = p;
            threads.add(Thread.ofPlatform().daemon().name("producer-" + p).unstarted(() -> {
                try {
                    producer.produce(id, perProducer);
                } catch (Throwable t) {
                    failure.compareAndSet(null, t);
                } finally {
                    producersDone.incrementAndGet();
                }
            }));
        }
        for (int c = 0; c < consumers; c++) {
            threads.add(Thread.ofPlatform().daemon().name("consumer-" + c).unstarted(() -> {
                int[] last = new int[producers];
                java.util.Arrays.fill(last, -1);
                LongConsumer sink = e -> {
                    int p = (int) (e >>> 32);
                    int seq = (int) e;
                    if (p < 0 || p >= producers || seq < 0 || seq >= perProducer) {
                        throw new AssertionError("element never produced: " + Long.toHexString(e));
                    }
                    if (seq <= last[p]) {
                        throw new AssertionError(Thread.currentThread().getName() + " saw producer " + p + " seq " + seq
                                + " after seq " + last[p] + " (per-producer FIFO broken)");
                    }
                    last[p] = seq;
                    if (seen.incrementAndGet(p * perProducer + seq) != 1) {
                        throw new AssertionError("duplicate: producer " + p + " seq " + seq);
                    }
                    consumed.incrementAndGet();
                };
                try {
                    while (consumed.get() < total && failure.get() == null && System.nanoTime() < deadline) {
                        // Read before the attempt: if every producer had finished and the queue is then empty,
                        // nothing more can come, so a lost element fails the run now instead of at the deadline.
                        boolean allProduced = producersDone.get() == producers;
                        if (consumer.consume(sink) == 0 && allProduced) {
                            break;
                        }
                    }
                } catch (Throwable t) {
                    failure.compareAndSet(null, t);
                    threads.forEach(Thread::interrupt); // producers blocked on a full queue stop too
                }
            }));
        }
        threads.forEach(Thread::start);
        for (Thread t : threads) {
            t.join(Math.max(1, TimeUnit.NANOSECONDS.toMillis(deadline - System.nanoTime()) + 5_000));
        }
        for (Thread t : threads) {
            if (t.isAlive()) {
                t.interrupt();
                failure.compareAndSet(
                        null,
                        new AssertionError(
                                t.getName() + " did not finish in time; consumed " + consumed.get() + " of " + total));
            }
        }
        if (failure.get() != null) {
            throw new AssertionError("stress run failed", failure.get());
        }
        assertThat(consumed.get()).as("elements consumed").isEqualTo(total);
        for (int i = 0; i < total; i++) {
            if (seen.get(i) != 1) {
                throw new AssertionError("producer " + (i / perProducer) + " seq " + (i % perProducer) + " seen "
                        + seen.get(i) + " times");
            }
        }
    }
}
