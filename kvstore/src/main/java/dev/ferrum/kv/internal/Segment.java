/*
 * Copyright 2026 the Ferrum authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.ferrum.kv.internal;

import java.io.IOException;
import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One segment file, mapped once for its whole life into a shared {@link Arena}.
 *
 * <p>The file starts with a {@link SegmentHeader}; records follow from offset {@link SegmentHeader#BYTES}.
 * File name {@code <major>-<minor>.seg} (16 + 4 hex digits) gives the replay order: records in a
 * later file override earlier ones. Ordinary segments have minor 0; compaction writes its output as
 * {@code <last input major>-<n>} so it sorts after every input and before the active segment.
 *
 * <p>Thread model: the mapping is read by any thread; only the store's writer thread (or the compactor,
 * for its own unpublished output) writes, and only above {@link #dataEnd()}. The mapping is unmapped by
 * {@link #unmap()} when no reader can reach it any more; a reader that still races it gets an
 * {@link IllegalStateException} from the closed shared arena (never a fault) and retries its lookup.
 */
public final class Segment {

    private static final Pattern NAME = Pattern.compile("([0-9a-f]{16})-([0-9a-f]{4})\\.seg");

    /** Runtime id used in index locations; assigned at open, not stored on disk. */
    public final int id;

    public final long major;
    public final int minor;
    public final Path path;
    /** Mapped size: the preallocated file size. */
    public final long capacity;
    /** The salt from the file's header, repeated in every record of it. */
    public final int salt;

    private final Arena arena;
    private final MemorySegment map;
    private final MemorySegment readOnly;
    /**
     * Offset just past the last valid record. Plain field: written by the writer (or by recovery/the
     * compactor for segments nobody else appends to) and read by other threads only after they take the
     * writer lock, which orders the accesses. Not volatile, so an append costs no StoreLoad fence.
     */
    private long dataEnd = SegmentHeader.BYTES;
    /** Bytes of records still referenced by the index (writer-maintained, read under the writer lock). */
    public long liveBytes;
    /** Whether this segment no longer receives appends. */
    public boolean sealed;
    /** Sequence number of the last record appended (writer) or found (recovery). */
    public long lastSequence;
    /** Number of msyncs issued on this segment (a test hook for the force accounting). */
    private final AtomicLong forces = new AtomicLong();
    /** Pins held by forces outside the writer lock; -1 once unmapped. */
    private final java.util.concurrent.atomic.AtomicInteger pins = new java.util.concurrent.atomic.AtomicInteger();
    /** Set by {@link #unmap()}; read by the last {@link #unpin()} (after its CAS, so it sees the store). */
    private volatile boolean unmapRequested;

    private Segment(int id, long major, int minor, Path path, int salt, Arena arena, MemorySegment map) {
        this.id = id;
        this.major = major;
        this.minor = minor;
        this.path = path;
        this.salt = salt;
        this.arena = arena;
        this.map = map;
        this.readOnly = map.asReadOnly();
        this.capacity = map.byteSize();
    }

    /** File name for an order key. */
    public static String fileName(long major, int minor) {
        return String.format("%016x-%04x.seg", major, minor);
    }

    /** Parses a segment file name, or returns {@code null} if it is not one. */
    public static long[] parseName(String name) {
        Matcher m = NAME.matcher(name);
        if (!m.matches()) {
            return null;
        }
        return new long[] {Long.parseUnsignedLong(m.group(1), 16), Integer.parseInt(m.group(2), 16)};
    }

