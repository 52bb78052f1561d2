/*
 * Copyright 2026 the Ferrum authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.ferrum.arena.internal;

import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;

/**
 * One chunk of arena memory plus its bump pointer: the only place in the module that does raw work
 * (a {@code reinterpret} and a {@code VarHandle} CAS). Everything else reads as ordinary Java.
 *
 * <p>Access-mode names follow the package vocabulary ({@code lv} = load volatile, {@code cas} = compare
 * and set with volatile semantics, {@code lp}/{@code sp} = plain load/store).
 */
public final class Chunk {

    private static final VarHandle TOP;

    static {
        try {
            TOP = MethodHandles.lookup().findVarHandle(Chunk.class, "top", long.class);
        } catch (ReflectiveOperationException e) {
            throw new ExceptionInInitializerError(e);
        }
    }

    /** The chunk's memory, scoped to the long-lived chunk arena (freed only by the owner's close()). */
    public final MemorySegment memory;
    /** Index in the owner's chunk table; stable for the chunk's life, encoded in offset handles. */
    public final int index;
    /** Usable size in bytes (== memory.byteSize()). */
    public final long bytes;
    /** Bump pointer: offset of the first free byte. Written plainly (confined) or by CAS (shared). */
    private long top;
    /** View of {@link #memory} scoped to the current generation's arena; what handed-out segments slice. */
    private MemorySegment view;

    public Chunk(MemorySegment memory, int index) {
        this.memory = memory;
        this.index = index;
        this.bytes = memory.byteSize();
        this.view = memory;
    }

    /** Plain load of the bump pointer (owner thread, or a quiescent shared arena). */
    public long lpTop() {
        return top;
    }

    /** Plain store of the bump pointer (owner thread, or a quiescent shared arena). */
    public void spTop(long newTop) {
        top = newTop;
    }

    /** Volatile load of the bump pointer; pairs with the volatile write of {@link #casTop}. */
    public long lvTop() {
        return (long) TOP.getVolatile(this);
    }

    /**
     * Claims {@code [expected, newTop)} if nobody moved the pointer meanwhile. Volatile semantics: a thread
     * that wins the CAS owns the claimed bytes exclusively, because every other claimant must observe
     * {@code newTop} (or later) before it can succeed. The bytes' contents need no ordering: nobody else
     * ever writes them until a reset, which the API requires to be quiescent.
     */
    public boolean casTop(long expected, long newTop) {
        return TOP.compareAndSet(this, expected, newTop);
    }

    /** The segment handed-out slices are cut from (the generation-scoped view, or the chunk itself). */
    public MemorySegment view() {
        return view;
    }

    /**
     * Re-scopes this chunk's view to {@code generation} so that every slice cut from it dies when that
     * arena closes. No restricted call when temporal safety is off ({@code generation == null}).
     */
    @SuppressWarnings("restricted") // reinterpret: the one re-scoping point, invariant in the SAFETY note
    public void rescope(Arena generation) {
        if (generation == null) {
            view = memory;
            return;
        }
        // SAFETY: reinterpret only changes the scope, not the address or size: the view covers exactly
        // this chunk's bytes, which stay allocated as long as the chunk arena is open. The owner closes
        // every generation arena before (or together with) the chunk arena, so a live view never outlives
        // the memory. No cleanup action: the memory is freed by the chunk arena, not by the generation.
        view = memory.reinterpret(generation, null);
    }

    /**
     * A slice of this chunk re-scoped to {@code scope} (or plain, scoped to the chunk arena, if null).
     *
     * @throws IndexOutOfBoundsException if {@code [offset, offset + size)} is not inside the chunk
     */
    @SuppressWarnings("restricted") // reinterpret: scope change only, invariant in the SAFETY note
    public MemorySegment slice(long offset, long size, Arena scope) {
        MemorySegment slice = memory.asSlice(offset, size); // bounds-checked against the chunk
        // SAFETY: same address and size as a checked slice of live chunk memory; only the scope changes, to
        // one the owner closes no later than the chunk arena (see rescope).
        return scope == null ? slice : slice.reinterpret(scope, null);
    }
}
