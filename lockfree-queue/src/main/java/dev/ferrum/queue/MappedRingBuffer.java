/*
 * Copyright 2026 the Ferrum authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.ferrum.queue;

import java.io.IOException;
import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.Objects;

/**
 * A {@link RingBuffer} in a memory-mapped file, so that two processes (or more, for {@link Kind#MPSC}
 * producers) exchange messages through shared memory. One process {@link #create}s the file, the others
 * {@link #open} it; each maps the same pages and wraps them in a ring of the kind recorded in the file.
 *
 * <pre>
 * [0, 4096)               file header, little-endian, written once by create():
 *                           +0 long magic "FRRMRING"   +8 int version (1)   +12 int kind (1 SPSC, 2 MPSC)
 *                           +16 int capacity            +20 int data offset (4096)   +24 long file bytes
 * [4096, 4096 + capacity + 512)   the ring: records, then the counter trailer (see RingBuffer)
 * </pre>
 *
 * <p><b>Creation is atomic:</b> {@code create} writes the header into a temporary file in the same
 * directory and renames it into place, so {@code open} never sees a half-written header; a file that is
 * not a ring (or of another version or size) fails {@code open} with {@link InvalidRingFileException}.
 * Like any file from {@link Files#createTempFile}, it is readable and writable by its owner only (on POSIX
 * file systems); processes of other users need wider permissions set by the application.
 *
 * <p><b>Memory ordering across processes:</b> both processes map the same physical pages, and the ring's
 * release stores and acquire loads are ordinary CPU instructions on them (on x86 plain moves, which are
 * release/acquire by the hardware's TSO; on ARM {@code stlr}/{@code ldar}). Cache coherence works on
 * physical memory, not on processes, so the release/acquire pairing documented in {@link RingBuffer} holds
 * between processes exactly as between threads. The JMM does not speak about other processes: this is a
 * hardware argument, the same one Aeron, Chronicle Queue and every shared-memory IPC rely on.
 *
 * <p><b>What it does not promise:</b> nothing is {@code force}d to disk; the file is a rendezvous, not a log.
 * If the machine crashes, the content is whatever the page cache had written back. If a process dies, the
 * messages it published stay readable, but a producer killed between claiming space and publishing its
 * record blocks the consumer at that record forever, and a restarted SPSC producer is not supported (its
 * tail may lag the published records): after a crash, create a new file.
 *
 * <p><b>Thread contract:</b> that of the ring ({@link #ring()}); the mapping is shared (usable from any
 * thread) and lives until {@link #close()}, after which ring calls throw {@link IllegalStateException}.
 */
public final class MappedRingBuffer implements AutoCloseable {

    /** Which ring a file holds; fixed at creation so that every process uses the same producer protocol. */
    public enum Kind {
        /** One producer, one consumer: {@link SpscRingBuffer}. */
        SPSC,
        /** Many producers (threads or processes), one consumer: {@link MpscRingBuffer}. */
        MPSC
    }

    /** Bytes before the ring: one page, so the ring's data starts page-aligned. */
    public static final int FILE_HEADER_BYTES = 4096;

    /** "FRRMRING" in ASCII, read as a little-endian long. */
    static final long MAGIC = 0x474E_4952_4D52_5246L;

    static final int VERSION = 1;

    private final Path file;
    private final Kind kind;
    private final Arena arena;
    private final RingBuffer ring;

    private MappedRingBuffer(Path file, Kind kind, Arena arena, RingBuffer ring) {
        this.file = file;
        this.kind = kind;
        this.arena = arena;
        this.ring = ring;
    }

    /**
     * Size of a ring buffer file of the given capacity.
     *
     * @param capacity ring data bytes: a power of two, at least {@link RingBuffer#MIN_CAPACITY}
     * @return header + data + trailer bytes
     * @throws IllegalArgumentException if the capacity is not a power of two in range
     */
    public static long fileBytes(int capacity) {
        return FILE_HEADER_BYTES + RingBuffer.bytesFor(capacity);
    }

    /**
     * Creates a new ring buffer file (an empty ring) and maps it.
     *
     * @param file     where; must not exist, its directory must
     * @param capacity ring data bytes: a power of two, at least {@link RingBuffer#MIN_CAPACITY}
     * @param kind     which producer protocol the file's users follow
     * @return the mapped ring; close it to unmap
     * @throws FileAlreadyExistsException if {@code file} exists
     * @throws IllegalArgumentException   if the capacity is out of range
     * @throws IOException                if the file cannot be written or mapped
     */
    public static MappedRingBuffer create(Path file, int capacity, Kind kind) throws IOException {
        Objects.requireNonNull(file, "file");
        Objects.requireNonNull(kind, "kind");
        long total = fileBytes(capacity);
        Path absolute = file.toAbsolutePath();
        if (Files.exists(absolute)) {
            throw new FileAlreadyExistsException(absolute.toString(), null, "ring buffer file already exists");
        }
        Path tmp = Files.createTempFile(absolute.getParent(), absolute.getFileName() + ".", ".tmp");
        try {
            try (FileChannel channel = FileChannel.open(tmp, StandardOpenOption.WRITE)) {
                ByteBuffer header = ByteBuffer.allocate(32).order(ByteOrder.LITTLE_ENDIAN);
                header.putLong(MAGIC)
                        .putInt(VERSION)
                        .putInt(kind.ordinal() + 1)
                        .putInt(capacity)
                        .putInt(FILE_HEADER_BYTES)
                        .putLong(total)
                        .flip();
                while (header.hasRemaining()) {
                    channel.write(header, header.position());
                }
                // Extend to full size with one byte at the end: the rest reads as zero, an empty ring.
                channel.write(ByteBuffer.allocate(1), total - 1);
            }
            // Rename within the directory: other processes see either no file or a complete header.
            Files.move(tmp, absolute, StandardCopyOption.ATOMIC_MOVE);
        } finally {
            Files.deleteIfExists(tmp);
        }
        return open(absolute);
    }

