/*
 * Copyright 2026 the Ferrum authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.ferrum.kv.internal;

import dev.ferrum.kv.KvOptions;
import java.io.IOException;
import java.lang.foreign.MemorySegment;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Compaction: rewrites the live records of every sealed segment into new segment files named
 * {@code <last input major>-<n>} (they sort after every input and before the active segment), switches
 * the index to the copies, and deletes the inputs.
 *
 * <p>Crash order (each step durable before the next):
 * <ol>
 *   <li>outputs written, forced, hinted; they are not in the manifest yet, so a crash here leaves files
 *       that recovery deletes as an interrupted compaction;</li>
 *   <li>index entries switched to the copies in short batches under the writer lock (memory only);</li>
 *   <li>commit, under the writer lock: everything written meanwhile (records that went to the active
 *       segment while compaction ran, and sealed-unsynced segments) is forced first, then the manifest
 *       is switched from inputs to outputs. Without the force, an OS crash after the inputs are gone could
 *       lose a newer write whose older value was dropped from the copies, leaving the key absent: a state
 *       that never existed;</li>
 *   <li>inputs retired (unreachable), their files deleted and the directory forced; a crash before the
 *       deletions finish leaves unlisted old files, which recovery deletes.</li>
 * </ol>
 * Records are copied verbatim with their sequence numbers, so recovery order never decides a winner alone.
 */
public final class Compactor {

    private static final int BATCH = 4096;

    /** Test hook run just before the commit (after the copies and the index switch). */
    private volatile Runnable beforeCommit = () -> {};

    private final Log log;
    private final SegmentTable table;
    private final HashIndex index;
    private final KvOptions options;

    public Compactor(Log log, SegmentTable table, HashIndex index) {
        this.log = log;
        this.table = table;
        this.index = index;
        this.options = log.options();
    }

    /**
     * Runs one compaction (the caller serializes compactions).
     *
     * @return bytes reclaimed (input bytes minus output bytes)
     */
    public long run() throws IOException {
        List<Segment> inputs;
        log.writeLock.lock();
        try {
            inputs = log.sealForCompactionLocked();
        } finally {
            log.writeLock.unlock();
        }
        if (inputs.isEmpty()) {
            return 0;
        }
        long outMajor = inputs.get(inputs.size() - 1).major;
        int minor = 0;
        for (Segment s : inputs) {
            if (s.major == outMajor) {
                minor = Math.max(minor, s.minor);
            }
        }
        long inputBytes = 0;
        List<Segment> outputs = new ArrayList<>();
        List<long[]> moves = new ArrayList<>(); // per output: pairs (old location, new offset)
        try {
            Segment out = null;
            long outOffset = 0;
            long[] curMoves = null;
            int nMoves = 0;
            for (Segment in : inputs) {
                inputBytes += in.dataEnd() - SegmentHeader.BYTES;
                MemorySegment src = in.readable();
                List<long[]> live = new ArrayList<>();
                SegmentScanner.scan(
                        src,
                        in.dataEnd(),
                        in.salt,
                        options.maxKeyBytes(),
                        options.maxValueBytes(),
                        (off, size, tomb) -> {
                            if (!tomb) {
                                live.add(new long[] {off, size});
                            }
                        },
                        new ArrayList<>());
                for (long[] r : live) {
                    long off = r[0];
                    long size = r[1];
                    long loc = HashIndex.location(in.id, off);
                    int klen = Records.keyLength(src, off);
                    long hash = KeyHash.of(src, Records.keyOffset(off), klen);
                    long cur = index.find(src, Records.keyOffset(off), klen, hash);
                    if (cur != loc && cur != HashIndex.RETRY) {
                        continue; // overwritten or deleted: dropped
                    }
                    // (RETRY cannot happen here: compactions are serialized and only they retire
                    // segments; were it to, copying a possibly dead record only costs space, since the
                    // index switch below moves an entry only if it still points at the input.)
                    if (out == null || outOffset + size > out.capacity) {
                        if (out != null) {
                            moves.add(Arrays.copyOf(curMoves, nMoves));
                            finishOutput(out, outOffset);
                        }
                        out = newOutput(outMajor, ++minor);
                        outputs.add(out);
                        outOffset = SegmentHeader.BYTES;
                        curMoves = new long[256];
                        nMoves = 0;
                    }
                    copyRecord(src, off, size, out, outOffset);
                    if (nMoves + 2 > curMoves.length) {
                        curMoves = Arrays.copyOf(curMoves, curMoves.length * 2);
                    }
                    curMoves[nMoves++] = loc;
                    curMoves[nMoves++] = outOffset;
                    outOffset += size;
                }
            }
            if (out != null) {
                moves.add(Arrays.copyOf(curMoves, nMoves));
                finishOutput(out, outOffset);
            }
            Durable.syncDirectory(log.directory());
        } catch (IOException | RuntimeException e) {
            // nothing points at the outputs yet: drop them (a crash here leaves them to recovery)
            abandon(outputs);
            throw e;
        }
        long outputBytes;
        try {
            outputBytes = switchIndex(outputs, moves);
            beforeCommit.run();
        } catch (RuntimeException e) {
            // The index may already point into the outputs: they must be named by every manifest from now
            // on (beside the inputs, which hold the same records), or a restart would drop them.
            log.writeLock.lock();
            try {
                log.keepListedLocked(outputs);
            } finally {
                log.writeLock.unlock();
            }
            throw e;
        }
        commit(inputs, outputs);
        return inputBytes - outputBytes;
    }

