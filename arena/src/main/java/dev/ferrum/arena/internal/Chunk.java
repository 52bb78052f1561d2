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
 * (two {@code reinterpret} call sites that change a scope only, {@link #rescope} and {@link #slice}, and a
 * {@code VarHandle} on the bump pointer). Everything else reads as ordinary Java.
 *
 * <p>The bump pointer is a <em>tagged word</em>: {@code [tag:28][offset:36]}. The offset is the first free
 * byte (chunks are at most 2<sup>35</sup> bytes). The tag is the owner's <em>epoch</em>, which changes at
 * every reset, mark and rewind; the owner rewrites the word of every chunk such an event touches. A shared
 * allocator that read the word under one epoch can therefore not win its CAS after the epoch changed: a
 * block claimed before a reset belongs to the old generation, never to the new one (no ABA unless 2<sup>28</sup>
 * events happen between one allocator's read and its CAS).
 *
 * <p>Access-mode names follow the vocabulary of this package (see {@code package-info}).
 */
public final class Chunk {

    /** Bits of the word that hold the offset; the tag sits above them. */
    public static final int TAG_SHIFT = 36;
    /** Mask of the offset part of a word. */
    public static final long OFFSET_MASK = (1L << TAG_SHIFT) - 1;
    /** Mask of an epoch before it is shifted into a word (28 bits). */
    public static final long EPOCH_MASK = (1L << (64 - TAG_SHIFT)) - 1;

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
    /** Tagged bump pointer {@code [tag:28][offset:36]}. Written plainly (confined) or by CAS (shared). */
    private long top;
    /** View of {@link #memory} scoped to the current generation's arena; what handed-out segments slice. */
    private MemorySegment view;

    public Chunk(MemorySegment memory, int index) {
        this.memory = memory;
        this.index = index;
        this.bytes = memory.byteSize();
        this.view = memory;
    }

    /** Returns the tag bits of epoch {@code epoch}, ready to be or-ed with an offset. */
    public static long tagBits(long epoch) {
        return (epoch & EPOCH_MASK) << TAG_SHIFT;
    }

    /** Returns the offset part of a word. */
    public static long offset(long word) {
        return word & OFFSET_MASK;
    }

    /** Returns the tag part of a word (still shifted). */
    public static long tag(long word) {
        return word & ~OFFSET_MASK;
    }

    /** {@code lp}: plain load of the word (owner thread, or the monitor holder of a shared arena). */
    public long lpTop() {
        return top;
    }

    /** {@code sp}: plain store of the word (confined owner thread only). */
    public void spTop(long word) {
        top = word;
    }

    /** {@code lv}: volatile load of the word; what a shared allocator reads before its CAS. */
    public long lvTop() {
        return (long) TOP.getVolatile(this);
    }

    /**
     * {@code sv}: volatile store of the word, used by the owner of a shared arena (under its monitor) to
     * retag a chunk: every allocator CAS that expects the old word fails from now on.
     */
    public void svTop(long word) {
        TOP.setVolatile(this, word);
    }

    /**
     * {@code cas}: claims {@code [offset(expected), offset(newWord))} if nobody moved or retagged the word
     * meanwhile. Volatile semantics: a thread that wins the CAS owns the claimed bytes exclusively, because
     * every other claimant must observe {@code newWord} (or later) before it can succeed, and an owner's
     * retag (reset, mark, rewind) changes the tag so that a CAS prepared before it fails. The bytes' contents
     * need no ordering: nobody else writes them until the claim's epoch ends.
     */
    public boolean casTop(long expected, long newWord) {
        return TOP.compareAndSet(this, expected, newWord);
    }

    /** The segment handed-out slices are cut from (the generation-scoped view, or the chunk itself). */
    public MemorySegment view() {
        return view;
    }

    /**
     * Re-scopes this chunk's view to {@code generation} so that every slice cut from it dies when that
     * arena closes. No restricted call when temporal safety is off ({@code generation == null}).
     */
    @SuppressWarnings("restricted") // reinterpret: re-scopes the view, invariant in the SAFETY note
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
