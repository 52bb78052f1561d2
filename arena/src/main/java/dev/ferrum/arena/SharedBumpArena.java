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
 * monitor and are meant for quiescent moments (no allocation concurrently, as Rust's {@code &mut self} would
 * force). If that rule is broken, blocks are still never handed out twice: the bump pointer is a tagged word
 * (see {@link Chunk}) and every such operation retags the chunks it touches, so an allocation that raced
 * with a reset either completed before it (its block belongs to the old generation: a stale handle, a dead
 * segment) or fails its CAS and retries in the new generation.
 */
final class SharedBumpArena extends BumpArena {

    /**
     * What the fast path needs of the current chunk, immutable and published as one reference: the chunk,
     * the tag its word carries in this epoch, the handle base and the view of this epoch. A CAS that succeeds
     * against {@code tag} proves that no reset, mark or rewind retagged the chunk since this object was made,
     * so the handle base and view are the ones of the claimed block's generation and scope.
     */
    private static final class Current {
        final Chunk chunk;
        final long tag;
        final long handleBase;
        final MemorySegment view;

        Current(Chunk chunk, long tag, long handleBase, MemorySegment view) {
            this.chunk = chunk;
            this.tag = tag;
            this.handleBase = handleBase;
            this.view = view;
        }
    }

    /** Stand-in for "no current chunk": its offset is beyond its size, so every fast path falls through. */
    private static final Current NONE = new Current(noChunk(), 0, 0, MemorySegment.NULL);

    /**
     * Written under the monitor after the chunk's word and view are set; the volatile write publishes them
     * to the fast path's volatile read.
     */
    private volatile Current current = NONE;
    /** Alignment padding; touched only when a request actually pads, so uniform workloads never contend. */
    private final LongAdder wasted = new LongAdder();

    SharedBumpArena(Builder b) {
        super(b);
    }

    private static Chunk noChunk() {
        Chunk c = new Chunk(MemorySegment.NULL, -1);
        c.svTop(1L << 35);
        return c;
    }

    @Override
    public long allocateOffset(long byteSize, long byteAlignment) {
        if (exactBounds) {
            return allocateExact(byteSize, byteAlignment);
        }
        return allocateBlock(byteSize, byteAlignment);
    }

    @Override
    long allocateBlock(long byteSize, long byteAlignment) {
        if (invalidRequest(byteSize, byteAlignment) || byteAlignment > CHUNK_ALIGNMENT) {
            return slow(byteSize, byteAlignment);
        }
        while (true) {
            Current cur = current; // volatile read: sees the chunk's word, view and handle base
            long offset = bump(cur, byteSize, byteAlignment);
            if (offset >= 0) {
                return cur.handleBase | offset;
            }
            synchronized (this) {
                if (current == cur) {
                    return allocateSlow(byteSize, byteAlignment);
                }
            }
            // another thread installed a chunk (or retagged) meanwhile: retry on it without the lock
        }
    }

    @Override
    public MemorySegment allocate(long byteSize, long byteAlignment) {
        if (invalidRequest(byteSize, byteAlignment) || byteAlignment > CHUNK_ALIGNMENT) {
            synchronized (this) {
                long handle = allocateSlow(byteSize, byteAlignment);
                return current.view.asSlice(offsetOf(handle), byteSize); // the slow path made it current
            }
        }
        while (true) {
            Current cur = current;
            long offset = bump(cur, byteSize, byteAlignment);
            if (offset >= 0) {
                return cur.view.asSlice(offset, byteSize);
            }
            synchronized (this) {
                if (current == cur) {
                    long handle = allocateSlow(byteSize, byteAlignment);
                    // Under the monitor the block is in the chunk that is current now (tryCurrent or carve).
                    return current.view.asSlice(offsetOf(handle), byteSize);
                }
            }
        }
    }

    /**
     * CAS-bumps the chunk of {@code cur}; returns the block's offset, or -1 if the request does not fit or
     * the chunk was retagged since {@code cur} was published (then {@code cur} is stale).
     */
    private long bump(Current cur, long byteSize, long byteAlignment) {
        Chunk c = cur.chunk;
        long tag = cur.tag;
        while (true) {
            long word = c.lvTop();
            if (Chunk.tag(word) != tag) {
                return -1;
            }
            long t = Chunk.offset(word);
            long aligned = (t + byteAlignment - 1) & -byteAlignment;
            if (aligned > c.bytes - byteSize) {
                return -1;
            }
            if (c.casTop(word, tag | (aligned + byteSize))) {
                if (aligned != t) {
                    wasted.add(aligned - t);
                }
                return aligned;
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
        Current cur = current;
        long offset = bump(cur, byteSize, byteAlignment);
        return offset < 0 ? NULL_HANDLE : cur.handleBase | offset;
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
        return current.chunk.index;
    }

    @Override
    long currentTop() {
        return Chunk.offset(current.chunk.lvTop());
    }

    @Override
    void storeCurrentTop() {
        // the top lives in the chunk itself
    }

    @Override
    void makeCurrent(int index) {
        if (index < 0) {
            current = NONE;
            return;
        }
        Chunk c = chunks[index];
        // volatile write: publishes the chunk's word (written with tagBits) and view to the fast path
        current = new Current(c, tagBits, genBits | ((long) index << INDEX_SHIFT), c.view());
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

    @Override
    void addWasted(long bytes) {
        wasted.add(bytes);
    }
}
