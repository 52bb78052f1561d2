/*
 * Copyright 2026 the Ferrum authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.ferrum.queue;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.util.Objects;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * A bounded multi-producer multi-consumer queue: Dmitry Vyukov's bounded MPMC queue (2010, "Bounded
 * MPMC queue", 1024cores.net), the design of JCTools' {@code MpmcArrayQueue} and crossbeam's
 * {@code ArrayQueue}. Each slot carries a sequence number saying whose turn it is; producers claim an
 * index with a CAS on {@code producerIndex}, consumers with a CAS on {@code consumerIndex}.
 *
 * <p><b>Thread contract:</b> every method may be called by any number of threads at once.
 *
 * <p><b>No ABA:</b> indices are 64-bit and only grow, and a slot's sequence encodes the lap
 * ({@code index}, {@code index + 1}, {@code index + capacity}, ...), so a stale thread's CAS or sequence
 * comparison can never succeed against a later lap.
 *
 * <p><b>Progress:</b> claiming is lock-free (a failed CAS means another thread progressed). Like JCTools
 * and crossbeam, {@code poll} does not report "empty" while a producer that already claimed the next index
 * is still writing it: it spins until the element appears, which keeps the queue linearizable (a
 * completed {@code offer} is never missed) at the price that a producer descheduled mid-offer delays
 * consumers of that slot. {@code offer} waits the same way for a consumer mid-poll.
 *
 * <p><b>Memory ordering:</b> the producer's plain element store is published by the release store of the
 * slot's sequence ({@code index + 1}); a consumer's acquire load of that sequence pairs with it. The
 * consumer's release store of {@code index + capacity} after emptying the slot pairs with the next lap's
 * producer's acquire load. The index CASes order nothing but the claim itself.
 *
 * @param <E> element type
 */
public final class MpmcQueue<E> extends MpmcPadAfterConsumer implements BoundedQueue<E> {

    /** Unused longs at each end of the sequence array (128 bytes). */
    static final int SEQUENCE_PAD = 16;

    /** Stands in a claimed slot whose {@link #fill} supplier failed; consumers skip it. */
    private static final Object TOMBSTONE = new Object();

    private static final VarHandle PRODUCER_INDEX;
    private static final VarHandle CONSUMER_INDEX;
    private static final VarHandle SEQUENCE = MethodHandles.arrayElementVarHandle(long[].class);
    private static final VarHandle ELEMENT = MethodHandles.arrayElementVarHandle(Object[].class);

    static {
        try {
            // Resolved through the subclass: field lookup follows JVM resolution, which searches superclasses.
            MethodHandles.Lookup lookup = MethodHandles.lookup();
            PRODUCER_INDEX = lookup.findVarHandle(MpmcQueue.class, "producerIndex", long.class);
            CONSUMER_INDEX = lookup.findVarHandle(MpmcQueue.class, "consumerIndex", long.class);
        } catch (ReflectiveOperationException e) {
            throw new ExceptionInInitializerError(e);
        }
    }

    /**
     * Creates an empty queue.
     *
     * @param requestedCapacity at least 2; rounded up to a power of two
     * @throws IllegalArgumentException if the capacity is below 2 or above 2^30
     */
    public MpmcQueue(int requestedCapacity) {
        super(Capacities.roundToPowerOfTwo(requestedCapacity, 2, "MpmcQueue"));
    }

    // ---- shared accessors (prefixes: see the internal package-info) ----

    /** Opaque: just a hint where to try; the CAS and the slot sequence decide (Vyukov loads it Relaxed). */
    private long loProducerIndex() {
        return (long) PRODUCER_INDEX.getOpaque(this);
    }

    /** Volatile: only on the "is it really full/empty" slow path, where we want the latest claim. */
    private long lvProducerIndex() {
        return (long) PRODUCER_INDEX.getVolatile(this);
    }

