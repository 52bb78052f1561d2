/*
 * Copyright 2026 the Ferrum authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.ferrum.queue;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** {@link WaitingQueue}: timeouts, interruption and hand-off with every {@link WaitStrategy}. */
@Timeout(value = 2, unit = TimeUnit.MINUTES)
class WaitingQueueTest {

    static Stream<Arguments> strategies() {
        return Stream.of(
                Arguments.of("busySpin", WaitStrategy.busySpin()),
                Arguments.of("yielding", WaitStrategy.yielding()),
                Arguments.of("parking", WaitStrategy.parking(200, TimeUnit.MICROSECONDS)));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("strategies")
    void timedOfferOnAFullQueueReturnsFalseAfterTheTimeout(String name, WaitStrategy strategy) throws Exception {
        WaitingQueue<Integer> q = new WaitingQueue<>(new SpscQueue<>(2), strategy);
        q.put(1);
        q.put(2);
        long start = System.nanoTime();
        assertThat(q.offer(3, 50, TimeUnit.MILLISECONDS)).isFalse();
        long waitedMs = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);
        assertThat(waitedMs).isBetween(50L, 5_000L);
        assertThat(q.queue().size()).as("a timed-out offer adds nothing").isEqualTo(2);
        assertThat(q.offer(3, 0, TimeUnit.SECONDS)).as("zero timeout: one try").isFalse();
        assertThat(q.offer(3, -5, TimeUnit.SECONDS))
                .as("negative timeout: one try")
                .isFalse();
        assertThat(q.take()).isEqualTo(1);
        assertThat(q.offer(3, 0, TimeUnit.SECONDS))
                .as("zero timeout succeeds when there is room")
                .isTrue();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("strategies")
    void timedPollOnAnEmptyQueueReturnsNullAfterTheTimeout(String name, WaitStrategy strategy) throws Exception {
        WaitingQueue<Integer> q = new WaitingQueue<>(new MpmcQueue<>(4), strategy);
        long start = System.nanoTime();
        assertThat(q.poll(50, TimeUnit.MILLISECONDS)).isNull();
        assertThat(TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start)).isBetween(50L, 5_000L);
        assertThat(q.poll(0, TimeUnit.SECONDS)).isNull();
        q.offer(9);
        assertThat(q.poll(0, TimeUnit.SECONDS)).isEqualTo(9);
        assertThat(q.poll()).isNull();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("strategies")
    void takeWaitsForAnElementOfferedLater(String name, WaitStrategy strategy) throws Exception {
        WaitingQueue<Integer> q = new WaitingQueue<>(new SpscQueue<>(2), strategy);
        CompletableFuture<Integer> taken = new CompletableFuture<>();
        Thread consumer = Thread.ofPlatform().daemon().start(() -> {
            try {
                taken.complete(q.take());
            } catch (Throwable t) {
                taken.completeExceptionally(t);
            }
        });
        Thread.sleep(30);
        assertThat(taken).isNotDone();
        q.put(42);
        assertThat(taken.get(30, TimeUnit.SECONDS)).isEqualTo(42);
        consumer.join(10_000);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("strategies")
    void interruptWhileBlockedInTakeThrowsAndClearsTheStatus(String name, WaitStrategy strategy) throws Exception {
        WaitingQueue<Integer> q = new WaitingQueue<>(new SpscQueue<>(2), strategy);
        assertInterruptible(q::take);
        assertThat(q.poll()).isNull();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("strategies")
    void interruptWhileBlockedInPutThrowsAndDoesNotAdd(String name, WaitStrategy strategy) throws Exception {
        WaitingQueue<Integer> q = new WaitingQueue<>(new MpmcQueue<>(2), strategy);
        q.put(1);
        q.put(2);
        assertInterruptible(() -> {
            q.put(3);
            return null;
        });
        assertInterruptible(() -> q.offer(3, 1, TimeUnit.HOURS));
        assertInterruptible(() -> new WaitingQueue<>(new MpmcQueue<Integer>(2), strategy).poll(1, TimeUnit.HOURS));
        assertThat(q.poll()).isEqualTo(1);
        assertThat(q.poll()).isEqualTo(2);
        assertThat(q.poll()).as("the interrupted put added nothing").isNull();
    }

    interface Blocking {
        Object call() throws InterruptedException;
    }

    /** Runs {@code op} on a thread, interrupts it while it waits, and checks the exception and status. */
    private static void assertInterruptible(Blocking op) throws Exception {
        AtomicReference<Throwable> thrown = new AtomicReference<>();
        AtomicBoolean statusAfter = new AtomicBoolean(true);
        AtomicBoolean started = new AtomicBoolean();
        Thread t = Thread.ofPlatform().daemon().start(() -> {
            started.set(true);
            try {
                op.call();
            } catch (Throwable e) {
                thrown.set(e);
            }
            statusAfter.set(Thread.currentThread().isInterrupted());
        });
        while (!started.get()) {
            Thread.onSpinWait();
        }
        Thread.sleep(30); // let it reach the wait loop
        assertThat(t.isAlive()).as("blocked").isTrue();
        t.interrupt();
        t.join(10_000);
        assertThat(t.isAlive()).as("woke up after interrupt").isFalse();
        assertThat(thrown.get()).isInstanceOf(InterruptedException.class);
        assertThat(statusAfter.get())
                .as("interrupt status cleared, as InterruptedException promises")
                .isFalse();
    }

    @Test
    void alreadyInterruptedThreadThrowsBeforeChangingTheQueue() {
        WaitingQueue<Integer> q = new WaitingQueue<>(new SpscQueue<>(2), WaitStrategy.busySpin());
        Thread.currentThread().interrupt();
        assertThatThrownBy(() -> q.put(1)).isInstanceOf(InterruptedException.class);
        assertThat(Thread.currentThread().isInterrupted()).isFalse();
        assertThat(q.queue().isEmpty()).isTrue();
        q.offer(5);
        Thread.currentThread().interrupt();
        assertThatThrownBy(q::take).isInstanceOf(InterruptedException.class);
        assertThat(q.poll()).as("the interrupted take removed nothing").isEqualTo(5);
    }

    @Test
    void argumentsAreChecked() {
        assertThatThrownBy(() -> WaitStrategy.parking(0, TimeUnit.MILLISECONDS))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("maxPark");
        assertThatThrownBy(() -> new WaitingQueue<>(null, WaitStrategy.busySpin()))
                .isInstanceOf(NullPointerException.class);
        assertThatThrownBy(() -> new WaitingQueue<>(new SpscQueue<>(2), null)).isInstanceOf(NullPointerException.class);
        WaitingQueue<Integer> q = new WaitingQueue<>(new SpscQueue<>(2), WaitStrategy.yielding());
        assertThatThrownBy(() -> q.put(null)).isInstanceOf(NullPointerException.class);
        assertThat(q.strategy()).isSameAs(WaitStrategy.yielding());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("strategies")
    void everyStrategyHandsOffEveryElement(String name, WaitStrategy strategy) throws InterruptedException {
        WaitingQueue<Long> q = new WaitingQueue<>(new SpscQueue<>(8), strategy);
        StressSupport.run(1, 1, 20_000, StressSupport.putting(q), StressSupport.taking(q));
    }

    /**
     * A timed wait ends within scheduling noise of its deadline: the last park is cut to the time left. Before
     * the fix, {@code poll(50 ms)} with a 1 s max park parked 1, 2, 4 ... 32 768 µs and returned after about
     * 65 ms (an overshoot of a whole park step). The minimum over a few tries filters out a descheduled thread
     * on a loaded machine; the bound (8 ms) is far above timer slack and far below the old overshoot.
     */
    @Test
    void timedWaitsOvershootByLessThanAParkStep() throws Exception {
        WaitStrategy strategy = WaitStrategy.parking(1, TimeUnit.SECONDS);
        WaitingQueue<Integer> empty = new WaitingQueue<>(new MpmcQueue<>(2), strategy);
        WaitingQueue<Integer> full = new WaitingQueue<>(new SpscQueue<>(2), strategy);
        full.put(1);
        full.put(2);
        long timeoutNanos = TimeUnit.MILLISECONDS.toNanos(50);
        long bestPoll = Long.MAX_VALUE;
        long bestOffer = Long.MAX_VALUE;
        for (int i = 0; i < 4; i++) {
            long start = System.nanoTime();
            assertThat(empty.poll(timeoutNanos, TimeUnit.NANOSECONDS)).isNull();
            long waited = System.nanoTime() - start;
            assertThat(waited).as("never returns early").isGreaterThanOrEqualTo(timeoutNanos);
            bestPoll = Math.min(bestPoll, waited - timeoutNanos);

            start = System.nanoTime();
            assertThat(full.offer(3, timeoutNanos, TimeUnit.NANOSECONDS)).isFalse();
            waited = System.nanoTime() - start;
            assertThat(waited).as("never returns early").isGreaterThanOrEqualTo(timeoutNanos);
            bestOffer = Math.min(bestOffer, waited - timeoutNanos);
        }
        long bound = TimeUnit.MILLISECONDS.toNanos(8);
        assertThat(bestPoll).as("poll(50 ms) overshoot, best of 4, ns").isLessThan(bound);
        assertThat(bestOffer).as("offer(50 ms) overshoot, best of 4, ns").isLessThan(bound);
    }

    /**
     * The back-off step function: spin, yield, then parks doubling from 1 µs, capped by the max park and by
     * the time left; and the attempt counter saturates instead of wrapping to a negative (which would send a
     * long wait back to busy spinning after 2^31 idles).
     */
    @Test
    void backOffStepsAreCappedAndTheAttemptCounterSaturates() {
        WaitStrategy.Parking parking = new WaitStrategy.Parking(TimeUnit.MILLISECONDS.toNanos(1));
        int firstPark = WaitStrategy.Parking.SPINS + WaitStrategy.Parking.YIELDS;
        assertThat(parking.parkNanos(0, Long.MAX_VALUE)).as("spinning").isZero();
        assertThat(parking.parkNanos(firstPark - 1, Long.MAX_VALUE))
                .as("yielding")
                .isZero();
        assertThat(parking.parkNanos(firstPark, Long.MAX_VALUE)).isEqualTo(1_000);
        assertThat(parking.parkNanos(firstPark + 3, Long.MAX_VALUE)).isEqualTo(8_000);
        assertThat(parking.parkNanos(firstPark + 20, Long.MAX_VALUE))
                .as("max park")
                .isEqualTo(1_000_000);
        assertThat(parking.parkNanos(Integer.MAX_VALUE, Long.MAX_VALUE)).isEqualTo(1_000_000);
        assertThat(parking.parkNanos(Integer.MAX_VALUE, 1_234)).as("time left").isEqualTo(1_234);
        assertThat(parking.parkNanos(firstPark + 3, 5)).isEqualTo(5);

        assertThat(WaitingQueue.nextAttempt(0)).isEqualTo(1);
        assertThat(WaitingQueue.nextAttempt(Integer.MAX_VALUE - 1)).isEqualTo(Integer.MAX_VALUE);
        assertThat(WaitingQueue.nextAttempt(Integer.MAX_VALUE))
                .as("saturates instead of wrapping")
                .isEqualTo(Integer.MAX_VALUE);
    }

    /** A huge timeout waits instead of overflowing {@code now + timeout} into a deadline in the past. */
    @Test
    void aHugeTimeoutWaitsInsteadOfOverflowing() throws Exception {
        WaitingQueue<Integer> q =
                new WaitingQueue<>(new SpscQueue<>(2), WaitStrategy.parking(1, TimeUnit.MILLISECONDS));
        Thread producer = Thread.ofPlatform().daemon().start(() -> {
            try {
                Thread.sleep(30);
                q.put(7);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        });
        assertThat(q.poll(Long.MAX_VALUE, TimeUnit.DAYS)).isEqualTo(7);
        producer.join(10_000);
    }
}
