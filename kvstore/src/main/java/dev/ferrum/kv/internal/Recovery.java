/*
 * Copyright 2026 the Ferrum authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.ferrum.kv.internal;

import dev.ferrum.kv.CorruptStoreException;
import dev.ferrum.kv.KvOptions;
import dev.ferrum.kv.KvStoreException;
import dev.ferrum.kv.RecoveryReport;
import dev.ferrum.kv.RecoveryReport.SegmentProblem;
import dev.ferrum.kv.RecoveryReport.SegmentProblem.Kind;
import java.io.IOException;
import java.lang.foreign.MemorySegment;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * Opening a store: checks the directory against the {@link Manifest}, cleans up what a crash left
 * half-done, rebuilds the index from hint files (each entry verified against its segment) or by
 * scanning, and hands the write side its state ({@link Log}).
 *
 * <p>Files the manifest does not list are the traces of an interrupted step, resolved as its recovery:
 * <ul>
 *   <li>a compaction output ({@code minor > 0}) not listed: the compaction did not commit; deleted
 *       (its inputs are still listed and complete);</li>
 *   <li>an ordinary segment older than the listed ones: an input of a committed compaction whose
 *       deletion did not finish; deleted;</li>
 *   <li>an ordinary segment newer than every listed one: a roll whose manifest switch did not happen; it
 *       holds no record yet (records are appended only after the switch) and is adopted as active.</li>
 * </ul>
 * Files the manifest lists but that are missing, shorter than written, or replaced (another salt or
 * name in the header), and damaged records in sealed segments, are reported: the open fails with
 * {@link CorruptStoreException}, or with {@code salvage} the survivors are served and the findings listed.
 *
 * <p>Replay: files in replay order (name order); a record replaces the index entry of its key only if its
 * sequence number is higher, so even a salvaged, misordered set of files yields each key's newest record.
 */
public final class Recovery {

    /** What recovery hands the store. */
    public record Result(Log log, RecoveryReport report) {}

    private final Path dir;
    private final KvOptions options;
    private final SegmentTable table;
    private final HashIndex index;
    private int nextId = 1;
    /** Files shorter than their header says: never appended to again. */
    private final java.util.Set<String> cut = new java.util.HashSet<>();

    private final List<RecoveryReport.Corruption> corruptions = new ArrayList<>();
    private final List<SegmentProblem> problems = new ArrayList<>();
    private int fromHints;
    private int hintsRejected;
    private int cleanedUp;
    private long records;
    private long torn;
    private long lastSeq;

    private Recovery(Path dir, KvOptions options, SegmentTable table, HashIndex index) {
        this.dir = dir;
        this.options = options;
        this.table = table;
        this.index = index;
    }

    private record SegFile(Path path, String name, long major, int minor) {}

    /**
     * Recovers the store in {@code dir} (locked by the caller). On failure every segment mapped so far
     * is registered in {@code table}, for the caller to unmap.
     */
    public static Result run(Path dir, KvOptions options, SegmentTable table, HashIndex index) throws IOException {
        return new Recovery(dir, options, table, index).run();
    }

