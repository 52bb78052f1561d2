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
 * A bounded single-producer single-consumer lock-free queue: a ring of slots in which a {@code null} slot
 * is free and a non-null slot holds an element (Lamport's ring, 1983, in the style of FastFlow and JCTools'
 * {@code SpscArrayQueue}: the slots themselves carry the hand-off, so neither thread reads the other's index
 * on its hot path).
 *
 * <p><b>Thread contract:</b> correct for one producer thread (calling {@link #offer}, {@link #fill}) and
 * one consumer thread (calling {@link #poll}, {@link #peek}, {@link #drain}) at a time; the roles may pass
 * to another thread only through a happens-before edge (e.g. {@code Thread.join}). Using two producers at
 * once loses elements; use {@link MpmcQueue} for that. {@link #size()} may be called by any thread.
 *
 * <p><b>Memory ordering</b> (accessor prefixes in the internal package documentation). Two happens-before edges, both
 * through the slot itself:
 * <ul>
 *   <li><i>element → consumer:</i> the producer stores the element with a release store of the slot; the
 *       consumer's acquire load of the slot that reads it pairs with that store, so everything the producer
 *       wrote before handing the element over (its fields included) is visible to the consumer.</li>
 *   <li><i>consumer → slot reuse:</i> the consumer empties the slot with a release store of {@code null}; the
 *       producer's acquire load that reads that {@code null} pairs with it, so the consumer's reads of the old
 *       element happen-before the producer's next store into the slot (the consumer never sees the new element
 *       in place of the old one).</li>
 * </ul>
 * The consumer detects empty by reading {@code null} in its next slot; the producer detects full by reading a
 * non-null value in its next slot, and, to look at the slots only once per {@code lookAheadStep} elements,
 * checks the slot {@code lookAheadStep} ahead: the consumer empties slots in index order, so if that one is
 * free, every slot up to it is too. {@code producerIndex}/{@code consumerIndex} are still published (release
 * stores) but only for {@link #size()} and {@link #isEmpty()}; the hand-off never reads them across threads.
 * No CAS, no full fence: on x86 every operation compiles to plain moves.
 *
 * <p>Capacity is rounded up to a power of two. Indices are {@code long}s that never wrap in practice
 * (2^63 operations), so full and empty are told apart without a spare slot and without ABA.
 *
 * @param <E> element type
 */
public final class SpscQueue<E> extends SpscPadAfterConsumer<E> implements BoundedQueue<E> {

    /** Unused slots at each end of the array: 128 bytes even with 4-byte compressed references. */
    static final int ARRAY_PAD = 32;

    /** Upper bound of {@code lookAheadStep}: how many slots the producer may claim with one look. */
    static final int MAX_LOOK_AHEAD_STEP = 4096;

    private static final VarHandle PRODUCER_INDEX;
    private static final VarHandle CONSUMER_INDEX;
    private static final VarHandle SLOT = MethodHandles.arrayElementVarHandle(Object[].class);

    static {
        try {
            // Resolved through the subclass: field lookup follows JVM resolution, which searches superclasses.
            MethodHandles.Lookup lookup = MethodHandles.lookup();
            PRODUCER_INDEX = lookup.findVarHandle(SpscQueue.class, "producerIndex", long.class);
            CONSUMER_INDEX = lookup.findVarHandle(SpscQueue.class, "consumerIndex", long.class);
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
    public SpscQueue(int requestedCapacity) {
        super(Capacities.roundToPowerOfTwo(requestedCapacity, 2, "SpscQueue"));
        this.producerLimit = capacity; // every slot is null: the whole first lap is free
    }

    // ---- accessors: the prefix names the ordering (see the internal package-info) ----

    /** Acquire: pairs with {@link #srProducerIndex}; only {@link #size()} and {@link #isEmpty()} read it. */
    private long laProducerIndex() {
        return (long) PRODUCER_INDEX.getAcquire(this);
    }

    /** Release: the slot stores below the value happen-before an acquire read of it (size/isEmpty only). */
    private void srProducerIndex(long value) {
        PRODUCER_INDEX.setRelease(this, value);
    }

    /** Acquire: pairs with {@link #srConsumerIndex}; only {@link #size()} and {@link #isEmpty()} read it. */
    private long laConsumerIndex() {
        return (long) CONSUMER_INDEX.getAcquire(this);
    }

    /** Release: the consumer's emptying of the slots below the value happens-before an acquire read of it. */
    private void srConsumerIndex(long value) {
        CONSUMER_INDEX.setRelease(this, value);
    }

    /**
     * Acquire load of a slot. Read by the consumer, a non-null value pairs with the producer's
     * {@link #srSlot} of the element (element → consumer); read by the producer, {@code null} pairs with the
     * consumer's {@link #srSlot} of {@code null} (the consumer's reads of the old element → our reuse).
     */
    private static Object laSlot(Object[] buffer, int slot) {
        return SLOT.getAcquire(buffer, slot);
    }

    /** Release store of a slot: everything this thread did before happens-before the other side's acquire. */
    private static void srSlot(Object[] buffer, int slot, Object value) {
        SLOT.setRelease(buffer, slot, value);
    }

    private int slot(long index) {
        return ARRAY_PAD + (int) (index & mask);
    }

    // ---- producer side ----

    @Override
    public boolean offer(E element) {
        Objects.requireNonNull(element, "SpscQueue does not accept null elements");
        final Object[] buffer = this.buffer;
        long index = producerIndex; // lp: only this thread writes it
        if (index >= producerLimit && !claimSlots(buffer, index)) {
            return false;
        }
        // Release: pairs with the consumer's laSlot (element → consumer). The slot is null and the
        // consumer is done with its previous element (claimSlots' acquire, or an earlier one covering it).
        srSlot(buffer, slot(index), element);
        srProducerIndex(index + 1); // for size()/isEmpty() only; the consumer never reads it
        return true;
    }

    /**
     * Slow path, once per {@code lookAheadStep} elements when the consumer keeps up: may the producer write
     * {@code index}? Raises {@code producerLimit} when the slot {@code lookAheadStep} ahead is free.
     */
    private boolean claimSlots(Object[] buffer, long index) {
        // Acquire of a null pairs with the consumer's release store of that null. The consumer empties
        // slots in index order, and the slot lookAheadStep ahead last held the element of index
        // (index + lookAheadStep - capacity), later than those of index .. index + lookAheadStep - 1: so its
        // reads of all of them happen-before our writes up to the new limit. (A slot never written reads
        // null too, and then no consumer reads are pending on it.)
        long ahead = index + lookAheadStep;
        if (laSlot(buffer, slot(ahead)) == null) {
            producerLimit = ahead;
            return true;
        }
        // Not that far: is this one slot free? Its null, read with acquire, orders the consumer's read of
        // the old element before our store; a non-null value means the queue is full.
        return laSlot(buffer, slot(index)) == null;
    }

    @Override
    public int fill(Supplier<? extends E> supplier, int limit) {
        Objects.requireNonNull(supplier, "supplier");
        Capacities.checkLimit(limit);
        final Object[] buffer = this.buffer; // local copies: the loop's release stores would force reloads
        long index = producerIndex;
        int added = 0;
        while (added < limit) {
            if (index >= producerLimit && !claimSlots(buffer, index)) {
                break;
            }
            E element = Objects.requireNonNull(supplier.get(), "SpscQueue.fill: supplier returned null");
            srSlot(buffer, slot(index), element); // release: element → consumer, per element (the batch grows visibly)
            srProducerIndex(++index); // for size()/isEmpty() only
            added++;
        }
        return added;
    }

    // ---- consumer side ----

    @Override
    public E poll() {
        final Object[] buffer = this.buffer;
        long index = consumerIndex; // lp: only this thread writes it
        int slot = slot(index);
        // Acquire: a non-null value pairs with the producer's release store of it (element → consumer);
        // null means empty (the producer publishes a slot only by filling it).
        @SuppressWarnings("unchecked") // only offer/fill store into buffer, and only E's
        E element = (E) laSlot(buffer, slot);
        if (element == null) {
            return null;
        }
        // Release: our read of the element happens-before the producer's reuse of the slot (its acquire
        // load that reads this null); also lets the element be collected.
        srSlot(buffer, slot, null);
        srConsumerIndex(index + 1); // for size()/isEmpty() only; the producer never reads it
        return element;
    }

    @Override
    public E peek() {
        // Acquire: pairs with the producer's release store of the element (element → consumer); null = empty.
        @SuppressWarnings("unchecked") // only E's are stored
        E element = (E) laSlot(buffer, slot(consumerIndex));
        return element;
    }

    @Override
    public int drain(Consumer<? super E> consumer, int limit) {
        Objects.requireNonNull(consumer, "consumer");
        Capacities.checkLimit(limit);
        final Object[] buffer = this.buffer;
        long index = consumerIndex;
        int removed = 0;
        while (removed < limit) {
            int slot = slot(index);
            @SuppressWarnings("unchecked") // only E's are stored
            E element = (E) laSlot(buffer, slot); // acquire: element → consumer, as in poll
            if (element == null) {
                break;
            }
            srSlot(buffer, slot, null); // release: our read → the producer's reuse, as in poll
            // Free the slot before handing the element out, so a throwing consumer loses only it.
            srConsumerIndex(++index);
            removed++;
            consumer.accept(element);
        }
        return removed;
    }

    // ---- any thread ----

    /**
     * {@inheritDoc}
     *
     * <p>Approximate while the other threads run: computed from the two published indices, which each side
     * updates just <i>after</i> its slot store, so the value may lag an offer or poll in progress by one
     * element per side; clamped to {@code [0, capacity]}. Exact when neither side is running.
     */
    @Override
    public int size() {
        // Acquire loads keep the three reads in program order; retry until the consumer index is stable
        // so that the difference is a size the queue really had at some instant (or close to it).
        long after = laConsumerIndex();
        while (true) {
            long before = after;
            long producer = laProducerIndex();
            after = laConsumerIndex();
            if (before == after) {
                return (int) Math.max(0, Math.min(capacity, producer - after));
            }
        }
    }

    @Override
    public boolean isEmpty() {
        // Consumer first: if the producer index read afterwards equals it, no offer had completed beyond the
        // consumer's position at that instant (an offer between its slot store and its index store counts
        // as not yet done, as for size()).
        return laConsumerIndex() >= laProducerIndex();
    }

    @Override
    public int capacity() {
        return capacity;
    }

    @Override
    public String toString() {
        return "SpscQueue[capacity=" + capacity + ", size~" + size() + "]";
    }
}