    /**
     * Copies a record into an output, re-salted: the output file has its own salt, so the header's salt
     * word and the CRC are rewritten; key, value and sequence number are copied unchanged.
     */
    private static void copyRecord(MemorySegment src, long off, long size, Segment out, long outOffset) {
        MemorySegment dst = out.writable();
        MemorySegment.copy(src, off, dst, outOffset, size);
        dst.set(Records.INT_LE, outOffset, out.salt);
        java.util.zip.CRC32C crc = new java.util.zip.CRC32C();
        crc.update(dst.asSlice(outOffset, size - Records.TRAILER_BYTES).asByteBuffer());
        dst.set(Records.INT_LE, outOffset + size - Records.TRAILER_BYTES, (int) crc.getValue());
    }

    /** Installs a hook run before each commit (tests: writes "while compaction runs"). */
    public void beforeCommit(Runnable hook) {
        this.beforeCommit = hook;
    }

    private long switchIndex(List<Segment> outputs, List<long[]> moves) {
        long outputBytes = 0;
        for (int o = 0; o < outputs.size(); o++) {
            Segment seg = outputs.get(o);
            outputBytes += seg.dataEnd() - SegmentHeader.BYTES;
            long[] mv = moves.get(o);
            MemorySegment dst = seg.readable();
            for (int i = 0; i < mv.length; ) {
                log.writeLock.lock();
                try {
                    int end = Math.min(mv.length, i + 2 * BATCH);
                    for (; i < end; i += 2) {
                        long oldLoc = mv[i];
                        long newOff = mv[i + 1];
                        int klen = Records.keyLength(dst, newOff);
                        long hash = KeyHash.of(dst, Records.keyOffset(newOff), klen);
                        if (index.replaceIf(
                                dst,
                                Records.keyOffset(newOff),
                                klen,
                                hash,
                                oldLoc,
                                HashIndex.location(seg.id, newOff))) {
                            long size = Records.sizeAt(dst, newOff);
                            seg.liveBytes += size;
                            Segment old = table.segment(oldLoc);
                            old.liveBytes -= size;
                        }
                    }
                } finally {
                    log.writeLock.unlock();
                }
            }
        }
        return outputBytes;
    }

    private void commit(List<Segment> inputs, List<Segment> outputs) throws IOException {
        log.writeLock.lock();
        try {
            log.ensureOpenLocked();
            log.commitCompactionLocked(inputs, outputs);
            for (Segment in : inputs) {
                table.retire(in);
            }
        } finally {
            log.writeLock.unlock();
        }
        for (Segment in : inputs) {
            in.deleteFile();
        }
        Durable.syncDirectory(log.directory());
        table.reclaimLater(inputs);
    }

    private Segment newOutput(long major, int minor) throws IOException {
        log.writeLock.lock();
        try {
            return Segment.create(
                    log.newSegmentIdLocked(),
                    log.directory(),
                    Segment.fileName(major, minor),
                    major,
                    minor,
                    options.segmentBytes(),
                    false);
        } finally {
            log.writeLock.unlock();
        }
    }

    private void finishOutput(Segment seg, long end) throws IOException {
        seg.dataEnd(end);
        seg.force(0, end);
        seg.sealed = true;
        log.writeLock.lock();
        try {
            table.register(seg); // readable once the index may point at it (switchIndex)
        } finally {
            log.writeLock.unlock();
        }
        Log.writeHint(seg, options);
    }

    private void abandon(List<Segment> outputs) {
        log.writeLock.lock();
        try {
            for (Segment s : outputs) {
                table.unregister(s);
            }
        } finally {
            log.writeLock.unlock();
        }
        for (Segment s : outputs) {
            s.unmap();
            try {
                s.deleteFile();
            } catch (IOException ignored) {
                // left for recovery, which deletes unlisted compaction outputs
            }
        }
    }
}