    private Result run() throws IOException {
        List<Manifest.Entry> manifest;
        try {
            manifest = Manifest.read(dir);
        } catch (CorruptStoreException e) {
            if (!options.salvage()) {
                throw e;
            }
            manifest = null;
            problems.add(new SegmentProblem(Manifest.FILE_NAME, Kind.UNREADABLE, e.getMessage()));
        }
        List<SegFile> files = new ArrayList<>();
        try (Stream<Path> list = Files.list(dir)) {
            for (Path p : list.toList()) {
                String name = p.getFileName().toString();
                if (name.endsWith(".tmp")) {
                    Files.delete(p); // an unfinished hint or manifest write
                    continue;
                }
                long[] order = Segment.parseName(name);
                if (order != null) {
                    files.add(new SegFile(p, name, order[0], (int) order[1]));
                }
            }
        }
        files.sort((a, b) -> Segment.compareOrder(a.major(), a.minor(), b.major(), b.minor()));
        boolean manifestChanged = false;
        Map<String, Manifest.Entry> listed = new HashMap<>();
        if (manifest == null) {
            if (files.isEmpty()) {
                return fresh(1);
            }
            if (problems.isEmpty() && allEmpty(files)) {
                // the very first segment was created but the store's first manifest never written
                long major = files.get(files.size() - 1).major() + 1;
                for (SegFile f : files) {
                    Files.deleteIfExists(f.path());
                    Files.deleteIfExists(HintFile.pathFor(f.path()));
                }
                return fresh(major);
            }
            if (problems.isEmpty()) {
                problems.add(new SegmentProblem(
                        Manifest.FILE_NAME, Kind.MISSING, "the manifest is missing but segment files exist"));
            }
            manifestChanged = true;
        } else {
            for (Manifest.Entry e : manifest) {
                listed.put(e.name(), e);
            }
        }
        long maxListedMajor = Long.MIN_VALUE;
        for (Manifest.Entry e : listed.values()) {
            long[] order = Segment.parseName(e.name());
            if (order != null) {
                maxListedMajor = Math.max(maxListedMajor, order[0]);
            }
        }
        List<SegFile> keep = new ArrayList<>();
        for (SegFile f : files) {
            if (manifest == null || listed.containsKey(f.name())) {
                keep.add(f);
            } else if (f.minor() == 0 && f.major() > maxListedMajor) {
                keep.add(f); // a roll that did not switch the manifest: adopted below
                manifestChanged = true;
            } else {
                // an uncommitted compaction output, or a committed compaction's undeleted input
                Files.deleteIfExists(f.path());
                Files.deleteIfExists(HintFile.pathFor(f.path()));
                cleanedUp++;
                manifestChanged = true;
            }
        }
        if (manifest != null) {
            for (Manifest.Entry e : manifest) {
                if (keep.stream().noneMatch(f -> f.name().equals(e.name()))) {
                    problems.add(new SegmentProblem(e.name(), Kind.MISSING, "listed in the manifest, file absent"));
                    manifestChanged = true;
                }
            }
        }
        if (cleanedUp > 0) {
            Durable.syncDirectory(dir);
        }

        List<Segment> opened = new ArrayList<>();
        Segment active = null;
        long writeOffset = 0;
        for (int i = 0; i < keep.size(); i++) {
            SegFile f = keep.get(i);
            Manifest.Entry entry = listed.get(f.name());
            boolean last = i == keep.size() - 1;
            Segment seg = openChecked(f, entry, last);
            if (seg == null) {
                manifestChanged = true;
                continue;
            }
            opened.add(seg);
            if (entry != null && entry.sealed() && !last) {
                recoverSealed(seg, entry);
            } else if (last && (entry == null || !entry.sealed()) && !cut.contains(f.name())) {
                writeOffset = recoverActive(seg);
                active = seg;
            } else {
                // a listed-active segment that is no longer last (an adopted roll follows it), or a sealed
                // one that ended up last because newer files are missing: scan, seal at what is valid
                recoverUnlisted(seg, entry);
                manifestChanged = true;
            }
        }
        RecoveryReport report = report(opened.size());
        if (!report.clean()) {
            if (!options.salvage()) {
                throw new CorruptStoreException(describe(report), report);
            }
            manifestChanged = true; // salvage: the surviving files and their valid ends become the truth
        }
        if (active == null) {
            long major = keep.isEmpty() ? 1 : keep.get(keep.size() - 1).major() + 1;
            Log log = newLog(opened, null, 0);
            log.writeLock.lock();
            try {
                Segment seg = log.createSegmentLocked(major, 0);
                log.addListedLocked(seg);
                log.setActiveLocked(seg, SegmentHeader.BYTES);
                log.writeManifestLocked();
            } finally {
                log.writeLock.unlock();
            }
            return new Result(log, report);
        }
        Log log = newLog(opened, active, writeOffset);
        if (manifestChanged) {
            log.writeLock.lock();
            try {
                log.writeManifestLocked();
            } finally {
                log.writeLock.unlock();
            }
        }
        return new Result(log, report);
    }

