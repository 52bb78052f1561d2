/*
 * Copyright 2026 the Ferrum authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.ferrum.bench.queue;

import dev.ferrum.bench.support.PeerVersions;
import dev.ferrum.queue.MessageHandler;
import dev.ferrum.queue.MpscRingBuffer;
import dev.ferrum.queue.RingBuffer;
import dev.ferrum.queue.SpscRingBuffer;
import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.util.List;
import org.agrona.BufferUtil;
import org.agrona.MutableDirectBuffer;
import org.agrona.concurrent.UnsafeBuffer;
import org.agrona.concurrent.ringbuffer.ManyToOneRingBuffer;
import org.agrona.concurrent.ringbuffer.OneToOneRingBuffer;
import org.agrona.concurrent.ringbuffer.RingBufferDescriptor;

/**
 * The off-heap ring buffers under test behind one shape: {@link #write()} sends one message of
 * {@code messageBytes} (its first long is a sequence number), {@link #read()} drains what is available and
 * adds each message's first long to a checksum. Ours and Agrona's do exactly the same per message.
 * One implementation per JMH fork, so every call site is monomorphic.
 */
public abstract sealed class RingChannel implements AutoCloseable {

    public static final String FERRUM_SPSC = "ferrum-spsc";
    public static final String FERRUM_MPSC = "ferrum-mpsc";
    public static final String AGRONA_ONE_TO_ONE = "agrona-1to1";
    public static final String AGRONA_MANY_TO_ONE = "agrona-mto1";

    /** Every name {@link #create} accepts. */
    public static final List<String> NAMES = List.of(FERRUM_SPSC, FERRUM_MPSC, AGRONA_ONE_TO_ONE, AGRONA_MANY_TO_ONE);

    /** Message type id used for every message (both libraries require a positive one). */
    static final int TYPE = 1;

    /** Slot in the padded state arrays: 128 bytes from either end, so the two threads' counters never share a line. */
    static final int SLOT = 16;

    final int messageBytes;
    /** Producer-only state: the next sequence number at {@link #SLOT}. */
    final long[] producer = new long[2 * SLOT];
    /** Consumer-only state: the sum of the first long of every message read at {@link #SLOT}. */
    final long[] consumer = new long[2 * SLOT];

    RingChannel(int messageBytes) {
        if (messageBytes < Long.BYTES) {
            throw new IllegalArgumentException("messages carry an 8-byte sequence number, size was " + messageBytes);
        }
        this.messageBytes = messageBytes;
    }

    /**
     * Producer side: one message. @return {@code false} if the ring is full
     */
    public abstract boolean write();

    /**
     * Consumer side: every message available now (up to the end of the contiguous region).
     *
     * @return how many were read
     */
    public abstract int read();

    /** @return the sum of the sequence numbers read so far */
    public long checksum() {
        return consumer[SLOT];
    }

    @Override
    public void close() {}

    /**
     * Creates a ring.
     *
     * @param name          one of {@link #NAMES}
     * @param ringBytes     data capacity, a power of two (both libraries add their own trailer)
     * @param messageBytes  payload bytes per message, at least 8
     * @return the channel
     */
    public static RingChannel create(String name, int ringBytes, int messageBytes) {
        return switch (name) {
            case FERRUM_SPSC, FERRUM_MPSC -> new Ferrum(name, ringBytes, messageBytes);
            case AGRONA_ONE_TO_ONE, AGRONA_MANY_TO_ONE -> new Agrona(name, ringBytes, messageBytes);
            default -> throw new IllegalArgumentException("unknown ring '" + name + "'; known: " + NAMES);
        };
    }

    static String describe(String name) {
        return switch (name) {
            case FERRUM_SPSC -> "Ferrum SpscRingBuffer";
            case FERRUM_MPSC -> "Ferrum MpscRingBuffer";
            case AGRONA_ONE_TO_ONE -> PeerVersions.AGRONA + " OneToOneRingBuffer";
            case AGRONA_MANY_TO_ONE -> PeerVersions.AGRONA + " ManyToOneRingBuffer";
            default -> name;
        };
    }

    private static final class Ferrum extends RingChannel implements MessageHandler {
        private final Arena arena = Arena.ofShared(); // producer and consumer are different threads
        private final RingBuffer ring;
        private final MemorySegment source;

        Ferrum(String name, int ringBytes, int messageBytes) {
            super(messageBytes);
            MemorySegment segment = arena.allocate(RingBuffer.bytesFor(ringBytes), 4096); // zero-filled: an empty ring
            ring = FERRUM_SPSC.equals(name) ? new SpscRingBuffer(segment) : new MpscRingBuffer(segment);
            source = arena.allocate(messageBytes, 64);
        }

        @Override
        public boolean write() {
            source.set(ValueLayout.JAVA_LONG, 0, producer[SLOT]);
            if (ring.write(TYPE, source, 0, messageBytes)) {
                producer[SLOT]++;
                return true;
            }
            return false;
        }

        @Override
        public int read() {
            return ring.read(this);
        }

        @Override
        public void onMessage(int type, MemorySegment buffer, long offset, int length) {
            consumer[SLOT] += buffer.get(ValueLayout.JAVA_LONG, offset); // payloads are 8-byte aligned
        }

        @Override
        public void close() {
            arena.close();
        }
    }

    private static final class Agrona extends RingChannel implements org.agrona.concurrent.MessageHandler {
        private final org.agrona.concurrent.ringbuffer.RingBuffer ring;
        private final UnsafeBuffer source;

        Agrona(String name, int ringBytes, int messageBytes) {
            super(messageBytes);
            // Agrona's documented set-up: a cache-line aligned direct buffer of capacity + trailer.
            UnsafeBuffer buffer = new UnsafeBuffer(
                    BufferUtil.allocateDirectAligned(ringBytes + RingBufferDescriptor.TRAILER_LENGTH, 64));
            ring = AGRONA_ONE_TO_ONE.equals(name) ? new OneToOneRingBuffer(buffer) : new ManyToOneRingBuffer(buffer);
            source = new UnsafeBuffer(BufferUtil.allocateDirectAligned(messageBytes, 64));
        }

        @Override
        public boolean write() {
            source.putLong(0, producer[SLOT]);
            if (ring.write(TYPE, source, 0, messageBytes)) {
                producer[SLOT]++;
                return true;
            }
            return false;
        }

        @Override
        public int read() {
            return ring.read(this);
        }

        @Override
        public void onMessage(int msgTypeId, MutableDirectBuffer buffer, int index, int length) {
            consumer[SLOT] += buffer.getLong(index);
        }
    }
}
