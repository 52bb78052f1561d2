/*
 * Copyright 2026 the Ferrum authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.ferrum.queue;

import java.util.Objects;
import java.util.concurrent.TimeUnit;

/**
 * Blocking {@code put}/{@code take} over a {@link BoundedQueue}: retries the non-blocking operation,
 * idling by a {@link WaitStrategy} in between. No lock and no signalling: the wrapped queue stays
 * lock-free, and {@link #offer}/{@link #poll} without timeout are the queue's own.
 *
 * <p><b>Thread contract:</b> the wrapped queue's ({@code put} is a producer method, {@code take} a
 * consumer method: one thread each for an {@link SpscQueue}).
 *
 * <p><b>Interruption:</b> every waiting method checks the interrupt status before each attempt and after
 * each idle; when it is set it clears it and throws {@link InterruptedException} without having changed
 * the queue (the element of an interrupted {@code put} was not added). A timed-out wait returns
 * {@code false}/{@code null}, also without a change.
 *
 * @param <E> element type
 */
public final class WaitingQueue<E> {

    private final BoundedQueue<E> queue;
    private final WaitStrategy strategy;

    /**
     * Wraps a queue.
     *
     * @param queue    the queue; other code may keep using it directly, within its thread contract
     * @param strategy how to wait
     */
    public WaitingQueue(BoundedQueue<E> queue, WaitStrategy strategy) {
        this.queue = Objects.requireNonNull(queue, "queue");
        this.strategy = Objects.requireNonNull(strategy, "strategy");
    }

    /** The wrapped queue. @return it */
    public BoundedQueue<E> queue() {
        return queue;
    }

    /** The wait strategy. @return it */
    public WaitStrategy strategy() {
        return strategy;
    }

    /**
     * Adds the element, waiting for room as long as needed.
     *
     * @param element the element, not null
     * @throws InterruptedException if interrupted before the element was added (it was not added)
     */
    public void put(E element) throws InterruptedException {
        Objects.requireNonNull(element, "null elements are not accepted");
        for (int attempt = 0; ; attempt = nextAttempt(attempt)) {
            checkInterrupt();
            if (queue.offer(element)) {
                return;
            }
            strategy.idle(attempt);
        }
    }

    /**
     * Adds the element, waiting at most {@code timeout} for room.
     *
     * @param element the element, not null
     * @param timeout how long to wait; zero or negative means try once
     * @param unit    its unit
     * @return {@code true} if added, {@code false} if the time ran out first
     * @throws InterruptedException if interrupted before the element was added (it was not added)
     */
    public boolean offer(E element, long timeout, TimeUnit unit) throws InterruptedException {
        Objects.requireNonNull(element, "null elements are not accepted");
        long timeoutNanos = unit.toNanos(timeout); // saturates: Long.MAX_VALUE days waits "forever", never wraps
        long start = System.nanoTime();
        for (int attempt = 0; ; attempt = nextAttempt(attempt)) {
            checkInterrupt();
            if (queue.offer(element)) {
                return true;
            }
            long remaining = timeoutNanos - (System.nanoTime() - start); // overflow-safe, unlike start + timeout
            if (remaining <= 0) {
                return false;
            }
            strategy.idle(attempt, remaining); // parks at most the time left: returns close to the deadline
        }
    }

    /**
     * Removes the oldest element, waiting for one as long as needed.
     *
     * @return the element
     * @throws InterruptedException if interrupted before an element was removed (none was)
     */
    public E take() throws InterruptedException {
        for (int attempt = 0; ; attempt = nextAttempt(attempt)) {
            checkInterrupt();
            E element = queue.poll();
            if (element != null) {
                return element;
            }
            strategy.idle(attempt);
        }
    }

    /**
     * Removes the oldest element, waiting at most {@code timeout} for one.
     *
     * @param timeout how long to wait; zero or negative means try once
     * @param unit    its unit
     * @return the element, or {@code null} if the time ran out first
     * @throws InterruptedException if interrupted before an element was removed (none was)
     */
    public E poll(long timeout, TimeUnit unit) throws InterruptedException {
        long timeoutNanos = unit.toNanos(timeout); // saturates: Long.MAX_VALUE days waits "forever", never wraps
        long start = System.nanoTime();
        for (int attempt = 0; ; attempt = nextAttempt(attempt)) {
            checkInterrupt();
            E element = queue.poll();
            if (element != null) {
                return element;
            }
            long remaining = timeoutNanos - (System.nanoTime() - start); // overflow-safe, unlike start + timeout
            if (remaining <= 0) {
                return null;
            }
            strategy.idle(attempt, remaining); // parks at most the time left: returns close to the deadline
        }
    }

    /**
     * Non-blocking: the queue's own {@link BoundedQueue#offer}.
     *
     * @param element not null
     * @return whether added
     */
    public boolean offer(E element) {
        return queue.offer(element);
    }

    /** Non-blocking: the queue's own {@link BoundedQueue#poll}. @return the element or null */
    public E poll() {
        return queue.poll();
    }

    /**
     * The next value of a wait's attempt counter: saturates at {@link Integer#MAX_VALUE} instead of wrapping
     * to a negative value, which would send a long wait back to its strategy's busy-spinning first steps.
     */
    static int nextAttempt(int attempt) {
        return attempt == Integer.MAX_VALUE ? attempt : attempt + 1;
    }

    private static void checkInterrupt() throws InterruptedException {
        if (Thread.interrupted()) {
            throw new InterruptedException("interrupted while waiting on the queue");
        }
    }
}
