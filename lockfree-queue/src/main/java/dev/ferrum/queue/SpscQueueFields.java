/*
 * Copyright 2026 the Ferrum authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.ferrum.queue;

/*
 * Field layout of SpscQueue, one superclass per group, so that each group sits on its own cache lines.
 *
 * HotSpot lays out a superclass's fields before its subclass's, so a chain of small classes fixes the
 * order: [pad][cold, read-only][pad][producer-written][pad][consumer-written][pad]. Each pad is 16 longs
 * (128 bytes), two 64-byte lines, because x86's adjacent-line prefetcher pulls lines in pairs. This is
 * the one place the module pads heap objects; @jdk.internal.vm.annotation.Contended would do it for us
 * but is not accessible outside java.base. Rust does the same with #[repr(align(64))] / CachePadded.
 */

/** Padding before the cold fields: keeps this object's header neighbours off the hot lines. */
@SuppressWarnings("unused") // padding fields are never read: they only occupy cache lines
abstract class SpscPadBeforeCold {
    long p00, p01, p02, p03, p04, p05, p06, p07, p08, p09, p10, p11, p12, p13, p14, p15;
}

/** Read-only after construction; read by both threads, so shared cache lines are harmless. */
abstract class SpscColdFields<E> extends SpscPadBeforeCold {
    /** Capacity minus one; index {@code i} lives in slot {@code i & mask}. */
    final long mask;
    /** Elements, with {@link SpscQueue#ARRAY_PAD} unused slots at each end against false sharing. */
    final Object[] buffer;

    final int capacity;
    /**
     * How many slots the producer claims with one look at the slot this far ahead: a quarter of the
     * capacity, at most {@link SpscQueue#MAX_LOOK_AHEAD_STEP}, at least 1 (the JCTools / FastFlow choice).
     */
    final int lookAheadStep;

    SpscColdFields(int capacity) {
        this.capacity = capacity;
        this.mask = capacity - 1L;
        this.lookAheadStep = Math.max(1, Math.min(capacity / 4, SpscQueue.MAX_LOOK_AHEAD_STEP));
        this.buffer = new Object[capacity + 2 * SpscQueue.ARRAY_PAD];
    }
}

/** Separates the cold fields from the producer's. */
@SuppressWarnings("unused") // padding
abstract class SpscPadBeforeProducer<E> extends SpscColdFields<E> {
    long q00, q01, q02, q03, q04, q05, q06, q07, q08, q09, q10, q11, q12, q13, q14, q15;

    SpscPadBeforeProducer(int capacity) {
        super(capacity);
    }
}

/** Written only by the producer thread. */
abstract class SpscProducerFields<E> extends SpscPadBeforeProducer<E> {
    /** Next index to write; published with release for size()/isEmpty(), never read by the consumer. */
    long producerIndex;
    /** Producer-local: every slot of an index below this is known to be free (null, consumer done with it). */
    long producerLimit;

    SpscProducerFields(int capacity) {
        super(capacity);
    }
}

/** Separates the producer's fields from the consumer's: the two threads' writes never share a line. */
@SuppressWarnings("unused") // padding
abstract class SpscPadBetweenIndices<E> extends SpscProducerFields<E> {
    long p20, p21, p22, p23, p24, p25, p26, p27, p28, p29, p2a, p2b, p2c, p2d, p2e, p2f;

    SpscPadBetweenIndices(int capacity) {
        super(capacity);
    }
}

/** Written only by the consumer thread. */
abstract class SpscConsumerFields<E> extends SpscPadBetweenIndices<E> {
    /** Next index to read; published with release for size()/isEmpty(), never read by the producer. */
    long consumerIndex;

    SpscConsumerFields(int capacity) {
        super(capacity);
    }
}

/** Padding after the consumer's fields, against whatever object the allocator puts next. */
@SuppressWarnings("unused") // padding
abstract class SpscPadAfterConsumer<E> extends SpscConsumerFields<E> {
    long p30, p31, p32, p33, p34, p35, p36, p37, p38, p39, p3a, p3b, p3c, p3d, p3e, p3f;

    SpscPadAfterConsumer(int capacity) {
        super(capacity);
    }
}