    /**
     * Maps an existing ring buffer file, validating its header.
     *
     * @param file a file made by {@link #create}
     * @return the mapped ring, of the kind recorded in the file; close it to unmap
     * @throws InvalidRingFileException if the file is not a valid ring buffer file (the message says why)
     * @throws IOException              if the file cannot be opened or mapped
     */
    public static MappedRingBuffer open(Path file) throws IOException {
        Objects.requireNonNull(file, "file");
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.READ, StandardOpenOption.WRITE)) {
            long size = channel.size();
            if (size < FILE_HEADER_BYTES) {
                throw new InvalidRingFileException(file + ": " + size + " bytes, smaller than the " + FILE_HEADER_BYTES
                        + "-byte ring buffer file header");
            }
            ByteBuffer header = ByteBuffer.allocate(32).order(ByteOrder.LITTLE_ENDIAN);
            while (header.hasRemaining() && channel.read(header, header.position()) >= 0) {
                // read until full; size >= 4096 guarantees it ends
            }
            header.flip();
            long magic = header.getLong();
            int version = header.getInt();
            int kindCode = header.getInt();
            int capacity = header.getInt();
            int dataOffset = header.getInt();
            long declaredBytes = header.getLong();
            if (magic != MAGIC) {
                throw new InvalidRingFileException(file + ": not a ring buffer file (magic 0x" + Long.toHexString(magic)
                        + ", expected 0x" + Long.toHexString(MAGIC) + ")");
            }
            if (version != VERSION) {
                throw new InvalidRingFileException(
                        file + ": ring buffer file version " + version + ", this library reads version " + VERSION);
            }
            if (kindCode < 1 || kindCode > Kind.values().length) {
                throw new InvalidRingFileException(file + ": unknown ring kind " + kindCode + " in header");
            }
            if (capacity < RingBuffer.MIN_CAPACITY || capacity > (1 << 30) || Integer.bitCount(capacity) != 1) {
                throw new InvalidRingFileException(file + ": header capacity " + capacity
                        + " is not a power of two in [" + RingBuffer.MIN_CAPACITY + ", 2^30]");
            }
            long expected = fileBytes(capacity);
            if (dataOffset != FILE_HEADER_BYTES || declaredBytes != expected || size != expected) {
                throw new InvalidRingFileException(file + ": a ring of capacity " + capacity + " needs a "
                        + expected + "-byte file with data at " + FILE_HEADER_BYTES + ", header says "
                        + declaredBytes + " bytes with data at " + dataOffset + ", file has " + size + " bytes");
            }
            Kind kind = Kind.values()[kindCode - 1];
            // Shared arena: the ring may be used from several threads (MPSC producers, a consumer thread);
            // the mapping outlives the channel and ends when the arena closes.
            Arena arena = Arena.ofShared();
            try {
                MemorySegment mapped = channel.map(FileChannel.MapMode.READ_WRITE, 0, size, arena);
                // Page-aligned mapping + 4096-byte header: the ring segment is 8-byte aligned as RingBuffer needs.
                MemorySegment ringSegment = mapped.asSlice(FILE_HEADER_BYTES, RingBuffer.bytesFor(capacity));
                RingBuffer ring = kind == Kind.SPSC ? new SpscRingBuffer(ringSegment) : new MpscRingBuffer(ringSegment);
                return new MappedRingBuffer(file, kind, arena, ring);
            } catch (RuntimeException | IOException e) {
                arena.close();
                throw e;
            }
        }
    }

    /** The ring over the mapped file. @return it, valid until {@link #close()} */
    public RingBuffer ring() {
        return ring;
    }

    /** The kind recorded in the file. @return it */
    public Kind kind() {
        return kind;
    }

    /** The mapped file. @return its path */
    public Path file() {
        return file;
    }

    /**
     * Unmaps the file (the file itself stays). Later calls on {@link #ring()} throw
     * {@link IllegalStateException}. Must not be called while another thread is inside a ring call.
     */
    @Override
    public void close() {
        arena.close();
    }

    @Override
    public String toString() {
        return "MappedRingBuffer[" + file + ", " + kind + ", " + ring + "]";
    }
}
