/*
 * Copyright 2026 the Ferrum authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.ferrum.queue;

import java.util.AbstractQueue;
import java.util.Iterator;

/** The {@link java.util.Queue} view of a {@link BoundedQueue}; see {@link BoundedQueue#asQueue()}. */
final class QueueView<E> extends AbstractQueue<E> {

    private final BoundedQueue<E> queue;

    QueueView(BoundedQueue<E> queue) {
        this.queue = queue;
    }

    @Override
    public boolean offer(E e) {
        return queue.offer(e);
    }

    @Override
    public E poll() {
        return queue.poll();
    }

    @Override
    public E peek() {
        return queue.peek();
    }

    @Override
    public int size() {
        return queue.size();
    }

    @Override
    public boolean isEmpty() {
        return queue.isEmpty();
    }

    @Override
    public void clear() {
        while (queue.poll() != null) {
            // drain: consumer-side, like poll()
        }
    }

    @Override
    public Iterator<E> iterator() {
        throw new UnsupportedOperationException("a lock-free queue view has no consistent iterator; use poll/drain");
    }

    @Override
    public String toString() {
        return queue.toString();
    }
}
