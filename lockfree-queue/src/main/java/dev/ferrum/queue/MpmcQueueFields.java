/*
 * Copyright 2026 the Ferrum authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.ferrum.queue;

/*
 * Field layout of MpmcQueue: [pad][cold][pad][producerIndex][pad][consumerIndex][pad], same scheme and
 * reasons as SpscQueueFields (superclass fields come first; 128-byte pads against adjacent-line prefetch).
 * Here each index is written by many threads (CAS), so separating the two still halves the contention:
 * producers bounce one line among themselves, consumers another.
 */

/** Padding before the cold fields. */
@SuppressWarnings("unused") // padding fields are never read: they only occupy cache lines
abstract class MpmcPadBeforeCold {
    long p00, p01, p02, p03, p04, p05, p06, p07, p08, p09, p0a, p0b, p0c, p0d, p0e, p0f;
}

/** Read-only after construction. */
abstract class MpmcColdFields extends MpmcPadBeforeCold {
    final long mask;
    final int capacity;
    /** Elements, padded like SpscQueue's. */
    final Object[] buffer;
    /**
     * Per-slot sequence numbers (Vyukov): slot {@code s} is free for the producer of index {@code i}
     * when {@code sequence[s] == i}, and holds that producer's element when it is {@code i + 1}.
     */
    final long[] sequences;

    MpmcColdFields(int capacity) {
        this.capacity = capacity;
        this.mask = capacity - 1L;
        this.buffer = new Object[capacity + 2 * SpscQueue.ARRAY_PAD];
        // 16 longs (128 bytes) of padding at each end of the sequence array too.
        this.sequences = new long[capacity + 2 * MpmcQueue.SEQUENCE_PAD];
        for (int i = 0; i < capacity; i++) {
            sequences[MpmcQueue.SEQUENCE_PAD + i] = i; // plain: published to other threads by the final-field freeze
        }
    }
}

/** Separates the cold fields from the producer index. */
@SuppressWarnings("unused") // padding
abstract class MpmcPadBeforeProducer extends MpmcColdFields {
    long p10, p11, p12, p13, p14, p15, p16, p17, p18, p19, p1a, p1b, p1c, p1d, p1e, p1f;

    MpmcPadBeforeProducer(int capacity) {
        super(capacity);
    }
}

/** Written by producers (CAS). */
abstract class MpmcProducerFields extends MpmcPadBeforeProducer {
    /** Next index a producer will claim. */
    long producerIndex;

    MpmcProducerFields(int capacity) {
        super(capacity);
    }
}

/** Separates the two indices. */
@SuppressWarnings("unused") // padding
abstract class MpmcPadBetweenIndices extends MpmcProducerFields {
    long p20, p21, p22, p23, p24, p25, p26, p27, p28, p29, p2a, p2b, p2c, p2d, p2e, p2f;

    MpmcPadBetweenIndices(int capacity) {
        super(capacity);
    }
}

/** Written by consumers (CAS). */
abstract class MpmcConsumerFields extends MpmcPadBetweenIndices {
    /** Next index a consumer will claim. */
    long consumerIndex;

    MpmcConsumerFields(int capacity) {
        super(capacity);
    }
}

/** Padding after the consumer index. */
@SuppressWarnings("unused") // padding
abstract class MpmcPadAfterConsumer extends MpmcConsumerFields {
    long p30, p31, p32, p33, p34, p35, p36, p37, p38, p39, p3a, p3b, p3c, p3d, p3e, p3f;

    MpmcPadAfterConsumer(int capacity) {
        super(capacity);
    }
}
