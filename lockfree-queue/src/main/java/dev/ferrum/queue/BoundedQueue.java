/*
 * Copyright 2026 the Ferrum authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.ferrum.queue;

import java.util.Queue;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * A bounded, non-blocking, lock-free FIFO queue of non-null elements.
 *
 * <p>Thread contract: set by the implementation ({@link SpscQueue}: one producer thread and one
 * consumer thread; {@link MpmcQueue}: any threads). "Producer methods" are {@link #offer} and
 * {@link #fill}; "consumer methods" are {@link #poll}, {@link #peek} and {@link #drain}. {@link #size},
 * {@link #isEmpty} and {@link #capacity} may be called by any thread.
 *
 * <p>No method blocks or allocates per element; a full queue makes {@code offer} return {@code false},
 * an empty one makes {@code poll} return {@code null}. For waiting, wrap it in a {@link WaitingQueue}.
 *
 * @param <E> element type
 */
public sealed interface BoundedQueue<E> permits SpscQueue, MpmcQueue {

    /**
     * Adds an element if there is room. O(1).
     *
     * @param element the element
     * @return {@code true} if added, {@code false} if the queue was full
     * @throws NullPointerException if {@code element} is null (null is the queue's "empty slot" marker)
     */
    boolean offer(E element);

    /**
     * Removes and returns the oldest element. O(1).
     *
     * @return the element, or {@code null} if the queue was empty
     */
    E poll();

    /**
     * Returns the oldest element without removing it. O(1).
     *
     * @return the element, or {@code null} if the queue was empty
     */
    E peek();

    /**
     * An estimate of the number of elements, in {@code [0, capacity()]}. It is exact when no other
     * thread is changing the queue; under concurrent use it reads two indices that move independently,
     * so the value may be stale by the time the caller looks at it. Use it for monitoring, not control.
     *
     * @return the approximate size
     */
    int size();

    /**
     * Whether the queue looked empty at the moment of the call (same caveat as {@link #size()}).
     *
     * @return {@code true} if no element was visible
     */
    boolean isEmpty();

    /**
     * The fixed capacity: the requested capacity rounded up to a power of two.
     *
     * @return the capacity
     */
    int capacity();

    /**
     * Removes up to {@code limit} elements, oldest first, handing each to {@code consumer}.
     * Consumer-side method. If {@code consumer} throws, the element it was given is already removed.
     *
     * @param consumer receives the elements
     * @param limit    maximum number of elements, at least 0
     * @return how many were removed
     * @throws IllegalArgumentException if {@code limit} is negative
     */
    int drain(Consumer<? super E> consumer, int limit);

    /**
     * Adds up to {@code limit} elements taken from {@code supplier}, stopping when the queue is full.
     * Producer-side method. The supplier is only called when there is room for its element.
     *
     * @param supplier provides the elements; it must not return null
     * @param limit    maximum number of elements, at least 0
     * @return how many were added
     * @throws NullPointerException     if the supplier returns null (elements before it stay added)
     * @throws IllegalArgumentException if {@code limit} is negative
     */
    int fill(Supplier<? extends E> supplier, int limit);

    /**
     * A {@link java.util.Queue} view for APIs that need one. {@code offer}, {@code poll}, {@code peek},
     * {@code size} and {@code isEmpty} delegate; {@code add}/{@code remove}/{@code element} follow the
     * {@code Queue} contract; {@code iterator()} is not supported (it could not be both lock-free and
     * consistent) and throws {@link UnsupportedOperationException}. The thread contract of this queue applies.
     *
     * @return a view backed by this queue
     */
    default Queue<E> asQueue() {
        return new QueueView<>(this);
    }
}