    private boolean casProducerIndex(long expected, long next) {
        // Full CAS (SeqCst): the same lock cmpxchg on x86 as a relaxed one; it orders only the claim.
        return PRODUCER_INDEX.compareAndSet(this, expected, next);
    }

    private long loConsumerIndex() {
        return (long) CONSUMER_INDEX.getOpaque(this);
    }

    private long lvConsumerIndex() {
        return (long) CONSUMER_INDEX.getVolatile(this);
    }

    private boolean casConsumerIndex(long expected, long next) {
        return CONSUMER_INDEX.compareAndSet(this, expected, next);
    }

    /** Acquire: pairs with {@link #srSequence}; whatever the slot's last writer did before it is visible. */
    private long laSequence(int sequenceOffset) {
        return (long) SEQUENCE.getAcquire(sequences, sequenceOffset);
    }

    /** Release: our element store (producer) or element read and clear (consumer) happen-before the next owner. */
    private void srSequence(int sequenceOffset, long value) {
        SEQUENCE.setRelease(sequences, sequenceOffset, value);
    }

    /** Acquire load of an element: for {@link #peek}, which must read it before re-checking the head. */
    private Object laElement(int slot) {
        return ELEMENT.getAcquire(buffer, slot);
    }

    // ---- producer side ----

    @Override
    public boolean offer(E element) {
        Objects.requireNonNull(element, "MpmcQueue does not accept null elements");
        long index = claimProducerIndex();
        if (index < 0) {
            return false;
        }
        publish(index, element);
        return true;
    }

    /** Claims the next producer index, or returns -1 if the queue is full. */
    private long claimProducerIndex() {
        while (true) {
            long index = loProducerIndex();
            int seqOffset = SEQUENCE_PAD + (int) (index & mask);
            // Acquire pairs with the previous lap's consumer srSequence: it is done with this slot.
            long sequence = laSequence(seqOffset);
            if (sequence == index) {
                if (casProducerIndex(index, index + 1)) {
                    return index;
                }
            } else if (sequence < index) {
                // The slot still holds the element of lap index - capacity. Full, unless a consumer has
                // already claimed it and is emptying it right now (then spin: it is about to finish).
                if (index - capacity >= lvConsumerIndex()) {
                    return -1;
                }
                Thread.onSpinWait();
            }
            // sequence > index: another producer claimed this index since we read it; read again.
        }
    }

    private void publish(long index, Object element) {
        buffer[SpscQueue.ARRAY_PAD + (int) (index & mask)] = element; // sp: published by the release below
        srSequence(SEQUENCE_PAD + (int) (index & mask), index + 1); // StoreStore: element before sequence
    }

    /**
     * {@inheritDoc}
     *
     * <p>Here each element's slot is claimed before the supplier is called, so the supplier runs only
     * when its element fits. If it throws or returns null, the claimed slot is filled with an internal
     * marker that consumers skip (it is counted by {@link #size()} until then), and the exception propagates.
     */
    @Override
    public int fill(Supplier<? extends E> supplier, int limit) {
        Objects.requireNonNull(supplier, "supplier");
        Capacities.checkLimit(limit);
        int added = 0;
        while (added < limit) {
            long index = claimProducerIndex();
            if (index < 0) {
                break;
            }
            Object element = TOMBSTONE;
            try {
                element = Objects.requireNonNull(supplier.get(), "MpmcQueue.fill: supplier returned null");
            } finally {
                publish(index, element); // never leave a claimed slot unpublished: consumers would wait forever
            }
            added++;
        }
        return added;
    }

    // ---- consumer side ----

    @Override
    public E poll() {
        while (true) {
            Object element = pollSlot();
            if (element != TOMBSTONE) {
                @SuppressWarnings("unchecked") // only E's and the tombstone are stored
                E e = (E) element;
                return e;
            }
        }
    }

