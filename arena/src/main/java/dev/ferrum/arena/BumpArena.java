/*
 * Copyright 2026 the Ferrum authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.ferrum.arena;

import dev.ferrum.arena.internal.Chunk;
import java.lang.foreign.Arena;
import java.lang.foreign.MemoryLayout;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.SegmentAllocator;
import java.lang.foreign.ValueLayout;
import java.util.Arrays;
import java.util.Objects;

/**
 * An off-heap bump allocator: memory comes from big {@link MemorySegment} chunks, each allocation aligns a
 * pointer up ({@code (p + a - 1) & -a}), compares it with the chunk's end and bumps it; everything is freed
 * at once by {@link #reset()} (keeps the chunks) or {@link #close()} (returns them). The design follows
 * Rust's <a href="https://docs.rs/bumpalo">bumpalo</a>: chunks double in size up to a cap, a request bigger
 * than the cap gets an exactly-sized chunk of its own, the slow path (new chunk) is kept out of the inlined
 * fast path.
 *
 * <h2>Two ways to allocate</h2>
 * <ul>
 *   <li>{@link #allocate(long, long)} ({@link SegmentAllocator}) returns a {@link MemorySegment}: convenient,
 *       plugs into every FFM API that takes an allocator, costs one small segment object per call.</li>
 *   <li>{@link #allocateOffset(long, long)} returns a {@code long} <em>handle</em> (generation, chunk index,
 *       offset) read and written through {@link #getLong(long, long)} and friends: a million allocations
 *       create no Java objects.</li>
 * </ul>
 *
 * <h2>Lifetime of what is handed out (temporal safety)</h2>
 * With temporal safety on (the default), every segment returned by {@link #allocate(long, long)} is scoped
 * to the current <em>generation</em>: {@link #reset()}, {@link #close()} and a {@link #rewind(Mark)} past it
 * end that generation, and any later access through such a segment throws {@link IllegalStateException}
 * instead of silently reading data allocated afterwards. Handles from {@link #allocateOffset} carry a 12-bit
 * reset generation checked by every accessor: a handle from before a {@code reset()} or {@code close()}
 * throws {@code IllegalStateException}. (Limits: a handle is not invalidated by {@code rewind}, and the
 * generation tag wraps after 4096 resets; in both cases the access stays inside arena memory.)
 * With {@link Builder#temporalSafety(boolean) temporalSafety(false)} segments are plain slices of their
 * chunk, valid until {@code close()}; after a {@code reset()} they alias new allocations, exactly like a
 * dangling {@code &T} that Rust's borrow checker would have rejected.
 *
 * <h2>Threads</h2>
 * <ul>
 *   <li>{@link #ofConfined()}: one owner thread (the creator) allocates and touches the memory; fastest.
 *       Other threads get {@link WrongThreadException}, from every allocation as well as from every access. Rust: a {@code Bump} that is {@code Send} but not
 *       {@code Sync}.</li>
 *   <li>{@link #ofShared()}: any thread may allocate concurrently (lock-free CAS on the chunk's bump pointer,
 *       a lock only to install a new chunk) and access the memory. {@link #reset()}, {@link #mark()},
 *       {@link #rewind(Mark)}, {@link #stats()} and {@link #close()} require quiescence: no allocation should
 *       run concurrently with them (Rust needs {@code &mut Bump} for reset). If that rule is broken, blocks
 *       are still never handed out twice: an allocation racing a reset belongs to the old generation (stale
 *       handle, dead segment) or retries in the new one.</li>
 * </ul>
 * Use the confined arena for per-request, per-frame or per-pass scratch memory on one thread; use the shared
 * one when several threads build blocks others read, and reset it rarely (or build it with
 * {@code temporalSafety(false)} and use handles). An arena that is only used through handles can always be
 * built with {@code temporalSafety(false)}: handles carry their own generation check.
 *
 * <h2>Failures are all or nothing</h2>
 * FFM cannot close a scope while one of its segments is in use by a downcall or an I/O operation that has not
 * returned. {@link #reset()}, {@link #rewind(Mark)} and {@link #close()} close their scopes before changing
 * anything; if FFM refuses, they throw {@link IllegalStateException} and the arena is as before (generation,
 * marks, allocation position, chunks, stats; a failed {@code close()} leaves it open), and a later call does
 * the whole job. Caveat: with marks outstanding, segments of marks newer than the in-use segment's may already
 * be dead (FFM closes one scope at a time; the arena gives those levels fresh scopes).
 *
 * <h2>Handle checks</h2>
 * Handle accessors check the handle's generation and chunk and keep the access inside that chunk; they do not
 * check the block unless the arena was built with {@link Builder#exactHandleBounds(boolean)}.
 *
 * <h2>Complexity</h2>
 * Allocation is O(1) (amortized; the slow path allocates a chunk). {@code reset()} and {@code rewind} are
 * O(chunks) plus, with temporal safety, the cost of closing one {@link Arena} per generation (for shared
 * arenas a handshake with every thread, microseconds). {@code close()} frees all chunks.
 *
 * <p>Exceptions: {@link IllegalArgumentException} for a negative size, an alignment that is not a positive
 * power of two, or a handle naming a chunk this arena does not have (handles are not tagged with their
 * arena: a handle of another arena that happens to name an existing chunk reads this arena's memory, inside
 * that chunk's bounds); {@link ArenaExhaustedException} when the hard limit
 * ({@link Builder#limitBytes(long)}) would be exceeded; {@link IllegalStateException} after {@code close()}
 * or for a stale handle/mark.
 */
