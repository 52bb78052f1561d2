/*
 * Copyright 2026 the Ferrum authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.ferrum.queue;

import static dev.ferrum.queue.StressSupport.PER_PRODUCER;

import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Multi-threaded stress tests counting every element: none lost, none duplicated, each producer's
 * elements seen in order by every consumer. Small capacities so that the queues are full and empty,
 * and wrap around, constantly. Elements per producer: {@link StressSupport#PER_PRODUCER} (250 000; 2 000 000 with {@code -Dferrum.long=true}).
 */
@Timeout(value = 10, unit = TimeUnit.MINUTES) // a hang fails instead of blocking the build; runs take seconds
class QueueStressTest {

    @Test
    void spscOneProducerOneConsumerOfferPoll() throws InterruptedException {
        SpscQueue<Long> q = new SpscQueue<>(64);
        StressSupport.run(1, 1, PER_PRODUCER * 2, StressSupport.offering(q), StressSupport.polling(q));
    }

    @Test
    void spscFillDrain() throws InterruptedException {
        SpscQueue<Long> q = new SpscQueue<>(128);
        StressSupport.run(1, 1, PER_PRODUCER * 2, StressSupport.filling(q), StressSupport.draining(q));
    }

    @Test
    void spscTinyCapacityMixedOfferAndDrain() throws InterruptedException {
        SpscQueue<Long> q = new SpscQueue<>(2);
        StressSupport.run(1, 1, PER_PRODUCER, StressSupport.offering(q), StressSupport.draining(q));
    }

    @Test
    void spscThroughWaitingQueuePutTake() throws InterruptedException {
        WaitingQueue<Long> q =
                new WaitingQueue<>(new SpscQueue<>(32), WaitStrategy.parking(100, TimeUnit.MICROSECONDS));
        StressSupport.run(1, 1, PER_PRODUCER, StressSupport.putting(q), StressSupport.taking(q));
    }

    @Test
    void mpmcTwoProducersTwoConsumers() throws InterruptedException {
        MpmcQueue<Long> q = new MpmcQueue<>(64);
        StressSupport.run(2, 2, PER_PRODUCER, StressSupport.offering(q), StressSupport.polling(q));
    }

    @Test
    void mpmcThreeProducersOneConsumer() throws InterruptedException {
        MpmcQueue<Long> q = new MpmcQueue<>(16);
        StressSupport.run(3, 1, PER_PRODUCER, StressSupport.offering(q), StressSupport.polling(q));
    }

    @Test
    void mpmcOneProducerThreeConsumers() throws InterruptedException {
        MpmcQueue<Long> q = new MpmcQueue<>(16);
        StressSupport.run(1, 3, PER_PRODUCER, StressSupport.offering(q), StressSupport.polling(q));
    }

    @Test
    void mpmcFillDrainTwoByTwo() throws InterruptedException {
        MpmcQueue<Long> q = new MpmcQueue<>(32);
        StressSupport.run(2, 2, PER_PRODUCER, StressSupport.filling(q), StressSupport.draining(q));
    }

    @Test
    void mpmcCapacityTwoTwoByTwo() throws InterruptedException {
        MpmcQueue<Long> q = new MpmcQueue<>(2);
        StressSupport.run(2, 2, PER_PRODUCER / 2, StressSupport.offering(q), StressSupport.polling(q));
    }

    @Test
    void mpmcThroughWaitingQueuePutTakeTwoByTwo() throws InterruptedException {
        WaitingQueue<Long> q = new WaitingQueue<>(new MpmcQueue<>(16), WaitStrategy.yielding());
        StressSupport.run(2, 2, PER_PRODUCER / 2, StressSupport.putting(q), StressSupport.taking(q));
    }
}
