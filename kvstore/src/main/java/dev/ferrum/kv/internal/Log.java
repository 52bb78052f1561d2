/*
 * Copyright 2026 the Ferrum authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.ferrum.kv.internal;

import dev.ferrum.kv.Durability;
import dev.ferrum.kv.KvOptions;
import dev.ferrum.kv.KvStoreException;
import dev.ferrum.kv.StorageFullException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.locks.ReentrantLock;
import java.util.zip.CRC32C;

/**
 * The write side of a store: the active segment, the writer lock, sequence numbers, rolling to a new
 * segment, forcing (which segments hold data not yet on stable storage), and the manifest.
 *
 * <p>Thread model: every method whose name ends in {@code Locked}, and {@link #append}/{@link #publish},
 * requires {@link #writeLock}. The group-commit thread snapshots what to force under the lock and forces
 * outside it ({@code beginSync}/{@code endSync}).
 *
 * <p>Durability bookkeeping: {@code syncedUpTo} is how far the active segment is known forced; sealed
 * segments not forced yet (only under NO_SYNC, whose roll does not force) are kept in {@code unsynced}
 * and marked {@code sealed-unsynced} in the manifest. {@link #syncAllLocked()} forces all of them and the
 * active segment, so {@code sync()} and {@code close()} cover every segment written since the last sync.
 */
public final class Log {

    public final ReentrantLock writeLock = new ReentrantLock();

    private final Path dir;
    private final KvOptions options;
    private final SegmentTable table;
    private final HashIndex index;

    private int nextSegmentId;
    private Segment active;
    private long writeOffset;
    private long syncedUpTo;
    private long nextSequence;
    /** The segments the manifest lists (sealed and active), in no particular order. */
    private final Set<Segment> listed = new LinkedHashSet<>();
    /** Sealed segments whose data is not known forced (NO_SYNC rolls). */
    private final Set<Segment> unsynced = new LinkedHashSet<>();

    private final CRC32C writeCrc = new CRC32C();
    private final byte[] headerScratch = new byte[Records.HEADER_BYTES];
    private volatile boolean closed;

    /** State rebuilt by {@link Recovery}. */
    public Log(
            Path dir,
            KvOptions options,
            SegmentTable table,
            HashIndex index,
            int nextSegmentId,
            List<Segment> listed,
            Segment active,
            long writeOffset,
            long nextSequence) {
        this.dir = dir;
        this.options = options;
        this.table = table;
        this.index = index;
        this.nextSegmentId = nextSegmentId;
        this.listed.addAll(listed);
        this.active = active;
        this.writeOffset = writeOffset;
        this.syncedUpTo = writeOffset;
        this.nextSequence = nextSequence;
    }

    public Path directory() {
        return dir;
    }

    public KvOptions options() {
        return options;
    }

    public boolean closed() {
        return closed;
    }

    public void markClosed() {
        closed = true;
    }

    public void ensureOpenLocked() {
        if (closed) {
            throw new KvStoreException("store " + dir + " is closed");
        }
    }

    public Segment activeLocked() {
        return active;
    }

    public long writeOffsetLocked() {
        return writeOffset;
    }

    public long nextSequenceLocked() {
        return nextSequence;
    }

    /** Recovery: lists a segment in the manifest. */
    void addListedLocked(Segment seg) {
        listed.add(seg);
    }

    /** Recovery: makes a fresh segment the active one. */
    void setActiveLocked(Segment seg, long offset) {
        active = seg;
        writeOffset = offset;
        syncedUpTo = offset;
    }

    /** Writer: a new runtime segment id. */
    public int newSegmentIdLocked() {
        return nextSegmentId++;
    }

    // ---------------------------------------------------------------- appends