public abstract sealed class BumpArena implements SegmentAllocator, AutoCloseable
        permits ConfinedBumpArena, SharedBumpArena {

    /** Chunks are aligned to a page, so any alignment up to 4096 is served from a chunk's bump pointer. */
    public static final long CHUNK_ALIGNMENT = 4096;
    /** The largest chunk (and so the largest single request) a handle can address: 32 GiB. */
    public static final long MAX_CHUNK_BYTES = 1L << 35;
    /** A handle value that no allocation ever returns; use it as "null" in linked structures. */
    public static final long NULL_HANDLE = -1L;

    /** Default first-chunk size. */
    public static final long DEFAULT_CHUNK_BYTES = 64 * 1024;
    /** Default cap for doubling chunk sizes. */
    public static final long DEFAULT_MAX_CHUNK_BYTES = 16 * 1024 * 1024;

    // Handle layout: [generation:12][chunk index:16][offset:36]. Offsets stay below MAX_CHUNK_BYTES = 2^35,
    // so NULL_HANDLE (all ones) can never be produced.
    static final int GEN_SHIFT = 52;
    static final int INDEX_SHIFT = 36;
    static final long OFFSET_MASK = (1L << INDEX_SHIFT) - 1;
    static final int INDEX_MASK = 0xFFFF;
    /** Index 0xFFFF is never used, so no handle's generation+index bits equal {@link #NULL_HANDLE}'s. */
    static final int MAX_CHUNKS = INDEX_MASK;

    static final int GEN_MASK = 0xFFF;

    final boolean temporalSafety;
    /** Handles carry a size header and every handle access is checked against its block. */
    final boolean exactBounds;

    final long maxChunkBytes;
    final long limitBytes;
    /** Long-lived arena owning every chunk; closed only by {@link #close()}. */
    final Arena chunkArena;

    Chunk[] chunks = new Chunk[8];
    int chunkCount;
    long reservedBytes;
    long nextChunkBytes;
    long highWaterMark;
    boolean closed;

    /** Number of resets (and the close); its low 12 bits tag handles. */
    int generation;
    /** {@code (generation & GEN_MASK) << GEN_SHIFT}: the tag every handle of this generation carries. */
    long genBits;

    /**
     * Counts reset, mark, rewind and close; chunk words written since the last such event carry
     * {@link #tagBits} (see {@link Chunk}), so a shared allocator's CAS prepared before it fails.
     */
    long epoch;
    /** {@code Chunk.tagBits(epoch)}. */
    long tagBits;

    /** scopes[0] is the generation's base scope, scopes[k] the scope opened by the k-th active mark. */
    Arena[] scopes = new Arena[4];

    long[] markIds = new long[4];
    int depth;
    long nextMarkId = 1;

    BumpArena(Builder b) {
        this.temporalSafety = b.temporalSafety;
        this.exactBounds = b.exactBounds;
        this.maxChunkBytes = b.maxChunkBytes;
        this.limitBytes = b.limitBytes;
        this.nextChunkBytes = b.chunkBytes;
        this.chunkArena = newArena();
        if (temporalSafety) {
            scopes[0] = newArena();
        }
    }

    // ------------------------------------------------------------------------------------------------
    // Factories

    /** Returns a single-thread arena with default sizes and temporal safety (the fastest variant). */
    public static BumpArena ofConfined() {
        return builder().build();
    }

    /** Returns a thread-safe arena with default sizes and temporal safety; its memory is accessible from any thread. */
    public static BumpArena ofShared() {
        return builder().shared(true).build();
    }

    /** Returns a builder for chunk sizes, hard limit, confinement and temporal safety. */
    public static Builder builder() {
        return new Builder();
    }

    /** Configures a {@link BumpArena}. Not thread-safe; reusable. */
    public static final class Builder {
        private long chunkBytes = DEFAULT_CHUNK_BYTES;
        private long maxChunkBytes = DEFAULT_MAX_CHUNK_BYTES;
        private long limitBytes = Long.MAX_VALUE;
        private boolean shared;
        private boolean temporalSafety = true;
        private boolean exactBounds;

        private Builder() {}

        /**
         * Sets the size of the first chunk.
         * @param bytes size of the first chunk, 1..{@link #MAX_CHUNK_BYTES}; later chunks double up to
         *              {@link #maxChunkBytes(long)}
         * @return this builder
         */
        public Builder chunkBytes(long bytes) {
            this.chunkBytes = checkChunkSize("chunkBytes", bytes);
            return this;
        }

        /**
         * Sets the cap for doubling chunk sizes.
         * @param bytes cap for doubling chunk sizes, 1..{@link #MAX_CHUNK_BYTES}; a request larger than the
         *              cap gets an exactly-sized chunk
         * @return this builder
         */
        public Builder maxChunkBytes(long bytes) {
            this.maxChunkBytes = checkChunkSize("maxChunkBytes", bytes);
            return this;
        }

        /**
         * Sets a hard limit on the bytes reserved for chunks.
         * @param bytes hard limit on the bytes reserved for chunks (over all chunks); a request that would
         *              exceed it fails with {@link ArenaExhaustedException}. Positive.
         * @return this builder
         */
        public Builder limitBytes(long bytes) {
            if (bytes <= 0) {
                throw new IllegalArgumentException("limitBytes must be positive, got " + bytes);
            }
            this.limitBytes = bytes;
            return this;
        }

        /**
         * Chooses the thread-safe or the thread-confined variant.
         * @param shared {@code true} for the thread-safe variant (chunks from {@link Arena#ofShared()}),
         *               {@code false} (default) for the single-thread one
         * @return this builder
         */
        public Builder shared(boolean shared) {
            this.shared = shared;
            return this;
        }

        /**
         * Turns temporal safety (segments die at reset, rewind and close) on or off.
         * @param on {@code true} (default): segments die at reset/rewind/close; {@code false}: segments are
         *           plain chunk slices valid until close (cheaper reset, no use-after-reset detection)
         * @return this builder
         */
        public Builder temporalSafety(boolean on) {
            this.temporalSafety = on;
            return this;
        }

        /**
         * Turns exact per-block bounds checks on handle accessors on or off.
         * @param on {@code false} (default): handle accessors check the handle's generation and chunk and keep
         *           the access inside that chunk, but not inside the block (an offset past the block reads its
         *           neighbour); {@code true}: every handle block carries an 8-byte size header (plus padding
         *           to the block's alignment) and every handle access and {@link #segment(long, long)} is
         *           checked against the block's exact bounds ({@link IndexOutOfBoundsException}). Costs the
         *           header per handle allocation and one more load per access; the segment path is exact
         *           either way.
         * @return this builder
         */
        public Builder exactHandleBounds(boolean on) {
            this.exactBounds = on;
            return this;
        }

        /** Returns a new arena; no memory is reserved until the first allocation. */
        public BumpArena build() {
            if (chunkBytes > maxChunkBytes) {
                throw new IllegalArgumentException(
                        "chunkBytes " + chunkBytes + " exceeds maxChunkBytes " + maxChunkBytes);
            }
            return shared ? new SharedBumpArena(this) : new ConfinedBumpArena(this);
        }

        private static long checkChunkSize(String what, long bytes) {
            if (bytes <= 0 || bytes > MAX_CHUNK_BYTES) {
                throw new IllegalArgumentException(what + " must be in 1.." + MAX_CHUNK_BYTES + ", got " + bytes);
            }
            return bytes;
        }
    }

    // ------------------------------------------------------------------------------------------------
    // Allocation API (fast paths live in the subclasses)

    /**
     * Allocates {@code byteSize} bytes aligned to {@code byteAlignment} and returns a segment over them.
     * The contents are not zeroed (they may hold data from before a reset). The segment is valid until the
     * generation ends (see the class comment); it is confined like the arena.
     *
     * @throws IllegalArgumentException if {@code byteSize < 0} or the alignment is not a power of two
     * @throws ArenaExhaustedException  if the hard limit would be exceeded
     * @throws IllegalStateException    if the arena is closed
     */
    @Override
    public abstract MemorySegment allocate(long byteSize, long byteAlignment);

    /**
     * Allocates like {@link #allocate(long, long)} but returns a handle instead of a segment, creating no
     * object. Read and write through the accessors ({@link #getLong(long, long)} ...), or convert with
     * {@link #segment(long, long)}. Handles of a zero-size request are valid but address no bytes.
     *
     * @return a handle, never {@link #NULL_HANDLE}
     * @throws IllegalArgumentException if {@code byteSize < 0} or the alignment is not a power of two
     * @throws ArenaExhaustedException  if the hard limit would be exceeded
     * @throws IllegalStateException    if the arena is closed
     */
    public abstract long allocateOffset(long byteSize, long byteAlignment);

    /**
     * Allocates room for one {@code layout} (size and alignment from the layout, so a
     * {@link java.lang.foreign.StructLayout} built with {@link ReprC#struct} gets C's padding) and returns
     * its handle.
     *
     * @param layout what to make room for
     * @return a handle to {@code layout.byteSize()} bytes aligned to {@code layout.byteAlignment()}
     */
    public final long allocateOffset(MemoryLayout layout) {
        return allocateOffset(layout.byteSize(), layout.byteAlignment());
    }

    /**
     * Forgets every allocation and keeps the chunks for reuse. With temporal safety, every segment handed
     * out so far becomes inaccessible; every handle becomes stale. Outstanding marks are released.
     * Shared arenas: meant for quiescent moments (see the class comment).
     *
     * @throws IllegalStateException if the arena is closed, or if a segment of the arena is in use by a
     *     downcall or I/O operation (then nothing was released)
     */
    public abstract void reset();

    /**
     * Remembers the current allocation position for {@link #rewind(Mark)}; marks nest like a stack.
     * With temporal safety, segments allocated after this mark die at the rewind.
     *
     * @return a token for {@link #rewind(Mark)}
     */
    public abstract Mark mark();

    /**
     * Releases everything allocated since {@code mark} (and the mark itself, and any marks taken after it).
     *
     * @param mark a mark of this arena, of the current generation, not released yet
     * @throws IllegalArgumentException if the mark belongs to another arena
     * @throws IllegalStateException    if the mark was already released (by a rewind or reset), or if a
     *     segment allocated since the mark is in use by a downcall or I/O operation (then nothing was released)
     */
    public abstract void rewind(Mark mark);

    /** Returns a snapshot of the counters; exact when no allocation runs concurrently. */
    public abstract Stats stats();

    /**
     * Frees every chunk. Every segment handed out and every handle becomes inaccessible
     * ({@link IllegalStateException}); further allocation throws {@link IllegalStateException}. Idempotent
     * once it succeeded.
     *
     * @throws IllegalStateException if a segment of the arena is in use by a downcall or I/O operation; the
     *     arena then stays open and unchanged, and a later {@code close()} frees everything
     */
    @Override
    public abstract void close();

    /** Returns {@code true} for the thread-safe variant. */
    public abstract boolean isShared();

    /** Returns whether segments die at reset/rewind (see {@link Builder#temporalSafety(boolean)}). */
    public final boolean hasTemporalSafety() {
        return temporalSafety;
    }

    /**
     * A position in the arena, for {@link BumpArena#rewind(Mark)}. Opaque; valid until rewound past or
     * until the arena is reset or closed.
     */
    public static final class Mark {
        final BumpArena arena;
        final int generation;
        final int depth;
        final long id;
        final int chunk;
        final long top;
        final long wasted;

        Mark(BumpArena arena, int generation, int depth, long id, int chunk, long top, long wasted) {
            this.arena = arena;
            this.generation = generation;
            this.depth = depth;
            this.id = id;
            this.chunk = chunk;
            this.top = top;
            this.wasted = wasted;
        }

        @Override
        public String toString() {
            return "Mark[generation=" + generation + ", depth=" + depth + ", chunk=" + chunk + ", offset=" + top + "]";
        }
    }

    /**
     * Counters of an arena.
     *
     * @param bytesAllocated bytes handed out since the last reset (sum of requested sizes)
     * @param bytesWasted    bytes skipped to satisfy alignment since the last reset
     * @param chunks         chunks reserved
     * @param highWaterMark  the most bytes ever in use at once (allocated plus alignment waste)
     * @param reservedBytes  bytes reserved in chunks (what the hard limit counts)
     */
    public record Stats(long bytesAllocated, long bytesWasted, int chunks, long highWaterMark, long reservedBytes) {

        /** Returns bytes in use now: allocated plus alignment waste. */
        public long bytesInUse() {
            return bytesAllocated + bytesWasted;
        }
    }

    // ------------------------------------------------------------------------------------------------
    // Handle accessors
    //
    // What every accessor checks: the handle's generation (a handle from before a reset or close throws
    // IllegalStateException), its chunk index (IllegalArgumentException for a chunk this arena does not
    // have) and, through the chunk's segment, that [block + offset, block + offset + width) lies inside
    // the handle's chunk (IndexOutOfBoundsException). By default it does NOT check the block: the arena
    // keeps no per-block size, so getLong(h, -16) or getLong(h, size) read a neighbouring block of the same
    // chunk (never memory outside the arena). Build with exactHandleBounds(true) for exact checks: the
    // block's size is then stored in a header just below the block and every access is checked against it.

    /** Returns the byte at {@code offset} inside the block {@code handle}. */
    public final byte getByte(long handle, long offset) {
        return memoryOf(handle, offset, 1).get(ValueLayout.JAVA_BYTE, offsetOf(handle) + offset);
    }

    /** Stores a byte at {@code offset} inside the block {@code handle}. */
    public final void putByte(long handle, long offset, byte value) {
        memoryOf(handle, offset, 1).set(ValueLayout.JAVA_BYTE, offsetOf(handle) + offset, value);
    }

    /** Returns the (possibly unaligned) short at {@code offset} inside the block {@code handle}. */
    public final short getShort(long handle, long offset) {
        return memoryOf(handle, offset, 2).get(ValueLayout.JAVA_SHORT_UNALIGNED, offsetOf(handle) + offset);
    }

    /** Stores a (possibly unaligned) short at {@code offset} inside the block {@code handle}. */
    public final void putShort(long handle, long offset, short value) {
        memoryOf(handle, offset, 2).set(ValueLayout.JAVA_SHORT_UNALIGNED, offsetOf(handle) + offset, value);
    }

    /** Returns the (possibly unaligned) int at {@code offset} inside the block {@code handle}. */
    public final int getInt(long handle, long offset) {
        return memoryOf(handle, offset, 4).get(ValueLayout.JAVA_INT_UNALIGNED, offsetOf(handle) + offset);
    }

    /** Stores a (possibly unaligned) int at {@code offset} inside the block {@code handle}. */
    public final void putInt(long handle, long offset, int value) {
        memoryOf(handle, offset, 4).set(ValueLayout.JAVA_INT_UNALIGNED, offsetOf(handle) + offset, value);
    }

    /** Returns the (possibly unaligned) long at {@code offset} inside the block {@code handle}. */
    public final long getLong(long handle, long offset) {
        return memoryOf(handle, offset, 8).get(ValueLayout.JAVA_LONG_UNALIGNED, offsetOf(handle) + offset);
    }

    /** Stores a (possibly unaligned) long at {@code offset} inside the block {@code handle}. */
    public final void putLong(long handle, long offset, long value) {
        memoryOf(handle, offset, 8).set(ValueLayout.JAVA_LONG_UNALIGNED, offsetOf(handle) + offset, value);
    }

    /** Returns the (possibly unaligned) float at {@code offset} inside the block {@code handle}. */
    public final float getFloat(long handle, long offset) {
        return memoryOf(handle, offset, 4).get(ValueLayout.JAVA_FLOAT_UNALIGNED, offsetOf(handle) + offset);
    }

    /** Stores a (possibly unaligned) float at {@code offset} inside the block {@code handle}. */
    public final void putFloat(long handle, long offset, float value) {
        memoryOf(handle, offset, 4).set(ValueLayout.JAVA_FLOAT_UNALIGNED, offsetOf(handle) + offset, value);
    }

    /** Returns the (possibly unaligned) double at {@code offset} inside the block {@code handle}. */
    public final double getDouble(long handle, long offset) {
        return memoryOf(handle, offset, 8).get(ValueLayout.JAVA_DOUBLE_UNALIGNED, offsetOf(handle) + offset);
    }

    /** Stores a (possibly unaligned) double at {@code offset} inside the block {@code handle}. */
    public final void putDouble(long handle, long offset, double value) {
        memoryOf(handle, offset, 8).set(ValueLayout.JAVA_DOUBLE_UNALIGNED, offsetOf(handle) + offset, value);
    }

    /**
     * The block of a handle as a segment of {@code byteSize} bytes. With temporal safety the segment dies
     * at the next reset or close (not at a rewind: a handle does not know which mark it was allocated under).
     *
     * @param handle   a handle of this arena and generation
     * @param byteSize the block's size (as allocated, or less)
     * @return a segment over the block
     * @throws IndexOutOfBoundsException if {@code byteSize} reaches past the handle's chunk (with
     *     {@link Builder#exactHandleBounds(boolean) exactHandleBounds}: past the handle's block)
     */
    public final MemorySegment segment(long handle, long byteSize) {
        Chunk c = chunkOf(handle);
        if (exactBounds) {
            checkInBlock(c, handle, 0, byteSize);
        }
        return c.slice(offsetOf(handle), byteSize, temporalSafety ? scopes[0] : null);
    }

    /**
     * The native address of a handle's block, for passing to native code. The address stays valid until
     * close (after a reset it points at whatever is allocated there next).
     *
     * @param handle a handle of this arena and generation
     * @return the block's address
     */
    public final long address(long handle) {
        return chunkOf(handle).memory.address() + offsetOf(handle);
    }

    static long offsetOf(long handle) {
        return handle & OFFSET_MASK;
    }

    /** The generation and chunk bits of a handle: equal for two handles iff they share a chunk. */
    static long chunkBitsOf(long handle) {
        return handle & ~OFFSET_MASK;
    }

    // ------------------------------------------------------------------------------------------------
    // Walking many handles of one chunk (e.g. a linked structure whose nodes were allocated together)

    /**
     * The whole chunk a handle's block lies in, for loops that visit many handles of one chunk and want to
     * check the handle once per chunk instead of once per access: read the block at
     * {@link #chunkOffset(long) chunkOffset(h)} of this segment, and stay in the loop while
     * {@link #sameChunk(long, long)} holds. Accesses are bounded by the chunk, not by the block (also in an
     * exact-bounds arena). With temporal safety the segment dies at the next reset or close, like the
     * handle; without it, at close.
     *
     * @param handle a handle of this arena and generation
     * @return a segment over the handle's chunk
     */
    public final MemorySegment chunkSegment(long handle) {
        Chunk c = chunkOf(handle);
        return c.slice(0, c.bytes, temporalSafety ? scopes[0] : null);
    }

    /**
     * Returns the offset of a handle's block in its chunk.
     *
     * @param handle a handle
     * @return the offset of the handle's block in its chunk (see {@link #chunkSegment(long)}). Two handles
     *     of one chunk differ by exactly the difference of their offsets.
     */
    public static long chunkOffset(long handle) {
        return handle & OFFSET_MASK;
    }

    /**
     * Returns whether two handles name the same chunk of the same generation ({@link #NULL_HANDLE} shares a chunk with no handle).
     */
    public static boolean sameChunk(long a, long b) {
        return ((a ^ b) & ~OFFSET_MASK) == 0;
    }

    /** The chunk memory a handle access goes to, after the checks described at "Handle accessors". */
    private MemorySegment memoryOf(long handle, long offset, long width) {
        Chunk c = chunkOf(handle);
        if (exactBounds) {
            checkInBlock(c, handle, offset, width);
        }
        return c.memory;
    }

    /** Bytes of the size header below every handle block of an exact-bounds arena. */
    static final long HEADER_BYTES = 8;

    private static void checkInBlock(Chunk c, long handle, long offset, long width) {
        long at = offsetOf(handle);
        if (at < HEADER_BYTES) {
            throw new IllegalArgumentException("handle 0x" + Long.toHexString(handle) + " is not a block of this"
                    + " exact-bounds arena (no size header below offset " + at + ")");
        }
        long size = c.memory.get(ValueLayout.JAVA_LONG_UNALIGNED, at - HEADER_BYTES);
        if (offset < 0 || offset > size - width) {
            throw new IndexOutOfBoundsException("access of " + width + " bytes at offset " + offset + " is outside the "
                    + size + "-byte block of handle 0x" + Long.toHexString(handle));
        }
    }

    /**
     * The handle path of an exact-bounds arena: the block is preceded by an 8-byte size header, placed
     * {@code max(alignment, 8)} bytes below it so that the block keeps its alignment. The header bytes count
     * as waste in {@link #stats()}.
     */
    final long allocateExact(long byteSize, long byteAlignment) {
        if (invalidRequest(byteSize, byteAlignment)) {
            throw invalidRequestException(byteSize, byteAlignment);
        }
        long header = Math.max(byteAlignment, HEADER_BYTES);
        if (byteSize > MAX_CHUNK_BYTES - header) {
            throw new IllegalArgumentException("request of " + byteSize + " bytes plus its " + header
                    + "-byte size header exceeds the largest chunk an arena can address (" + MAX_CHUNK_BYTES
                    + " bytes)");
        }
        // header is a multiple of byteAlignment (both powers of two, header >= byteAlignment), so the block
        // at raw + header keeps the alignment; raw's block spans header + byteSize bytes of one chunk, so
        // adding header to the offset bits cannot carry into the chunk bits.
        long handle = allocateBlock(byteSize + header, byteAlignment) + header;
        chunkOf(handle).memory.set(ValueLayout.JAVA_LONG_UNALIGNED, offsetOf(handle) - HEADER_BYTES, byteSize);
        addWasted(header);
        return handle;
    }

    /** The variant's plain handle path (no header): validates, bumps, falls back to the slow path. */
    abstract long allocateBlock(long byteSize, long byteAlignment);

    abstract void addWasted(long bytes);

    private Chunk chunkOf(long handle) {
        if ((handle & ~((1L << GEN_SHIFT) - 1)) != genBits) {
            throw staleHandle(handle);
        }
        int index = (int) (handle >>> INDEX_SHIFT) & INDEX_MASK;
        if (index >= chunkCount) {
            throw new IllegalArgumentException("handle 0x" + Long.toHexString(handle) + " names chunk " + index
                    + " but the arena has " + chunkCount + " chunks");
        }
        return chunks[index];
    }

    private RuntimeException staleHandle(long handle) {
        if (handle == NULL_HANDLE) {
            return new IllegalArgumentException("NULL_HANDLE dereferenced");
        }
        if (closed) {
            return new IllegalStateException("arena is closed: handle 0x" + Long.toHexString(handle) + " is dead");
        }
        return new IllegalStateException("stale handle 0x" + Long.toHexString(handle) + ": allocated in generation "
                + (handle >>> GEN_SHIFT) + " (mod 4096), the arena was reset since (now generation "
                + (generation & GEN_MASK) + ")");
    }

    // ------------------------------------------------------------------------------------------------
    // Shared machinery. Callers own the arena (confined: owner thread; shared: hold the lock, or quiescent).

    /** Returns an arena of the variant's confinement (chunk arena, generation scopes). */
    abstract Arena newArena();

    /** Index of the current chunk, or -1 when there is none (fresh, after reset, after close). */
    abstract int currentIndex();

    /** Bump pointer of the current chunk (only if currentIndex() >= 0). */
    abstract long currentTop();

    /** Writes a cached bump pointer back into its chunk (confined caches it in fields). */
    abstract void storeCurrentTop();

    /** Makes chunk {@code index} current (-1: none), loading its top and view. */
    abstract void makeCurrent(int index);

    abstract long wastedBytes();

    abstract void setWastedBytes(long wasted);

    /** The scope handed-out segments get now (the innermost mark's, or the generation's). */
    final Arena topScope() {
        return temporalSafety ? scopes[depth] : null;
    }

    static boolean invalidRequest(long byteSize, long byteAlignment) {
        return byteSize < 0 || byteAlignment <= 0 || (byteAlignment & (byteAlignment - 1)) != 0;
    }

    static IllegalArgumentException invalidRequestException(long byteSize, long byteAlignment) {
        return new IllegalArgumentException("invalid allocation request: byteSize=" + byteSize
                + " (must be >= 0), byteAlignment=" + byteAlignment + " (must be a power of two >= 1)");
    }

    /**
     * The slow path: validates, then serves the request from the next free retained chunk or a new one,
     * which becomes current. Chunks are never revisited within a generation (like bumpalo), so the tail of
     * the previous chunk is left unused.
     *
     * @return the handle of the new block
     */
    final long allocateSlow(long byteSize, long byteAlignment) {
        if (invalidRequest(byteSize, byteAlignment)) {
            throw invalidRequestException(byteSize, byteAlignment);
        }
        ensureOpen();
        if (byteAlignment > MAX_CHUNK_BYTES) {
            throw new IllegalArgumentException("alignment " + byteAlignment + " exceeds the largest the arena"
                    + " supports (" + MAX_CHUNK_BYTES + ")");
        }
        if (byteSize > MAX_CHUNK_BYTES) {
            throw new IllegalArgumentException("request of " + byteSize + " bytes exceeds the largest chunk an"
                    + " arena can address (" + MAX_CHUNK_BYTES + " bytes)");
        }
        int current = currentIndex();
        if (current >= 0 && byteAlignment <= CHUNK_ALIGNMENT) {
            // A concurrent allocator may have failed on a chunk another thread just replaced: retry it here.
            long handle = tryCurrent(byteSize, byteAlignment);
            if (handle != NULL_HANDLE) {
                return handle;
            }
        }
        storeCurrentTop();
        for (int j = current + 1; j < chunkCount; j++) {
            Chunk c = chunks[j];
            assert Chunk.offset(c.lpTop()) == 0 : "chunks after the current one are free";
            if (c.bytes >= byteSize && (c.memory.address() & (byteAlignment - 1)) == 0) {
                return carve(c, byteSize);
            }
        }
        return carve(newChunk(byteSize, byteAlignment), byteSize);
    }

    /** One more attempt at the current chunk, under the caller's lock; {@link #NULL_HANDLE} if no room. */
    abstract long tryCurrent(long byteSize, long byteAlignment);

    private long carve(Chunk c, long byteSize) {
        writeTop(c, byteSize); // the block starts at offset 0: the chunk base satisfies the alignment
        c.rescope(topScope());
        makeCurrent(c.index);
        return genBits | ((long) c.index << INDEX_SHIFT);
    }

    /** Sets a chunk's bump pointer to {@code offset}, tagged with the current epoch. */
    final void writeTop(Chunk c, long offset) {
        c.svTop(tagBits | offset);
    }

    /** Starts a new epoch: words written from now on carry a new tag (see {@link Chunk}). */
    private void newEpoch() {
        epoch++;
        tagBits = Chunk.tagBits(epoch);
    }

    private Chunk newChunk(long byteSize, long byteAlignment) {
        long chunkAlignment = Math.max(byteAlignment, CHUNK_ALIGNMENT);
        // The JDK aligns a native segment beyond 16 bytes by allocating alignment - 1 more bytes and aligning
        // inside them. For the page alignment every chunk has, that slack (< 4 KiB per chunk) is not counted;
        // for a larger alignment it is, so that allocate(8, 16 GiB) cannot reserve 16 GiB under a small limit.
        long padding = chunkAlignment > CHUNK_ALIGNMENT ? chunkAlignment - 1 : 0;
        long bytes = byteSize > maxChunkBytes ? byteSize : Math.max(byteSize, nextChunkBytes);
        long unreserved = limitBytes - reservedBytes;
        if (bytes + padding > unreserved) {
            bytes = unreserved - padding; // a last, smaller chunk that still fits the request under the limit
        }
        if (bytes < byteSize || bytes <= 0 || chunkCount == MAX_CHUNKS) {
            long free = currentIndex() < 0 ? 0 : chunks[currentIndex()].bytes - currentTop();
            long left = free + Math.max(0, unreserved);
            String why = chunkCount == MAX_CHUNKS
                    ? "the chunk table is full (" + MAX_CHUNKS + " chunks)"
                    : "only " + left + " bytes are left under the " + limitBytes + "-byte limit (" + free
                            + " free in the current chunk, " + Math.max(0, unreserved) + " not yet reserved)"
                            + (padding > 0
                                    ? "; a chunk aligned to " + chunkAlignment + " also reserves " + padding
                                            + " bytes of alignment padding"
                                    : "");
            throw new ArenaExhaustedException(
                    "arena exhausted: asked for " + byteSize + " bytes aligned to " + byteAlignment + ", but " + why,
                    byteSize,
                    byteAlignment,
                    left);
        }
        MemorySegment memory = chunkArena.allocate(Math.max(bytes, 1), chunkAlignment);
        Chunk c = new Chunk(memory, chunkCount);
        c.svTop(tagBits);
        if (chunkCount == chunks.length) {
            chunks = Arrays.copyOf(chunks, chunkCount * 2);
        }
        chunks[chunkCount++] = c;
        reservedBytes += c.bytes + padding;
        if (byteSize <= maxChunkBytes) {
            nextChunkBytes = Math.min(maxChunkBytes, Math.max(nextChunkBytes, c.bytes) * 2);
        }
        return c;
    }

    final void ensureOpen() {
        if (closed) {
            throw new IllegalStateException("arena is closed");
        }
    }

    final long usedBytes() {
        storeCurrentTop();
        long used = 0;
        for (int j = 0; j < chunkCount; j++) {
            used += Chunk.offset(chunks[j].lvTop());
        }
        return used;
    }

    // ------------------------------------------------------------------------------------------------
    // reset / mark / rewind / close: all or nothing.
    //
    // The only step that can fail is closing a generation or mark scope (or, at close, the chunk arena):
    // FFM refuses while a segment of that scope is in use by a downcall or an I/O operation (on another
    // thread, or further up the caller's stack); see closeScopes. Each operation closes first and mutates
    // the arena's state only after every close succeeded, so a refusal leaves generation, marks, positions,
    // chunks and stats as they were.

    final void resetLocked() {
        ensureOpen();
        closeScopes(0, "reset()");
        highWaterMark = Math.max(highWaterMark, usedBytes());
        dropMarks(0);
        newEpoch();
        for (int j = 0; j < chunkCount; j++) {
            writeTop(chunks[j], 0);
        }
        setWastedBytes(0);
        newGeneration();
        if (temporalSafety) {
            scopes[0] = newArena();
        }
        makeCurrent(-1);
    }

    private void newGeneration() {
        generation++;
        genBits = (long) (generation & GEN_MASK) << GEN_SHIFT;
    }

    /**
     * Closes scopes[depth] down to scopes[downTo], all or nothing. FFM closes one scope at a time, so when
     * scope {@code d} refuses, the ones above it are already closed: they are replaced by fresh scopes (and
     * the current chunk's view re-scoped) so that the arena's state is as before. Segments allocated under
     * those inner marks are then dead (their access throws), which is safe but earlier than asked; when the
     * in-use segment belongs to the innermost scope, or there are no marks, nothing at all has changed.
     */
    private void closeScopes(int downTo, String operation) {
        if (!temporalSafety) {
            return;
        }
        for (int d = depth; d >= downTo; d--) {
            try {
                scopes[d].close();
            } catch (IllegalStateException e) {
                if (d < depth) {
                    for (int r = d + 1; r <= depth; r++) {
                        scopes[r] = newArena();
                    }
                    republishCurrent();
                }
                throw refused(operation, e);
            }
        }
    }

    /** Forgets the marks at depth {@code downTo} and above (their scopes are closed already). */
    private void dropMarks(int downTo) {
        for (int d = depth; d >= downTo; d--) {
            scopes[d] = null;
            markIds[d] = 0;
        }
        depth = Math.max(0, downTo - 1);
    }

    /** Re-scopes the current chunk to {@link #topScope()} under a new epoch (stale views cannot be used). */
    private void republishCurrent() {
        int current = currentIndex();
        storeCurrentTop();
        newEpoch();
        if (current >= 0) {
            Chunk c = chunks[current];
            writeTop(c, Chunk.offset(c.lpTop()));
            c.rescope(topScope());
            makeCurrent(current);
        }
    }

    private static IllegalStateException refused(String operation, IllegalStateException cause) {
        return new IllegalStateException(
                operation + " refused, nothing was released: a segment of this arena is in use by a downcall or"
                        + " I/O operation (on another thread, or further up this thread's stack), and FFM cannot"
                        + " close its scope until that call returns (" + cause.getMessage() + ")",
                cause);
    }

    final Mark markLocked() {
        ensureOpen();
        storeCurrentTop();
        int current = currentIndex();
        long top = current < 0 ? 0 : currentTop();
        int d = depth + 1;
        if (d == markIds.length) {
            markIds = Arrays.copyOf(markIds, d * 2);
            scopes = Arrays.copyOf(scopes, d * 2);
        }
        long id = nextMarkId++;
        markIds[d] = id;
        if (temporalSafety) {
            scopes[d] = newArena();
        }
        depth = d;
        republishCurrent();
        return new Mark(this, generation, d, id, current, top, wastedBytes());
    }

    final void rewindLocked(Mark mark) {
        Objects.requireNonNull(mark, "mark");
        if (mark.arena != this) {
            throw new IllegalArgumentException("mark " + mark + " belongs to another arena");
        }
        ensureOpen();
        if (mark.generation != generation || mark.depth > depth || markIds[mark.depth] != mark.id) {
            throw new IllegalStateException("mark " + mark + " was already released by a rewind or reset");
        }
        closeScopes(mark.depth, "rewind()");
        highWaterMark = Math.max(highWaterMark, usedBytes());
        dropMarks(mark.depth);
        newEpoch();
        for (int j = mark.chunk + 1; j < chunkCount; j++) {
            writeTop(chunks[j], 0);
        }
        if (mark.chunk >= 0) {
            Chunk c = chunks[mark.chunk];
            writeTop(c, mark.top);
            c.rescope(topScope());
        }
        setWastedBytes(mark.wasted);
        makeCurrent(mark.chunk);
    }

    final Stats statsLocked() {
        long used = usedBytes();
        highWaterMark = Math.max(highWaterMark, used);
        long wasted = wastedBytes();
        return new Stats(used - wasted, wasted, chunkCount, highWaterMark, reservedBytes);
    }

    final void closeLocked() {
        if (closed) {
            return;
        }
        closeScopes(0, "close()");
        try {
            chunkArena.close();
        } catch (IllegalStateException e) {
            // Only reachable without temporal safety (segments are then chunk-arena slices), where no scope
            // was closed above; with it, no handed-out segment uses the chunk arena's scope.
            if (temporalSafety) {
                for (int d = 0; d <= depth; d++) {
                    scopes[d] = newArena();
                }
                republishCurrent();
            }
            throw refused("close()", e);
        }
        highWaterMark = Math.max(highWaterMark, usedBytes()); // also stores the cached top: stats stay exact
        closed = true;
        dropMarks(0);
        newEpoch();
        for (int j = 0; j < chunkCount; j++) {
            Chunk c = chunks[j];
            writeTop(c, Chunk.offset(c.lpTop())); // same position (stats), new tag: a racing CAS fails
        }
        makeCurrent(-1);
        newGeneration();
    }

    @Override
    public String toString() {
        return getClass().getSimpleName() + "[chunks=" + chunkCount + ", reserved=" + reservedBytes + ", generation="
                + generation + (closed ? ", closed" : "") + "]";
    }
}