    private Log newLog(List<Segment> listedSegments, Segment active, long writeOffset) {
        return new Log(dir, options, table, index, nextId, listedSegments, active, writeOffset, lastSeq + 1);
    }

    private Result fresh(long major) throws IOException {
        Log log = newLog(List.of(), null, 0);
        log.writeLock.lock();
        try {
            Segment seg = log.createSegmentLocked(major, 0);
            log.addListedLocked(seg);
            log.setActiveLocked(seg, SegmentHeader.BYTES);
            log.writeManifestLocked();
        } finally {
            log.writeLock.unlock();
        }
        return new Result(log, report(0));
    }

    private RecoveryReport report(int segments) {
        return new RecoveryReport(
                segments, fromHints, records, torn, corruptions, problems, hintsRejected, cleanedUp, lastSeq);
    }

    private String describe(RecoveryReport r) {
        StringBuilder sb = new StringBuilder("store " + dir + " is damaged:");
        for (SegmentProblem p : r.segmentProblems()) {
            sb.append(' ')
                    .append(p.file())
                    .append(' ')
                    .append(p.kind())
                    .append(" (")
                    .append(p.detail())
                    .append(");");
        }
        for (RecoveryReport.Corruption c : r.corruptions()) {
            sb.append(' ')
                    .append(c.file())
                    .append(" damaged at offset ")
                    .append(c.offset())
                    .append(" (")
                    .append(c.bytesSkipped())
                    .append(" bytes);");
        }
        return sb.append(" records there would be lost or older values served; reopen with salvage(true) to"
                        + " serve what survives")
                .toString();
    }

    private boolean allEmpty(List<SegFile> files) throws IOException {
        for (SegFile f : files) {
            Segment seg = Segment.open(0, f.path(), f.major(), f.minor(), 0);
            try {
                MemorySegment m = seg.readable();
                SegmentHeader.Check c = SegmentHeader.check(m);
                if (c == SegmentHeader.Check.OLD_FORMAT) {
                    throw oldFormat(f);
                }
                if (c == SegmentHeader.Check.OK && Records.nonZeroEnd(m, m.byteSize()) > SegmentHeader.BYTES) {
                    return false;
                }
                if (c == SegmentHeader.Check.CORRUPT) {
                    return false;
                }
            } finally {
                seg.unmap();
            }
        }
        return true;
    }

    private KvStoreException oldFormat(SegFile f) {
        return new KvStoreException("segment " + f.path() + " has no format-" + SegmentHeader.VERSION
                + " header: the store in " + dir + " was written by an older Ferrum KV format (version 1), which this"
                + " version does not read; export it with the previous version (ferrum-kv scan) and import it");
    }