    /**
     * Writer: appends a record to the active segment (rolling first if it does not fit).
     *
     * @return the record's location
     * @throws dev.ferrum.kv.StorageFullException if a roll found no room (nothing appended)
     */
    public long append(byte[] key, byte[] value, boolean tombstone) throws IOException {
        long size = Records.size(key.length, value == null ? 0 : value.length);
        if (writeOffset + size > active.capacity) {
            rollLocked();
        }
        long off = writeOffset;
        long seq = nextSequence;
        Records.write(active.writable(), off, active.salt, seq, key, value, tombstone, writeCrc, headerScratch);
        nextSequence = seq + 1;
        active.lastSequence = seq;
        writeOffset = off + size;
        active.dataEnd(writeOffset);
        return HashIndex.location(active.id, off);
    }

    /** Writer: points the index at the record (release store) and keeps the live/dead byte counts. */
    public void publish(byte[] key, long loc, boolean tombstone, long size) {
        long hash = KeyHash.of(key);
        Segment seg = table.segment(loc);
        long prev;
        if (tombstone) {
            prev = index.remove(key, hash);
        } else {
            prev = index.put(key, hash, loc);
            seg.liveBytes += size;
        }
        if (prev != 0) {
            Segment old = table.segment(prev);
            old.liveBytes -= Records.sizeAt(old.readable(), HashIndex.offset(prev));
        }
    }

    // ---------------------------------------------------------------- segments

    /** Creates a segment file (preallocated) and registers it with the table. */
    public Segment createSegmentLocked(long major, int minor) throws IOException {
        Segment seg = Segment.create(
                newSegmentIdLocked(),
                dir,
                Segment.fileName(major, minor),
                major,
                minor,
                options.segmentBytes(),
                options.durability() == Durability.SYNC_EVERY_WRITE);
        table.register(seg);
        return seg;
    }

    /**
     * Writer: seals the active segment and starts the next one, all or nothing: the new file is created
     * (and its space reserved) first, then the manifest switched; if either fails the old segment stays
     * active and nothing is changed. The old segment is forced unless the policy is NO_SYNC (then it
     * joins {@code unsynced} for the next sync/close), and gets a hint file (best effort).
     */
    public void rollLocked() throws IOException {
        Segment old = active;
        Segment next = createSegmentLocked(old.major + 1, 0);
        try {
            if (options.durability() != Durability.NO_SYNC) {
                old.force(syncedUpTo, writeOffset);
            } else {
                unsynced.add(old);
            }
            old.dataEnd(writeOffset);
            listed.add(next);
            active = next;
            writeManifestLocked();
        } catch (IOException | RuntimeException e) {
            listed.remove(next);
            unsynced.remove(old);
            active = old;
            table.unregister(next);
            next.unmap();
            next.deleteFile();
            if (e instanceof IOException io && String.valueOf(io.getMessage()).contains("No space left")) {
                throw new StorageFullException(
                        "cannot switch the manifest of " + dir + " to a new segment: " + io.getMessage()
                                + "; the store is intact, free space and retry",
                        io);
            }
            throw e;
        }
        old.sealed = true;
        writeOffset = SegmentHeader.BYTES;
        syncedUpTo = SegmentHeader.BYTES;
        writeHintBestEffort(old, options);
    }

    /** Writes a hint for a sealed segment; a failure (disk full) only costs a scan at the next open. */
    public static void writeHintBestEffort(Segment seg, KvOptions options) {
        try {
            writeHint(seg, options);
        } catch (IOException | UncheckedIOException e) {
            // the hint is an optimisation: without it recovery scans this segment
        }
    }

    static void writeHint(Segment seg, KvOptions options) throws IOException {
        long[][] entries = {new long[1024]};
        int[][] crcs = {new int[1024]};
        int[] n = {0};
        SegmentScanner.scan(
                seg.readable(),
                seg.dataEnd(),
                seg.salt,
                options.maxKeyBytes(),
                options.maxValueBytes(),
                (off, size, tomb) -> {
                    if (n[0] == entries[0].length) {
                        entries[0] = Arrays.copyOf(entries[0], n[0] * 2);
                        crcs[0] = Arrays.copyOf(crcs[0], n[0] * 2);
                    }
                    entries[0][n[0]] = HintFile.entry(off, tomb);
                    crcs[0][n[0]++] = Records.headerKeyCrc(seg.readable(), off);
                },
                new ArrayList<>());
        HintFile.write(seg.path, seg.salt, seg.dataEnd(), entries[0], crcs[0], n[0]);
    }

