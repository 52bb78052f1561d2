/*
 * Copyright 2026 the Ferrum authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.ferrum.guide;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ferrum.queue.SpscQueue;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * {@code std::sync::atomic::Ordering} and {@code VarHandle} access modes (seed Project 6, the lock-free
 * queue). Rust: {@code Relaxed} = {@code getOpaque}/{@code setOpaque}, {@code Acquire} = {@code getAcquire},
 * {@code Release} = {@code setRelease}, {@code SeqCst} = {@code getVolatile}/{@code setVolatile}/{@code compareAndSet},
 * {@code fence(..)} = {@code VarHandle.acquireFence()}/{@code releaseFence()}/{@code fullFence()}. A plain field
 * read or write is a non-atomic access, made safe only by such a pair.
 */
@Timeout(30)
class AtomicsOrderingTest {

    // tag::atomics-ordering[]
    /** A one-shot mailbox: the payload is a plain field, the flag's release/acquire pair publishes it. */
    static final class Mailbox {
        private static final VarHandle READY;

        static {
            try {
                READY = MethodHandles.lookup().findVarHandle(Mailbox.class, "ready", boolean.class);
            } catch (ReflectiveOperationException e) {
                throw new ExceptionInInitializerError(e);
            }
        }

        private long payload; // plain: written before the release, read after the acquire
        private boolean ready; // only accessed through READY

        void publish(long value) {
            payload = value; // plain store...
            READY.setRelease(this, true); // ...ordered before this: ready.store(true, Release)
        }

        long await() {
            while (!(boolean) READY.getAcquire(this)) { // ready.load(Acquire): pairs with the release
                Thread.onSpinWait();
            }
            return payload; // guaranteed to see the value published with it
        }
    }
    // end::atomics-ordering[]

    @Test
    void aReleaseStorePublishesThePlainWritesBeforeIt() throws InterruptedException {
        for (int round = 0; round < 1_000; round++) {
            Mailbox mailbox = new Mailbox();
            long expected = 1_000_000L + round;
            long[] received = new long[1];
            Thread consumer = Thread.ofPlatform().start(() -> received[0] = mailbox.await());
            mailbox.publish(expected);
            consumer.join(); // join: its write to received[0] is visible here
            assertThat(received[0]).isEqualTo(expected);
        }
    }

    @Test
    void anSpscQueueHandsElementsFromOneThreadToAnother() throws InterruptedException {
        // tag::atomics-spsc-queue[]
        SpscQueue<Long> queue = new SpscQueue<>(1024); // one producer thread, one consumer thread
        long count = 100_000;
        Thread producer = Thread.ofPlatform().start(() -> {
            for (long i = 1; i <= count; i++) {
                while (!queue.offer(i)) { // false: full, the consumer is behind
                    Thread.onSpinWait();
                }
            }
        });
        long received = 0;
        long sum = 0;
        while (received < count) {
            Long value = queue.poll(); // null: empty right now
            if (value == null) {
                Thread.onSpinWait();
                continue;
            }
            assertThat(value).isEqualTo(received + 1); // FIFO: nothing lost, duplicated or torn
            received++;
            sum += value;
        }
        producer.join();
        assertThat(sum).isEqualTo(count * (count + 1) / 2);
        // end::atomics-spsc-queue[]
    }
}
