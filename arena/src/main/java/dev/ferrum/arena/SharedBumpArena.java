/*
 * Copyright 2026 the Ferrum authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.ferrum.arena;

import dev.ferrum.arena.internal.Chunk;
import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.util.concurrent.atomic.LongAdder;

/**
 * The thread-safe variant: allocation is a CAS loop on the current chunk's bump pointer (lock-free; a
 * failed CAS means another thread allocated, so the system made progress). Installing a new chunk takes
 * the arena's monitor, so only one thread grows the arena; the others retry on the chunk it publishes.
 * Chunks and generation scopes come from {@link Arena#ofShared()}, so blocks may be accessed from any thread.
 * {@link #reset()}, {@link #mark()}, {@link #rewind(Mark)}, {@link #stats()} and {@link #close()} take the
 * monitor but still require that no allocation runs concurrently (their callers must be quiescent, as Rust's
 * {@code &mut self} would force).
 */
final class SharedBumpArena extends BumpArena {

    /** Stand-in for "no current chunk": its top is beyond its size, so every fast path falls through. */
    private static final Chunk NO_CHUNK = noChunk();

    /**
     * The chunk allocations bump in. Written under the monitor after the chunk's top and view are set;
     * the volatile write publishes them to the fast path's volatile read (release/acquire pair).
     */
    private volatile Chunk current = NO_CHUNK;
    /** Alignment padding; touched only when a request actually pads, so uniform workloads never contend. */
    private final LongAdder wasted = new LongAdder();

    SharedBumpArena(Builder b) {
        super(b);
    }

    private static Chunk noChunk() {
        Chunk c = new Chunk(MemorySegment.NULL, -1);
        c.spTop(1L << 40);
        return c;
    }

    @Override
    public long allocateOffset(long byteSize, long byteAlignment) {
        if (invalidRequest(byteSize, byteAlignment) || byteAlignment > CHUNK_ALIGNMENT) {
            return slow(byteSize, byteAlignment);
        }
        while (true) {
            Chunk c = current; // LoadLoad: sees c's top and view
            long handle = bump(c, byteSize, byteAlignment);
            if (handle != NULL_HANDLE) {
                return handle;
            }
            synchronized (this) {
                if (current == c) {
                    return allocateSlow(byteSize, byteAlignment);
                }
            }
            // another thread installed a chunk meanwhile: retry on it without the lock
        }
    }

    @Override
    public MemorySegment allocate(long byteSize, long byteAlignment) {
        long handle = allocateOffset(byteSize, byteAlignment);
        Chunk c = chunks[(int) (handle >>> INDEX_SHIFT) & INDEX_MASK];
        return c.view().asSlice(offsetOf(handle), byteSize);
    }

    /** CAS-bumps {@code c}; {@link #NULL_HANDLE} if the request does not fit. */
    private long bump(Chunk c, long byteSize, long byteAlignment) {
        while (true) {
            long t = c.lvTop();
            long aligned = (t + byteAlignment - 1) & -byteAlignment;
            if (aligned > c.bytes - byteSize) {
                return NULL_HANDLE;
            }
            if (c.casTop(t, aligned + byteSize)) {
                if (aligned != t) {
                    wasted.add(aligned - t);
                }
                return genBits | ((long) c.index << INDEX_SHIFT) | aligned;
            }
        }
    }

    private long slow(long byteSize, long byteAlignment) {
        synchronized (this) {
            return allocateSlow(byteSize, byteAlignment);
        }
    }

    @Override
    long tryCurrent(long byteSize, long byteAlignment) {
        return bump(current, byteSize, byteAlignment);
    }

    @Override
    public synchronized void reset() {
        resetLocked();
    }

    @Override
    public synchronized Mark mark() {
        return markLocked();
    }

    @Override
    public synchronized void rewind(Mark mark) {
        rewindLocked(mark);
    }

    @Override
    public synchronized Stats stats() {
        return statsLocked();
    }

    @Override
    public synchronized void close() {
        closeLocked();
    }

    @Override
    public boolean isShared() {
        return true;
    }

    @Override
    Arena newArena() {
        return Arena.ofShared();
    }

    @Override
    int currentIndex() {
        return current.index;
    }

    @Override
    long currentTop() {
        return current.lvTop();
    }

    @Override
    void storeCurrentTop() {
        // the top lives in the chunk itself
    }

    @Override
    void makeCurrent(int index) {
        current = index < 0 ? NO_CHUNK : chunks[index]; // StoreStore: publishes top and view
    }

    @Override
    long wastedBytes() {
        return wasted.sum();
    }

    @Override
    void setWastedBytes(long bytes) {
        wasted.reset();
        wasted.add(bytes);
    }
}
