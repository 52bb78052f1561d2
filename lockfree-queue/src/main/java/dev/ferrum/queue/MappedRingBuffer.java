/*
 * Copyright 2026 the Ferrum authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.ferrum.queue;

import dev.ferrum.queue.internal.RingLayout;
import java.io.IOException;
import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.Objects;

/**
 * A {@link RingBuffer} in a memory-mapped file, so that two processes (or more, for {@link Kind#MPSC}
 * producers) exchange messages through shared memory. One process {@link #create}s the file, the others
 * {@link #open} it; each maps the same pages and wraps them in a ring of the kind recorded in the file.
 *
 * <pre>
 * [0, 4096)               file header, little-endian, written once by create():
 *                           +0 long magic "FRRMRING"   +8 int version (2)   +12 int kind (1 SPSC, 2 MPSC)
 *                           +16 int capacity            +20 int data offset (4096)   +24 long file bytes
 *                           +32 long epoch (random, non-zero: tells this file from any other made at the path)
 *                           +40 long owner pid          +48 long owner start time (epoch ms, 0 if unknown)
 * [4096, 4096 + capacity + 512)   the ring: records, then the counter trailer (see RingBuffer)
 * </pre>
 *
 * <p><b>Creation is exclusive and atomic:</b> {@code create} writes the whole header into a temporary file in
 * the same directory and then hard-links it to the requested name, which fails if that name exists (POSIX
 * {@code link(2)} never replaces a file). So of two creators racing for one path exactly one wins and the
 * other gets {@link FileAlreadyExistsException}; a file another process has mapped is never replaced; and
 * {@code open} never sees a half-written header. (On a file system without hard links, {@code create} falls
 * back to an exclusive {@code CREATE_NEW} of the final name, still exclusive but not atomic to readers.)
 * Like any file from {@link Files#createTempFile}, it is readable and writable by its owner only (on POSIX
 * file systems); processes of other users need wider permissions set by the application.
 *
 * <p><b>Validation:</b> {@code open} checks every header field against the file, and the ring's counters
 * ({@code head <= tail <= head + capacity}, 8-byte aligned), and fails with {@link InvalidRingFileException}
 * saying what is wrong and where.
 *
 * <p><b>Stale files:</b> the creating process is the file's <i>owner</i> while it has the file mapped; its
 * {@link #close()} clears the owner. A file whose owner is recorded but no longer running (same pid and start
 * time) was left by a process that died without closing it, possibly in the middle of a write: {@code open}
 * refuses it with {@link StaleRingFileException}; {@link #openStale} maps it anyway, to drain or inspect it.
 * A producer (not the owner) that dies between claiming and publishing a record blocks the consumer of an
 * MPSC ring until it calls {@link MpscRingBuffer#unblock()}.
 *
 * <p><b>Memory ordering across processes:</b> both processes map the same physical pages, and the ring's
 * release stores and acquire loads are ordinary CPU instructions on them (on x86 plain moves, which are
 * release/acquire by the hardware's TSO; on ARM {@code stlr}/{@code ldar}). Cache coherence works on
 * physical memory, not on processes, so the release/acquire pairing documented in {@link RingBuffer} holds
 * between processes exactly as between threads. The JMM does not speak about other processes: this is a
 * hardware argument, the same one Aeron, Chronicle Queue and every shared-memory IPC rely on.
 *
 * <p><b>What it does not promise:</b> nothing is {@code force}d to disk; the file is a rendezvous, not a log.
 * If the machine crashes, the content is whatever the page cache had written back. A restarted SPSC producer
 * is not supported (its tail may lag the published records): after a crash, create a new file.
 *
 * <p><b>Thread contract:</b> that of the ring ({@link #ring()}); the mapping is shared (usable from any
 * thread) and lives until {@link #close()}, after which ring calls throw {@link IllegalStateException}.
 */
public final class MappedRingBuffer implements AutoCloseable {

    /** Which ring a file holds; fixed at creation so that every process uses the same producer protocol. */
    public enum Kind {
        /** One producer, one consumer: {@link SpscRingBuffer}. */
        SPSC(1),
        /** Many producers (threads or processes), one consumer: {@link MpscRingBuffer}. */
        MPSC(2);

        /** The kind's code in the file header: fixed by the file format, never the enum's ordinal. */
        final int code;

        Kind(int code) {
            this.code = code;
        }

        /** Returns the kind with this header code, or null. */
        static Kind ofCode(int code) {
            for (Kind k : values()) {
                if (k.code == code) {
                    return k;
                }
            }
            return null;
        }
    }