    /** Maps a file and checks its header against its name and the manifest; null if it cannot be served. */
    private Segment openChecked(SegFile f, Manifest.Entry entry, boolean last) throws IOException {
        Segment probe = Segment.open(0, f.path(), f.major(), f.minor(), 0);
        SegmentHeader.Check check;
        SegmentHeader.Fields h = null;
        long size = probe.capacity;
        try {
            check = SegmentHeader.check(probe.readable());
            if (check == SegmentHeader.Check.OK) {
                h = SegmentHeader.decode(probe.readable());
            }
        } finally {
            probe.unmap();
        }
        if (check == SegmentHeader.Check.OLD_FORMAT) {
            throw oldFormat(f);
        }
        if (check != SegmentHeader.Check.OK) {
            if (entry == null && last) {
                // an adopted roll whose creation did not finish: nothing was ever written to it
                Files.deleteIfExists(f.path());
                return null;
            }
            problems.add(new SegmentProblem(f.name(), Kind.UNREADABLE, "segment header " + check));
            return null;
        }
        if (h.major() != f.major() || h.minor() != f.minor()) {
            problems.add(new SegmentProblem(
                    f.name(), Kind.REPLACED, "header says " + Segment.fileName(h.major(), h.minor())));
            if (!options.salvage()) {
                return null;
            }
        } else if (entry != null && entry.salt() != h.salt()) {
            problems.add(new SegmentProblem(
                    f.name(),
                    Kind.REPLACED,
                    "salt " + Integer.toHexString(h.salt()) + ", manifest has " + Integer.toHexString(entry.salt())));
            if (!options.salvage()) {
                return null;
            }
        }
        if (size < h.capacity() && (entry == null || !entry.sealed() || size < entry.dataEnd())) {
            // A sealed segment only needs its bytes up to the recorded end; the active one (appended to
            // in place) needs all of them. A shorter file was cut.
            problems.add(new SegmentProblem(
                    f.name(), Kind.TRUNCATED, "file has " + size + " of its " + h.capacity() + " bytes"));
            cut.add(f.name());
        }
        Segment seg = Segment.open(nextId++, f.path(), f.major(), f.minor(), h.salt());
        table.register(seg);
        return seg;
    }

    private void recoverSealed(Segment seg, Manifest.Entry entry) {
        long limit = Math.min(seg.capacity, entry.dataEnd());
        HintFile.Hint hint = HintFile.read(seg.path, seg.capacity);
        if (hint != null) {
            if (hint.salt() == seg.salt && hint.dataEnd() == entry.dataEnd() && applyHint(seg, hint)) {
                fromHints++;
                records += hint.entries().length;
                seg.dataEnd(hint.dataEnd());
                seg.sealed = true;
                return;
            }
            hintsRejected++;
        }
        List<SegmentScanner.Damage> damage = new ArrayList<>();
        SegmentScanner.Result r = scan(seg, limit, damage);
        for (SegmentScanner.Damage d : damage) {
            corruptions.add(new RecoveryReport.Corruption(seg.toString(), d.offset(), d.bytes()));
        }
        if (r.validEnd() < entry.dataEnd()) {
            if (entry.synced()) {
                if (seg.capacity >= entry.dataEnd()) {
                    // the file is whole but its records end early: cut or zeroed inside
                    problems.add(new SegmentProblem(
                            seg.toString(),
                            Kind.TRUNCATED,
                            "records end at " + r.validEnd() + ", manifest recorded " + entry.dataEnd()));
                } else if (!cut.contains(seg.toString())) {
                    problems.add(new SegmentProblem(
                            seg.toString(), Kind.TRUNCATED, "file cut at " + seg.capacity + " of " + entry.dataEnd()));
                }
            } else {
                // sealed under NO_SYNC and never forced: losing its tail is the policy's documented loss
                torn += entry.dataEnd() - r.validEnd();
            }
        }
        seg.dataEnd(r.validEnd());
        seg.sealed = true;
    }

    private void recoverUnlisted(Segment seg, Manifest.Entry entry) {
        List<SegmentScanner.Damage> damage = new ArrayList<>();
        long limit = entry != null && entry.sealed() ? Math.min(seg.capacity, entry.dataEnd()) : seg.capacity;
        SegmentScanner.Result r = scan(seg, limit, damage);
        for (SegmentScanner.Damage d : damage) {
            corruptions.add(new RecoveryReport.Corruption(seg.toString(), d.offset(), d.bytes()));
        }
        if (r.tornTail()) {
            torn += r.tailEnd() - r.validEnd();
        }
        seg.dataEnd(r.validEnd());
        seg.force(SegmentHeader.BYTES, r.validEnd()); // sealed now: make it complete on disk
        seg.sealed = true;
    }

