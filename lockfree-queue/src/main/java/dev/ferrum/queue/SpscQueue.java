package dev.ferrum.queue;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.util.Objects;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * A bounded single-producer single-consumer lock-free queue: a ring of slots with a producer index and a
 * consumer index, each written by one thread only (Lamport's ring, 1983, with the cached-index refinement
 * of FastFlow / Rigtorp's SPSCQueue: each side remembers the last value it saw of the other side's index,
 * so the hot path reads the other side's cache line only once per lap, not once per element).
 *
 * <p><b>Thread contract:</b> correct for one producer thread (calling {@link #offer}, {@link #fill}) and
 * one consumer thread (calling {@link #poll}, {@link #peek}, {@link #drain}) at a time; the roles may pass
 * to another thread only through a happens-before edge (e.g. {@code Thread.join}). Using two producers at
 * once loses elements; use {@link MpmcQueue} for that. {@link #size()} may be called by any thread.
 *
 * <p><b>Memory ordering</b> (vocabulary in the package documentation): the producer writes the slot with a
 * plain store and then publishes it with a release store of {@code producerIndex}; the consumer's acquire
 * load of {@code producerIndex} pairs with it. Symmetrically the consumer's release store of
 * {@code consumerIndex} after emptying a slot pairs with the producer's acquire load before reusing it.
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

    private static final VarHandle PRODUCER_INDEX;
    private static final VarHandle CONSUMER_INDEX;

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
        this.producerLimit = capacity; // consumerIndex is 0: the first lap is free
    }

    // ---- shared-index accessors: the prefix names the ordering (see package-info) ----

    /** Acquire: pairs with {@link #soProducerIndex}; the slots below the value read are visible to us. */
    private long lvProducerIndex() {
        return (long) PRODUCER_INDEX.getAcquire(this);
    }

    /** Release: our plain slot stores before this happen-before the consumer's {@link #lvProducerIndex}. */
    private void soProducerIndex(long value) {
        PRODUCER_INDEX.setRelease(this, value);
    }

    /** Acquire: pairs with {@link #soConsumerIndex}; the consumer is done with every slot below the value. */
    private long lvConsumerIndex() {
        return (long) CONSUMER_INDEX.getAcquire(this);
    }

    /** Release: the consumer's slot reads and null stores before this happen-before the producer reuses them. */
    private void soConsumerIndex(long value) {
        CONSUMER_INDEX.setRelease(this, value);
    }

    private int slot(long index) {
        return ARRAY_PAD + (int) (index & mask);
    }

    // ---- producer side ----

    @Override
    public boolean offer(E element) {
        Objects.requireNonNull(element, "SpscQueue does not accept null elements");
        long index = producerIndex; // lp: only this thread writes it
        if (index >= producerLimit && !refreshProducerLimit(index)) {
            return false;
        }
        buffer[slot(index)] = element;  // sp: published by the release store below
        soProducerIndex(index + 1);     // StoreStore: element visible before index
        return true;
    }

    /** Slow path, once per lap: reads the consumer's index (acquire) and extends the cached limit. */
    private boolean refreshProducerLimit(long index) {
        // Acquire pairs with the consumer's soConsumerIndex: its reads of the slots we are about to
        // overwrite happened-before our writes, so it never sees the new element in place of the old one.
        long limit = lvConsumerIndex() + capacity;
        producerLimit = limit;
        return index < limit;
    }

    @Override
    public int fill(Supplier<? extends E> supplier, int limit) {
        Objects.requireNonNull(supplier, "supplier");
        Capacities.checkLimit(limit);
        final Object[] buffer = this.buffer; // local copies: the loop's release stores would force reloads
        long index = producerIndex;
        int added = 0;
        while (added < limit) {
            if (index >= producerLimit && !refreshProducerLimit(index)) {
                break;
            }
            E element = Objects.requireNonNull(supplier.get(), "SpscQueue.fill: supplier returned null");
            buffer[slot(index)] = element;  // sp: published by the release store below
            soProducerIndex(++index);       // StoreStore, per element: the consumer sees the batch as it grows
            added++;
        }
        return added;
    }

    // ---- consumer side ----

    @Override
    public E poll() {
        long index = consumerIndex; // lp: only this thread writes it
        if (index >= producerIndexCache && !refreshProducerIndexCache(index)) {
            return null;
        }
        int slot = slot(index);
        @SuppressWarnings("unchecked") // only offer/fill store into buffer, and only E's
        E element = (E) buffer[slot]; // lp: made visible by the acquire in refreshProducerIndexCache
        buffer[slot] = null;            // sp: let the element be collected; ordered by the release below
        soConsumerIndex(index + 1);     // LoadStore + StoreStore: slot emptied before the producer may reuse it
        return element;
    }

    /** Slow path, once per catch-up: reads the producer's index (acquire) and caches it. */
    private boolean refreshProducerIndexCache(long index) {
        // Acquire pairs with the producer's soProducerIndex: every slot below the value read is written
        // and visible to this thread's following plain loads.
        long producer = lvProducerIndex();
        producerIndexCache = producer;
        return index < producer;
    }

    @Override
    public E peek() {
        long index = consumerIndex;
        if (index >= producerIndexCache && !refreshProducerIndexCache(index)) {
            return null;
        }
        @SuppressWarnings("unchecked") // only E's are stored
        E element = (E) buffer[slot(index)]; // lp: visible through the acquire of producerIndex
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
            if (index >= producerIndexCache && !refreshProducerIndexCache(index)) {
                break;
            }
            int slot = slot(index);
            @SuppressWarnings("unchecked") // only E's are stored
            E element = (E) buffer[slot]; // lp: visible through the acquire in refreshProducerIndexCache
            buffer[slot] = null;           // sp: ordered before the release below
            soConsumerIndex(++index); // release the slot before handing the element out, so a throwing consumer loses only it
            removed++;
            consumer.accept(element);
        }
        return removed;
    }

    // ---- any thread ----

    @Override
    public int size() {
        // Acquire loads keep the three reads in program order; retry until the consumer index is stable
        // so that the difference is a size the queue really had at some instant (or close to it).
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
        // Consumer first: if the producer index read afterwards equals it, the queue was empty at that instant.
        return lvConsumerIndex() >= lvProducerIndex();
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
