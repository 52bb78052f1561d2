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
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One segment file, mapped once for its whole life into a shared {@link Arena}.
 *
 * <p>File name {@code <major>-<minor>.seg} (16 + 4 hex digits) gives the replay order: records in a
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

    private final Arena arena;
    private final MemorySegment map;
    private final MemorySegment readOnly;
    /**
     * Offset just past the last valid record. Plain field: written by the writer (or by recovery/the
     * compactor for segments nobody else appends to) and read by other threads only after they take the
     * writer lock, which orders the accesses. Not volatile, so an append costs no StoreLoad fence.
     */
    private long dataEnd;
    /** Bytes of records still referenced by the index (writer-maintained, read under the writer lock). */
    public long liveBytes;
    /** Whether this segment no longer receives appends. */
    public boolean sealed;

    private Segment(int id, long major, int minor, Path path, Arena arena, MemorySegment map) {
        this.id = id;
        this.major = major;
        this.minor = minor;
        this.path = path;
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
     * Creates a new zero-filled segment file of {@code capacity} bytes and maps it: sparse, or with every
     * block written when {@code preallocate} (for per-write syncs). The file's size and directory entry
     * are forced before it is used, so later data syncs need no metadata sync.
     */
    public static Segment create(
            int id, Path dir, String name, long major, int minor, long capacity, boolean preallocate)
            throws IOException {
        Path path = dir.resolve(name);
        Arena arena = Arena.ofShared();
        try (FileChannel ch = FileChannel.open(
                path, StandardOpenOption.CREATE_NEW, StandardOpenOption.READ, StandardOpenOption.WRITE)) {
            if (preallocate) {
                // Write real zeros: a later msync of a page in a hole (or in a fallocate'd, unwritten extent)
                // must allocate/convert blocks, a metadata change that costs a journal commit per sync.
                // With the blocks written once here, a per-write msync flushes data pages only.
                ByteBuffer zeros = ByteBuffer.allocateDirect(1 << 20);
                for (long pos = 0; pos < capacity; ) {
                    zeros.clear().limit((int) Math.min(zeros.capacity(), capacity - pos));
                    pos += ch.write(zeros, pos);
                }
            }
            // READ_WRITE mapping beyond EOF grows the file to `capacity` (sparse: holes read as zero).
            MemorySegment map = ch.map(FileChannel.MapMode.READ_WRITE, 0, capacity, arena);
            ch.force(true);
            Durable.syncDirectory(dir);
            return new Segment(id, major, minor, path, arena, map);
        } catch (IOException | RuntimeException e) {
            arena.close();
            throw e;
        }
    }

    /** Maps an existing segment file (its whole current size). */
    public static Segment open(int id, Path path, long major, int minor) throws IOException {
        Arena arena = Arena.ofShared();
        try (FileChannel ch = FileChannel.open(path, StandardOpenOption.READ, StandardOpenOption.WRITE)) {
            MemorySegment map = ch.map(FileChannel.MapMode.READ_WRITE, 0, ch.size(), arena);
            return new Segment(id, major, minor, path, arena, map);
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
            map.asSlice(from, to - from).force();
        }
    }

    /** Unmaps; readers still holding an address get {@link IllegalStateException}, not a fault. */
    public void unmap() {
        arena.close();
    }

    /** Order key comparison: replay order of segment files. */
    public static int compareOrder(long majorA, long minorA, long majorB, long minorB) {
        int c = Long.compareUnsigned(majorA, majorB);
        return c != 0 ? c : Long.compare(minorA, minorB);
    }

    @Override
    public String toString() {
        return path.getFileName().toString();
    }

    /** Deletes the file (the mapping stays valid until {@link #unmap()}). */
    public void deleteFile() throws IOException {
        Files.deleteIfExists(path);
        Files.deleteIfExists(HintFile.pathFor(path));
    }
}