    /**
     * Creates a segment file of {@code capacity} bytes with a fresh header and salt, reserves its blocks
     * ({@link Preallocator}: a full disk fails here with {@code StorageFullException}, never later as
     * SIGBUS through the mapping) and maps it. The file's size and directory entry are forced before it
     * is used, so later data syncs need no metadata sync. On failure the file is removed again.
     *
     * @param writeZeros write every block (for per-write syncs, see {@link Preallocator}) instead of fallocate
     */
    public static Segment create(
            int id, Path dir, String name, long major, int minor, long capacity, boolean writeZeros)
            throws IOException {
        Path path = dir.resolve(name);
        Arena arena = Arena.ofShared();
        boolean created = false;
        try (FileChannel ch = FileChannel.open(
                path, StandardOpenOption.CREATE_NEW, StandardOpenOption.READ, StandardOpenOption.WRITE)) {
            created = true;
            int salt = SegmentHeader.newSalt();
            Preallocator.reserve(path, ch, capacity, writeZeros);
            ByteBuffer header = SegmentHeader.encode(new SegmentHeader.Fields(salt, major, minor, capacity));
            while (header.hasRemaining()) {
                ch.write(header, header.position());
            }
            MemorySegment map = ch.map(FileChannel.MapMode.READ_WRITE, 0, capacity, arena);
            ch.force(true);
            Durable.syncDirectory(dir);
            return new Segment(id, major, minor, path, salt, arena, map);
        } catch (IOException | RuntimeException e) {
            arena.close();
            if (created) {
                try {
                    Files.deleteIfExists(path);
                } catch (IOException suppressed) {
                    e.addSuppressed(suppressed);
                }
            }
            throw e;
        }
    }

    /**
     * Maps an existing segment file (its whole current size). The header is not checked here: the caller
     * ({@link Recovery}) checks it with {@link SegmentHeader#check} and passes the salt it found.
     */
    public static Segment open(int id, Path path, long major, int minor, int salt) throws IOException {
        Arena arena = Arena.ofShared();
        try (FileChannel ch = FileChannel.open(path, StandardOpenOption.READ, StandardOpenOption.WRITE)) {
            MemorySegment map = ch.map(FileChannel.MapMode.READ_WRITE, 0, ch.size(), arena);
            return new Segment(id, major, minor, path, salt, arena, map);
        } catch (IOException | RuntimeException e) {
            arena.close();
            throw e;
        }
    }

    /** The writable mapping (writer and recovery only). */
    public MemorySegment writable() {
        return map;
    }

    /** A read-only view of the mapping, what readers and returned views use. */
    public MemorySegment readable() {
        return readOnly;
    }

    public long dataEnd() {
        return dataEnd;
    }

    public void dataEnd(long end) {
        this.dataEnd = end;
    }

    /** msync of {@code [from, to)}: blocks until those pages are on stable storage. */
    public void force(long from, long to) {
        if (to > from) {
            forces.incrementAndGet();
            map.asSlice(from, to - from).force();
        }
    }

    /** How many msyncs were issued on this segment. */
    public long forces() {
        return forces.get();
    }

    /**
     * Pins the mapping for a force that runs outside the writer lock (group commit): while pinned,
     * {@link #unmap()} is deferred to the last {@link #unpin()}. An explicit protocol instead of letting
     * the force fail with the closed arena's exception.
     *
     * @return false if the segment is already unmapped (nothing left to force)
     */
    public boolean tryPin() {
        for (; ; ) {
            int p = pins.get();
            if (p < 0) {
                return false;
            }
            if (pins.compareAndSet(p, p + 1)) {
                return true;
            }
        }
    }

    public void unpin() {
        if (pins.decrementAndGet() == 0 && unmapRequested) {
            unmap();
        }
    }

    /**
     * Unmaps once no pin is held (else the last unpin does); readers without a guard still holding an
     * address get the closed arena's {@link IllegalStateException}, never a fault. Idempotent.
     */
    public void unmap() {
        unmapRequested = true;
        if (pins.compareAndSet(0, -1)) {
            arena.close();
        }
    }

    /** Whether the mapping is still open. */
    public boolean mapped() {
        return arena.scope().isAlive();
    }

    /** Order key comparison: replay order of segment files. */
    public static int compareOrder(long majorA, long minorA, long majorB, long minorB) {
        int c = Long.compareUnsigned(majorA, majorB);
        return c != 0 ? c : Long.compare(minorA, minorB);
    }

    /** Replay order of two segments. */
    public static int compareOrder(Segment a, Segment b) {
        return compareOrder(a.major, a.minor, b.major, b.minor);
    }

    @Override
    public String toString() {
        return path.getFileName().toString();
    }

    /** Deletes the file and its hint (the mapping stays valid until {@link #unmap()}). */
    public void deleteFile() throws IOException {
        Files.deleteIfExists(path);
        Files.deleteIfExists(HintFile.pathFor(path));
    }
}