    private long recoverActive(Segment seg) {
        List<SegmentScanner.Damage> damage = new ArrayList<>();
        SegmentScanner.Result r = scan(seg, seg.capacity, damage);
        for (SegmentScanner.Damage d : damage) {
            corruptions.add(new RecoveryReport.Corruption(seg.toString(), d.offset(), d.bytes()));
        }
        seg.dataEnd(r.validEnd());
        if (r.tornTail()) {
            // Cut the incomplete last write: zero it so it can never be read back as data and the next
            // append starts on clean space (the blocks are preallocated: this store cannot fault).
            seg.writable().asSlice(r.validEnd(), r.tailEnd() - r.validEnd()).fill((byte) 0);
            seg.force(r.validEnd(), r.tailEnd());
            torn += r.tailEnd() - r.validEnd();
        }
        return r.validEnd();
    }

    private SegmentScanner.Result scan(Segment seg, long limit, List<SegmentScanner.Damage> damage) {
        SegmentScanner.Result r = SegmentScanner.scan(
                seg.writable(),
                limit,
                seg.salt,
                options.maxKeyBytes(),
                options.maxValueBytes(),
                (off, size, tomb) -> apply(seg, off, size, tomb),
                damage);
        records += r.records();
        seg.lastSequence = r.lastSequence();
        lastSeq = Math.max(lastSeq, r.lastSequence());
        return r;
    }

    /**
     * Applies a hint's entries after checking every one against the segment (salt, plausible lengths
     * within dataEnd, header+key CRC, increasing sequence numbers); applies nothing if any fails.
     */
    private boolean applyHint(Segment seg, HintFile.Hint hint) {
        MemorySegment map = seg.readable();
        long prevSeq = 0;
        long[] entries = hint.entries();
        for (int i = 0; i < entries.length; i++) {
            long off = HintFile.Hint.offset(entries[i]);
            if (off + Records.OVERHEAD_BYTES > hint.dataEnd() || Records.salt(map, off) != seg.salt) {
                return false;
            }
            int k = Records.keyLength(map, off);
            int v = Records.valueLength(map, off);
            long seq = Records.sequence(map, off);
            if (k < 1
                    || k > options.maxKeyBytes()
                    || v < 0
                    || v > options.maxValueBytes()
                    || off + Records.size(k, v) > hint.dataEnd()
                    || seq <= prevSeq
                    || Records.isTombstone(map, off) != HintFile.Hint.tombstone(entries[i])
                    || Records.headerKeyCrc(map, off) != hint.keyCrcs()[i]) {
                return false;
            }
            prevSeq = seq;
        }
        for (long e : entries) {
            long off = HintFile.Hint.offset(e);
            apply(seg, off, Records.sizeAt(map, off), HintFile.Hint.tombstone(e));
        }
        seg.lastSequence = prevSeq;
        lastSeq = Math.max(lastSeq, prevSeq);
        return true;
    }

    /** Replays one record into the index: it wins only over an older sequence number. */
    private void apply(Segment seg, long off, long size, boolean tombstone) {
        MemorySegment map = seg.readable();
        int klen = Records.keyLength(map, off);
        long keyOff = Records.keyOffset(off);
        long hash = KeyHash.of(map, keyOff, klen);
        long seq = Records.sequence(map, off);
        long cur = index.find(map, keyOff, klen, hash);
        if (cur > 0) {
            Segment curSeg = table.segment(cur);
            if (Records.sequence(curSeg.readable(), HashIndex.offset(cur)) > seq) {
                return; // an older record of the key met after a newer one (salvaged, misordered files)
            }
        }
        long prev;
        if (tombstone) {
            prev = index.remove(map, keyOff, klen, hash);
        } else {
            prev = index.put(map, keyOff, klen, hash, HashIndex.location(seg.id, off));
            seg.liveBytes += size;
        }
        if (prev != 0) {
            Segment old = table.segment(prev);
            old.liveBytes -= Records.sizeAt(old.readable(), HashIndex.offset(prev));
        }
    }
}