    /** Bytes before the ring: one page, so the ring's data starts page-aligned. */
    public static final int FILE_HEADER_BYTES = 4096;

    /** "FRRMRING" in ASCII, read as a little-endian long. */
    static final long MAGIC = 0x474E_4952_4D52_5246L;

    /**
     * File format version. 1: no epoch/owner fields, MPSC records without claim markers (not readable: a
     * version 2 consumer would misread such a file's in-flight records). 2: this layout.
     */
    static final int VERSION = 2;

    private static final SecureRandom EPOCHS = new SecureRandom();

    private final Path file;
    private final Kind kind;
    private final Arena arena;
    private final MemorySegment mapped;
    private final RingBuffer ring;
    private final long epoch;
    /** Whether this mapping created the file and holds its ownership until close. */
    private final boolean owner;

    private MappedRingBuffer(
            Path file, Kind kind, Arena arena, MemorySegment mapped, RingBuffer ring, long epoch, boolean owner) {
        this.file = file;
        this.kind = kind;
        this.arena = arena;
        this.mapped = mapped;
        this.ring = ring;
        this.epoch = epoch;
        this.owner = owner;
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
     * Creates a new ring buffer file (an empty ring) and maps it; this process owns the file until
     * {@link #close()}. Exclusive: fails if the file exists, never replaces it.
     *
     * @param file     where; must not exist, its directory must
     * @param capacity ring data bytes: a power of two, at least {@link RingBuffer#MIN_CAPACITY}
     * @param kind     which producer protocol the file's users follow
     * @return the mapped ring; close it to unmap
     * @throws FileAlreadyExistsException if {@code file} exists (also when another creator won a race for it)
     * @throws IllegalArgumentException   if the capacity is out of range
     * @throws IOException                if the file cannot be written or mapped
     */
    public static MappedRingBuffer create(Path file, int capacity, Kind kind) throws IOException {
        Objects.requireNonNull(file, "file");
        Objects.requireNonNull(kind, "kind");
        long total = fileBytes(capacity);
        Path absolute = file.toAbsolutePath();
        if (Files.exists(absolute, LinkOption.NOFOLLOW_LINKS)) { // early, friendly answer; the link below decides
            throw new FileAlreadyExistsException(absolute.toString(), null, "ring buffer file already exists");
        }
        long epoch;
        do {
            epoch = EPOCHS.nextLong();
        } while (epoch == 0);
        ByteBuffer header = header(kind, capacity, total, epoch);
        Path tmp = Files.createTempFile(absolute.getParent(), absolute.getFileName() + ".", ".tmp");
        try (FileChannel channel = FileChannel.open(tmp, StandardOpenOption.READ, StandardOpenOption.WRITE)) {
            writeFully(channel, header, 0);
            // Extend to full size with one byte at the end: the rest reads as zero, an empty ring.
            writeFully(channel, ByteBuffer.allocate(1), total - 1);
            FileChannel published = channel;
            try {
                // link(2) is atomic and exclusive: it fails with EEXIST and never replaces the target, so of two
                // racing creators one wins, and readers see either no file or the complete header.
                Files.createLink(absolute, tmp);
            } catch (UnsupportedOperationException noHardLinks) {
                published = createInPlace(absolute, header, total);
            }
            try {
                // Map through our own channel: the file we created, whatever happens to the name meanwhile.
                return map(published, absolute, true);
            } finally {
                if (published != channel) {
                    published.close();
                }
            }
        } finally {
            Files.deleteIfExists(tmp);
        }
    }

    /** Fallback without hard links: exclusive creation of the final name (readers may see it being written). */
    private static FileChannel createInPlace(Path absolute, ByteBuffer header, long total) throws IOException {
        FileChannel channel = FileChannel.open(
                absolute, StandardOpenOption.CREATE_NEW, StandardOpenOption.READ, StandardOpenOption.WRITE);
        try {
            writeFully(channel, header.rewind(), 0);
            writeFully(channel, ByteBuffer.allocate(1), total - 1);
            return channel;
        } catch (IOException | RuntimeException e) {
            channel.close();
            Files.deleteIfExists(absolute);
            throw e;
        }
    }

    private static ByteBuffer header(Kind kind, int capacity, long total, long epoch) {
        ProcessHandle self = ProcessHandle.current();
        ByteBuffer header =
                ByteBuffer.allocate(RingLayout.FILE_HEADER_FIELDS_BYTES).order(ByteOrder.LITTLE_ENDIAN);
        header.putLong(MAGIC)
                .putInt(VERSION)
                .putInt(kind.code)
                .putInt(capacity)
                .putInt(FILE_HEADER_BYTES)
                .putLong(total)
                .putLong(epoch)
                .putLong(self.pid())
                .putLong(startMillis(self))
                .flip();
        return header;
    }

    private static long startMillis(ProcessHandle process) {
        return process.info().startInstant().map(Instant::toEpochMilli).orElse(0L);
    }

    private static void writeFully(FileChannel channel, ByteBuffer buffer, long position) throws IOException {
        while (buffer.hasRemaining()) {
            channel.write(buffer, position + buffer.position());
        }
    }

    /**
     * Maps an existing ring buffer file, validating its header and counters, and refusing a file left by an
     * owner that died without closing it.
     *
     * @param file a file made by {@link #create}
     * @return the mapped ring, of the kind recorded in the file; close it to unmap
     * @throws StaleRingFileException   if the file's owner process died without closing it
     * @throws InvalidRingFileException if the file is not a valid ring buffer file (the message says why)
     * @throws IOException              if the file cannot be opened or mapped
     */
    public static MappedRingBuffer open(Path file) throws IOException {
        return open(file, false);
    }

    /**
     * Like {@link #open}, but maps a file whose owner died without closing it (validating everything else),
     * to drain what was published or to inspect it. The dead owner may have left an unpublished record:
     * for an MPSC ring see {@link MpscRingBuffer#unblock()}.
     *
     * @param file a file made by {@link #create}
     * @return the mapped ring
     * @throws InvalidRingFileException if the file is not a valid ring buffer file
     * @throws IOException              if the file cannot be opened or mapped
     */
    public static MappedRingBuffer openStale(Path file) throws IOException {
        return open(file, true);
    }

    private static MappedRingBuffer open(Path file, boolean acceptStale) throws IOException {
        Objects.requireNonNull(file, "file");
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.READ, StandardOpenOption.WRITE)) {
            MappedRingBuffer mapped = map(channel, file, false);
            if (!acceptStale) {
                String dead = mapped.deadOwner();
                if (dead != null) {
                    mapped.close();
                    throw new StaleRingFileException(file + ": " + dead + "; its last write may be incomplete."
                            + " Create a new file, or use openStale to drain this one");
                }
            }
            return mapped;
        }
    }

    /** Validates the header and counters read through {@code channel} and maps the file. */
    private static MappedRingBuffer map(FileChannel channel, Path file, boolean owner) throws IOException {
        long size = channel.size();
        if (size < FILE_HEADER_BYTES) {
            throw new InvalidRingFileException(file + ": " + size + " bytes, smaller than the " + FILE_HEADER_BYTES
                    + "-byte ring buffer file header");
        }
        ByteBuffer header =
                ByteBuffer.allocate(RingLayout.FILE_HEADER_FIELDS_BYTES).order(ByteOrder.LITTLE_ENDIAN);
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
        long epoch = header.getLong();
        if (magic != MAGIC) {
            throw new InvalidRingFileException(file + ": not a ring buffer file (magic 0x" + Long.toHexString(magic)
                    + " at offset 0, expected 0x" + Long.toHexString(MAGIC) + ")");
        }
        if (version == 1) {
            throw new InvalidRingFileException(file + ": ring buffer file version 1 (written by an older Ferrum:"
                    + " no epoch or owner in the header, no claim markers in MPSC records); this library reads"
                    + " version " + VERSION + ". Create a new file");
        }
        if (version != VERSION) {
            throw new InvalidRingFileException(file + ": ring buffer file version " + version
                    + " at offset 8, this library reads version " + VERSION);
        }
        Kind kind = Kind.ofCode(kindCode);
        if (kind == null) {
            throw new InvalidRingFileException(file + ": unknown ring kind " + kindCode + " at offset 12");
        }
        if (capacity < RingBuffer.MIN_CAPACITY || capacity > (1 << 30) || Integer.bitCount(capacity) != 1) {
            throw new InvalidRingFileException(file + ": header capacity " + capacity + " is not a power of two in ["
                    + RingBuffer.MIN_CAPACITY + ", 2^30] (offset 16)");
        }
        long expected = fileBytes(capacity);
        if (dataOffset != FILE_HEADER_BYTES || declaredBytes != expected || size != expected) {
            throw new InvalidRingFileException(file + ": a ring of capacity " + capacity + " needs a "
                    + expected + "-byte file with data at " + FILE_HEADER_BYTES + ", header says "
                    + declaredBytes + " bytes with data at " + dataOffset + ", file has " + size + " bytes");
        }
        if (epoch == 0) {
            throw new InvalidRingFileException(file + ": epoch 0 at offset 32 (create writes a non-zero one)");
        }
        // Shared arena: the ring may be used from several threads (MPSC producers, a consumer thread);
        // the mapping outlives the channel and ends when the arena closes.
        Arena arena = Arena.ofShared();
        try {
            MemorySegment mapped = channel.map(FileChannel.MapMode.READ_WRITE, 0, size, arena);
            // Page-aligned mapping + 4096-byte header: the ring segment is 8-byte aligned as RingBuffer needs.
            MemorySegment ringSegment = mapped.asSlice(FILE_HEADER_BYTES, RingBuffer.bytesFor(capacity));
            String problem = RingBuffer.counterProblem(
                    ringSegment.asSlice(capacity, RingBuffer.bytesFor(capacity) - capacity), capacity);
            if (problem != null) {
                throw new InvalidRingFileException(file + ": ring counters are inconsistent: " + problem
                        + ", trailer at file offset " + (FILE_HEADER_BYTES + (long) capacity));
            }
            RingBuffer ring = kind == Kind.SPSC ? new SpscRingBuffer(ringSegment) : new MpscRingBuffer(ringSegment);
            return new MappedRingBuffer(file, kind, arena, mapped, ring, epoch, owner);
        } catch (RuntimeException | IOException e) {
            arena.close();
            throw e;
        }
    }

    /** How far two JVMs' views of one process's start instant may differ before the pid counts as reused. */
    static final long START_TOLERANCE_MILLIS = 10_000;

    /** Describes the recorded owner if it is a process that is no longer running, else {@code null}. */
    private String deadOwner() {
        long pid = RingLayout.laFileLong(mapped, RingLayout.FILE_OWNER_PID_OFFSET);
        if (pid == 0) {
            return null; // released by its owner's close()
        }
        long start = RingLayout.laFileLong(mapped, RingLayout.FILE_OWNER_START_OFFSET);
        var process = ProcessHandle.of(pid).filter(ProcessHandle::isAlive);
        if (process.isEmpty()) {
            return "owner process " + pid
                    + " (pid at header offset 40) is no longer running and did not close the file";
        }
        long actualStart = startMillis(process.get());
        // Same pid, other start time: the pid was reused by a new process after the owner died. Each JVM derives a
        // process's start instant from the kernel's boot time (/proc/stat btime, whole seconds, read once per JVM)
        // plus the start ticks; btime follows wall-clock corrections (NTP steps and slews), so two live JVMs can
        // disagree on the same process's start by a few seconds on a VM. Within START_TOLERANCE_MILLIS the owner
        // is taken as alive; a reused pid is missed only if the owner died and the pid was recycled within it.
        if (start != 0 && actualStart != 0 && Math.abs(actualStart - start) > START_TOLERANCE_MILLIS) {
            return "owner process " + pid + " started at " + Instant.ofEpochMilli(start)
                    + " is no longer running (pid " + pid + " now belongs to a process started at "
                    + Instant.ofEpochMilli(actualStart) + ")";
        }
        return null;
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
     * The file's epoch: a random non-zero number chosen by {@link #create}. Two mappings with the same epoch
     * map the same file; a file re-created at the same path has another.
     *
     * @return the epoch
     */
    public long epoch() {
        return epoch;
    }

    /**
     * The owner recorded in the file: the pid of the process that created it and still has it mapped, or
     * 0 once that process closed its mapping.
     *
     * @return the owner's pid, or 0
     */
    public long ownerPid() {
        return RingLayout.laFileLong(mapped, RingLayout.FILE_OWNER_PID_OFFSET);
    }

    /**
     * Whether the recorded owner is a process that died without closing the file (see the class comment).
     *
     * @return {@code true} if the owner is dead
     */
    public boolean isStale() {
        return deadOwner() != null;
    }

    /**
     * Unmaps the file (the file itself stays). The creating process also releases its ownership of the
     * file. Later calls on {@link #ring()} throw {@link IllegalStateException}. Must not be called while
     * another thread is inside a ring call.
     */
    @Override
    public void close() {
        if (owner && arena.scope().isAlive()) {
            // Release: everything we wrote to the ring happens-before an opener's acquire of the cleared owner.
            // CAS: clear it only if it is still us (nobody else ever writes it, but a copy of the file might).
            RingLayout.casFileLong(
                    mapped,
                    RingLayout.FILE_OWNER_PID_OFFSET,
                    ProcessHandle.current().pid(),
                    0);
        }
        arena.close();
    }

    @Override
    public String toString() {
        return "MappedRingBuffer[" + file + ", " + kind + ", epoch " + Long.toHexString(epoch) + ", " + ring + "]";
    }
}
