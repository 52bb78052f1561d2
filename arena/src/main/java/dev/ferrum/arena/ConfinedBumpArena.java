/*
 * Copyright 2026 the Ferrum authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.ferrum.arena;

import dev.ferrum.arena.internal.Chunk;
import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;

/**
 * The single-thread variant: the bump pointer, limit and view of the current chunk are cached in plain
 * fields, so the fast path is a thread check, align, compare, add with no atomics. Every allocation checks
 * that it runs on the owner (the creating thread) and throws {@link WrongThreadException} otherwise: without
 * that check two threads could bump the same plain fields and receive the same block. The chunks come from
 * {@link Arena#ofConfined()}, so other threads touching the memory get {@link WrongThreadException} from
 * FFM too, and reset, mark, rewind, stats and close check the thread as well.
 */
final class ConfinedBumpArena extends BumpArena {

    private final Thread owner;
    /** Current chunk's bump pointer (an offset); written back to the chunk when it stops being current. */
    private long top;
    /** Current chunk's size; -1 when there is no current chunk so every request takes the slow path. */
    private long limit = -1;
    /** What the handle fast path compares with: {@link #limit}, or -1 in an exact-bounds arena. */
    private long handleLimit = -1;
    /** The current chunk's generation-scoped view. */
    private MemorySegment view;
    /** genBits | index << INDEX_SHIFT of the current chunk. */
    private long handleBase;

    private int current = -1;
    private long wasted;

    ConfinedBumpArena(Builder b) {
        super(b);
        this.owner = Thread.currentThread();
    }

    @Override
    public long allocateOffset(long byteSize, long byteAlignment) {
        // Thread.currentThread() is an intrinsic (loads from the thread register): the confinement check is
        // two dependent loads and a compare per allocation. An exact-bounds arena never passes the limit
        // compare (handleLimit is -1), so its header path costs the default path nothing.
        if (Thread.currentThread() != owner
                || invalidRequest(byteSize, byteAlignment)
                || byteAlignment > CHUNK_ALIGNMENT) {
            return allocateOffsetSlow(byteSize, byteAlignment);
        }
        long t = top;
        long aligned = (t + byteAlignment - 1) & -byteAlignment; // round up: byteAlignment is a power of two
        if (aligned > handleLimit - byteSize) { // no overflow: limits, byteSize in -1..2^35
            return allocateOffsetSlow(byteSize, byteAlignment);
        }
        top = aligned + byteSize;
        wasted += aligned - t;
        return handleBase | aligned;
    }

    private long allocateOffsetSlow(long byteSize, long byteAlignment) {
        checkOwner();
        return exactBounds ? allocateExact(byteSize, byteAlignment) : allocateSlow(byteSize, byteAlignment);
    }

    @Override
    long allocateBlock(long byteSize, long byteAlignment) {
        // the plain handle path against the real limit, for allocateExact (owner already checked)
        if (invalidRequest(byteSize, byteAlignment) || byteAlignment > CHUNK_ALIGNMENT) {
            return allocateSlow(byteSize, byteAlignment);
        }
        long t = top;
        long aligned = (t + byteAlignment - 1) & -byteAlignment;
        if (aligned > limit - byteSize) {
            return allocateSlow(byteSize, byteAlignment);
        }
        top = aligned + byteSize;
        wasted += aligned - t;
        return handleBase | aligned;
    }

    @Override
    public MemorySegment allocate(long byteSize, long byteAlignment) {
        if (Thread.currentThread() != owner
                || invalidRequest(byteSize, byteAlignment)
                || byteAlignment > CHUNK_ALIGNMENT) {
            return segmentOfFresh(allocateSlowOwned(byteSize, byteAlignment), byteSize);
        }
        long t = top;
        long aligned = (t + byteAlignment - 1) & -byteAlignment;
        if (aligned > limit - byteSize) {
            return segmentOfFresh(allocateSlowOwned(byteSize, byteAlignment), byteSize);
        }
        top = aligned + byteSize;
        wasted += aligned - t;
        return view.asSlice(aligned, byteSize);
    }

    private MemorySegment segmentOfFresh(long handle, long byteSize) {
        // the slow path made the block's chunk current, so its view is the one to slice
        return view.asSlice(offsetOf(handle), byteSize);
    }

    private long allocateSlowOwned(long byteSize, long byteAlignment) {
        checkOwner();
        return allocateSlow(byteSize, byteAlignment);
    }

    private void checkOwner() {
        if (Thread.currentThread() != owner) {
            throw new WrongThreadException("confined BumpArena owned by " + owner + " used from "
                    + Thread.currentThread() + "; use BumpArena.ofShared() to share it");
        }
    }

    @Override
    long tryCurrent(long byteSize, long byteAlignment) {
        return NULL_HANDLE; // the fast path just failed on the same fields
    }

    @Override
    public void reset() {
        checkOwner();
        resetLocked();
    }

    @Override
    public Mark mark() {
        checkOwner();
        return markLocked();
    }

    @Override
    public void rewind(Mark mark) {
        checkOwner();
        rewindLocked(mark);
    }

    @Override
    public Stats stats() {
        checkOwner();
        return statsLocked();
    }

    @Override
    public void close() {
        checkOwner();
        closeLocked();
    }

    @Override
    public boolean isShared() {
        return false;
    }

    @Override
    Arena newArena() {
        return Arena.ofConfined();
    }

    @Override
    int currentIndex() {
        return current;
    }

    @Override
    long currentTop() {
        return top;
    }

    @Override
    void storeCurrentTop() {
        if (current >= 0) {
            chunks[current].spTop(tagBits | top);
        }
    }

    @Override
    void makeCurrent(int index) {
        current = index;
        if (index < 0) {
            top = 0;
            limit = -1;
            handleLimit = -1;
            view = null;
            handleBase = 0;
            return;
        }
        Chunk c = chunks[index];
        top = Chunk.offset(c.lpTop());
        limit = c.bytes;
        handleLimit = exactBounds ? -1 : c.bytes;
        view = c.view();
        handleBase = genBits | ((long) index << INDEX_SHIFT);
    }

    @Override
    long wastedBytes() {
        return wasted;
    }

    @Override
    void setWastedBytes(long wasted) {
        this.wasted = wasted;
    }

    @Override
    void addWasted(long bytes) {
        wasted += bytes;
    }
}