    /** Removes the next slot's content (maybe the tombstone), or returns null if empty. */
    private Object pollSlot() {
        while (true) {
            long index = loConsumerIndex();
            int seqOffset = SEQUENCE_PAD + (int) (index & mask);
            // Acquire pairs with the producer's srSequence(index + 1): its element store is visible.
            long sequence = laSequence(seqOffset);
            if (sequence == index + 1) {
                if (casConsumerIndex(index, index + 1)) {
                    int slot = SpscQueue.ARRAY_PAD + (int) (index & mask);
                    Object element = buffer[slot]; // lp: visible through the acquire above
                    buffer[slot] = null; // sp: ordered before the release below
                    // Release: our read and clear happen-before the producer of lap index + capacity.
                    srSequence(seqOffset, index + capacity);
                    return element;
                }
            } else if (sequence < index + 1) {
                // Not yet written. Empty, unless a producer already claimed this index (then spin: its
                // offer is in progress and, for linearizability, must not be reported as absent).
                if (index >= lvProducerIndex()) {
                    return null;
                }
                Thread.onSpinWait();
            }
            // sequence > index + 1: another consumer took this index; read again.
        }
    }

    @Override
    public E peek() {
        while (true) {
            long index = lvConsumerIndex();
            int seqOffset = SEQUENCE_PAD + (int) (index & mask);
            long sequence = laSequence(seqOffset); // acquire: element of index visible if sequence == index + 1
            if (sequence == index + 1) {
                // Acquire (JCTools' lvRefElement): the re-check of consumerIndex below cannot be satisfied
                // before this read. With a plain read the JIT or a weakly ordered CPU may perform the read
                // after the re-check, when a consumer may already have cleared the slot (null for a non-empty
                // queue) or a producer of a later lap refilled it (an element that is not the head).
                Object element = laElement(SpscQueue.ARRAY_PAD + (int) (index & mask));
                // Still the head? Then no consumer took it and the element read is that of index, not a
                // later lap's (indices never repeat, so an unchanged consumerIndex means an unchanged slot).
                if (index == lvConsumerIndex()) {
                    if (element == TOMBSTONE) {
                        skipTombstone(index, seqOffset);
                        continue;
                    }
                    @SuppressWarnings("unchecked") // only E's and the tombstone are stored
                    E e = (E) element;
                    return e;
                }
            } else if (sequence < index + 1) {
                if (index >= lvProducerIndex()) {
                    return null;
                }
                Thread.onSpinWait();
            }
        }
    }

    /** Removes the tombstone at {@code index} if it is still the head (peek may not remove real elements). */
    private void skipTombstone(long index, int seqOffset) {
        if (casConsumerIndex(index, index + 1)) {
            buffer[SpscQueue.ARRAY_PAD + (int) (index & mask)] = null; // sp: ordered before the release below
            // Release: the clear happens-before the producer of lap index + capacity (its acquire of the sequence).
            srSequence(seqOffset, index + capacity);
        }
    }

    @Override
    public int drain(Consumer<? super E> consumer, int limit) {
        Objects.requireNonNull(consumer, "consumer");
        Capacities.checkLimit(limit);
        int removed = 0;
        while (removed < limit) {
            E element = poll();
            if (element == null) {
                break;
            }
            removed++;
            consumer.accept(element);
        }
        return removed;
    }

    // ---- any thread ----

    @Override
    public int size() {
        // Same stable-snapshot loop as SpscQueue.size(); claimed-but-unpublished slots count as present.
        long after = lvConsumerIndex();
        while (true) {
            long before = after;
            long producer = lvProducerIndex();
            after = lvConsumerIndex();
            if (before == after) {
                return (int) Math.max(0, Math.min(capacity, producer - after));
            }
        }
    }

    @Override
    public boolean isEmpty() {
        return lvConsumerIndex() >= lvProducerIndex();
    }

    @Override
    public int capacity() {
        return capacity;
    }

    @Override
    public String toString() {
        return "MpmcQueue[capacity=" + capacity + ", size~" + size() + "]";
    }
}