    /** Writer: rewrites the manifest from the listed segments. */
    public void writeManifestLocked() throws IOException {
        List<Segment> segs = new ArrayList<>(listed);
        segs.sort(Segment::compareOrder);
        List<Manifest.Entry> entries = new ArrayList<>(segs.size());
        for (Segment s : segs) {
            entries.add(
                    s == active
                            ? new Manifest.Entry(s.toString(), s.salt, -1, false)
                            : new Manifest.Entry(s.toString(), s.salt, s.dataEnd(), !unsynced.contains(s)));
        }
        Manifest.write(dir, entries);
    }

    // ---------------------------------------------------------------- forcing

    /** Writer: forces the active segment's unforced range (SYNC_EVERY_WRITE, after each write). */
    public void syncActiveLocked() {
        active.force(syncedUpTo, writeOffset);
        syncedUpTo = writeOffset;
    }

    /**
     * Writer: forces every segment written since the last sync (sealed-unsynced ones and the active one),
     * then records in the manifest that the sealed ones are complete on disk.
     */
    public void syncAllLocked() throws IOException {
        boolean hadUnsynced = !unsynced.isEmpty();
        for (Segment s : unsynced) {
            s.force(SegmentHeader.BYTES, s.dataEnd());
        }
        syncActiveLocked();
        if (hadUnsynced) {
            unsynced.clear();
            writeManifestLocked();
        }
    }

    /** A range of the active segment to force outside the lock (group commit). */
    public record SyncTask(Segment segment, long from, long to) {}

    /** Writer: what the group commit should force now, or {@code null} if nothing. */
    public SyncTask beginSyncLocked() {
        if (closed || writeOffset <= syncedUpTo || !active.tryPin()) {
            return null;
        }
        return new SyncTask(active, syncedUpTo, writeOffset);
    }

    /** Writer: records a finished group-commit force (the pin is released by the caller). */
    public void endSyncLocked(SyncTask t) {
        if (active == t.segment() && syncedUpTo < t.to()) {
            syncedUpTo = t.to();
        }
    }

    // ---------------------------------------------------------------- compaction support

    /**
     * Writer: rolls if the active segment holds records, and returns every sealed listed segment (the
     * compaction inputs), in replay order.
     */
    public List<Segment> sealForCompactionLocked() throws IOException {
        ensureOpenLocked();
        if (writeOffset > SegmentHeader.BYTES) {
            rollLocked();
        }
        List<Segment> inputs = new ArrayList<>();
        for (Segment s : listed) {
            if (s != active) {
                inputs.add(s);
            }
        }
        inputs.sort(Segment::compareOrder);
        return inputs;
    }

    /**
     * Writer: the commit point of a compaction. First forces everything written so far (records that
     * went to the active segment while compaction ran must be durable before the inputs that their
     * absence would expose go away), then switches the manifest from {@code inputs} to {@code outputs}
     * (forced, atomic rename). After this returns the inputs may be deleted.
     */
    public void commitCompactionLocked(List<Segment> inputs, List<Segment> outputs) throws IOException {
        // The outputs join the listed set first and stay in it even if the switch fails: the index may
        // already point into them, so the next manifest written (roll, retry) must name them; listing
        // inputs and outputs together is a consistent state (same records, same sequence numbers).
        listed.addAll(outputs);
        syncAllLocked();
        listed.removeAll(inputs);
        try {
            writeManifestLocked();
        } catch (IOException | RuntimeException e) {
            listed.addAll(inputs);
            throw e;
        }
        unsynced.removeAll(inputs);
    }

    /** Writer: lists compaction outputs that the index points into although the compaction did not commit. */
    public void keepListedLocked(List<Segment> outputs) {
        listed.addAll(outputs);
    }

    /** Writer: the listed segments (tests). */
    public List<Segment> listedLocked() {
        return new ArrayList<>(listed);
    }
}
