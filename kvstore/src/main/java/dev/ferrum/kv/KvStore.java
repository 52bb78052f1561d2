/*
 * Copyright 2026 the Ferrum authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.ferrum.kv;

import dev.ferrum.arena.BumpArena;
import dev.ferrum.kv.internal.Durable;
import dev.ferrum.kv.internal.HashIndex;
import dev.ferrum.kv.internal.HintFile;
import dev.ferrum.kv.internal.KeyHash;
import dev.ferrum.kv.internal.Records;
import dev.ferrum.kv.internal.Segment;
import dev.ferrum.kv.internal.SegmentScanner;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.BiConsumer;
import java.util.function.Consumer;
import java.util.stream.Stream;
import java.util.zip.CRC32C;

/**
 * A Bitcask-style key-value store (Sheehy &amp; Smith, "Bitcask: A Log-Structured Hash Table for Fast
 * Key/Value Data", Basho 2010): every write is appended to the active segment file, an in-memory hash
 * index maps each key to its latest record, and compaction rewrites live records into fresh segments.
 *
 * <ul>
 *   <li>Segments are memory-mapped once; writes copy into the mapping, reads copy out of it (or return
 *       a zero-copy view under a {@link ReadGuard}).</li>
 *   <li>The index is an off-heap open-addressing table in arena memory: 16 bytes per key, no Java
 *       object per key.</li>
 *   <li>Every record carries a CRC32C; recovery truncates a torn tail and skips damaged records.</li>
 * </ul>
 *
 * <p>Thread model: any number of threads may call {@link #get}, {@link #contains}, {@link #readGuard}
 * concurrently with each other and with writers; readers take no lock (the index publishes locations
 * with release stores, see {@code HashIndex}). {@link #put}, {@link #delete}, {@link #write} are
 * serialized by one writer lock. {@link #compact()} runs beside readers and writers, taking the writer
 * lock only briefly to switch index entries. A {@code get} racing a {@code put} of the same key returns
 * the old or the new value, never a mix. {@link #close()} must not race other calls.
 *
 * <p>Only one process may open a directory at a time: a {@code LOCK} file is held with an OS file lock.
 */
public final class KvStore implements AutoCloseable {

    private static final String LOCK_FILE = "LOCK";
    private static final int COMPACTION_BATCH = 4096;

    private final KvOptions options;
    private final Path dir;
    private final FileChannel lockChannel;
    private final FileLock fileLock;
    private final ReentrantLock writeLock = new ReentrantLock();
    private final ReentrantLock compactionLock = new ReentrantLock();
    /** Segments by runtime id (copy-on-write; volatile publication to lock-free readers). */
    private volatile Segment[] segments = new Segment[16];

    private int nextSegmentId = 1;
    private Segment active;
    private long writeOffset;
    private long syncedUpTo;
    private final BumpArena indexArena;
    private final HashIndex index;
    private final CRC32C writeCrc = new CRC32C();
    private final byte[] headerScratch = new byte[Records.HEADER_BYTES];
    private final AtomicLong guards = new AtomicLong();
    private final ConcurrentLinkedQueue<Segment> retired = new ConcurrentLinkedQueue<>();
    /** Retired but not yet unmapped segments by id, for readers that found a location just before the switch. */
    private final ConcurrentHashMap<Integer, Segment> retiredById = new ConcurrentHashMap<>();

    private final RecoveryReport recovery;
    private final Thread syncThread;
    private volatile boolean closed;

    private KvStore(KvOptions options) throws IOException {
        this.options = options;
        this.dir = options.directory();
        Files.createDirectories(dir);
        Path lockPath = dir.resolve(LOCK_FILE);
        this.lockChannel = FileChannel.open(
                lockPath, StandardOpenOption.CREATE, StandardOpenOption.READ, StandardOpenOption.WRITE);
        FileLock lock;
        try {
            lock = lockChannel.tryLock();
        } catch (OverlappingFileLockException e) {
            lock = null;
        }
        if (lock == null) {
            String holder = "";
            try {
                holder = new String(Files.readAllBytes(lockPath), StandardCharsets.UTF_8).trim();
            } catch (IOException ignored) {
                // the holder's pid is only a hint for the message
            }
            lockChannel.close();
            throw new StoreLockedException("store " + dir + " is already open for writing"
                    + (holder.isEmpty() ? "" : " (by pid " + holder + ")") + "; close it first");
        }
        this.fileLock = lock;
        lockChannel.truncate(0);
        lockChannel.write(
                ByteBuffer.wrap(Long.toString(ProcessHandle.current().pid()).getBytes(StandardCharsets.UTF_8)));
        // One shared bump arena holds the index tables: readers on any thread probe them, and a resize
        // allocates the next table as one exactly-sized chunk. Freed as a whole on close().
        this.indexArena = BumpArena.builder()
                .shared(true)
                .chunkBytes(HashIndex.tableBytesFor(options.expectedKeys()))
                .maxChunkBytes(BumpArena.MAX_CHUNK_BYTES)
                .build();
        this.index = new HashIndex(indexArena, this::segmentOf, options.expectedKeys());
        try {
            this.recovery = recover();
        } catch (IOException | RuntimeException e) {
            releaseAll();
            throw e;
        }
        if (options.durability() == Durability.SYNC_EVERY_N_MS) {
            syncThread = Thread.ofPlatform()
                    .daemon()
                    .name("ferrum-kv-sync " + dir.getFileName())
                    .start(this::syncLoop);
        } else {
            syncThread = null;
        }
    }

    /**
     * Opens (creating if needed) the store in {@code options.directory()} and rebuilds its index.
     *
     * @throws StoreLockedException if another process (or this one) has it open
     * @throws UncheckedIOException on I/O errors
     */
    public static KvStore open(KvOptions options) {
        try {
            return new KvStore(options);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot open store " + options.directory() + ": " + e.getMessage(), e);
        }
    }

    /** Opens with default options. */
    public static KvStore open(Path directory) {
        return open(KvOptions.builder(directory).build());
    }

    /** What recovery found when this store was opened. */
    public RecoveryReport recoveryReport() {
        return recovery;
    }

    /** The options this store was opened with. */
    public KvOptions options() {
        return options;
    }

    // ---------------------------------------------------------------- recovery

    private record SegmentFile(Path path, long major, int minor) {}

    private RecoveryReport recover() throws IOException {
        List<SegmentFile> files = new ArrayList<>();
        try (Stream<Path> list = Files.list(dir)) {
            for (Path p : list.toList()) {
                String name = p.getFileName().toString();
                if (name.endsWith(".tmp")) {
                    Files.delete(p); // an unfinished hint write
                    continue;
                }
                long[] order = Segment.parseName(name);
                if (order != null) {
                    files.add(new SegmentFile(p, order[0], (int) order[1]));
                }
            }
        }
        files.sort(Comparator.<SegmentFile, Long>comparing(f -> f.major(), Long::compareUnsigned)
                .thenComparingInt(SegmentFile::minor));
        List<RecoveryReport.Corruption> corruptions = new ArrayList<>();
        int fromHints = 0;
        long records = 0;
        long torn = 0;
        for (int i = 0; i < files.size(); i++) {
            SegmentFile f = files.get(i);
            Segment seg = Segment.open(nextSegmentId++, f.path(), f.major(), f.minor());
            register(seg);
            boolean last = i == files.size() - 1 && f.minor() == 0;
            HintFile.Hint hint = last ? null : HintFile.read(f.path(), seg.capacity);
            if (hint != null && applyHint(seg, hint)) {
                fromHints++;
                records += hint.entries().length;
                seg.dataEnd(hint.dataEnd());
                seg.sealed = true;
                continue;
            }
            List<SegmentScanner.Damage> damage = new ArrayList<>();
            MemorySegment map = seg.writable();
            SegmentScanner.Result r = SegmentScanner.scan(
                    map,
                    seg.capacity,
                    options.maxKeyBytes(),
                    options.maxValueBytes(),
                    (off, size, tomb) -> apply(seg, off, size, tomb),
                    damage);
            records += r.records();
            for (SegmentScanner.Damage d : damage) {
                corruptions.add(
                        new RecoveryReport.Corruption(f.path().getFileName().toString(), d.offset(), d.bytes()));
            }
            seg.dataEnd(r.validEnd());
            if (last) {
                if (r.tornTail()) {
                    // Cut the incomplete last write: zero it so it can never be read back as data and
                    // the next append starts on clean space.
                    map.asSlice(r.validEnd(), r.tailEnd() - r.validEnd()).fill((byte) 0);
                    seg.force(r.validEnd(), r.tailEnd());
                    torn += r.tailEnd() - r.validEnd();
                }
                active = seg;
                writeOffset = r.validEnd();
                syncedUpTo = writeOffset;
            } else {
                if (r.tornTail()) {
                    corruptions.add(new RecoveryReport.Corruption(
                            f.path().getFileName().toString(), r.validEnd(), r.tailEnd() - r.validEnd()));
                }
                seg.sealed = true;
            }
        }
        if (active == null) {
            long major = files.isEmpty() ? 1 : files.get(files.size() - 1).major() + 1;
            active = newSegment(major, 0);
            writeOffset = 0;
            syncedUpTo = 0;
        }
        return new RecoveryReport(files.size(), fromHints, records, torn, List.copyOf(corruptions));
    }

    /** Applies a hint's entries; returns false (after applying nothing) if an entry looks implausible. */
    private boolean applyHint(Segment seg, HintFile.Hint hint) {
        MemorySegment map = seg.readable();
        for (long e : hint.entries()) {
            long off = HintFile.Hint.offset(e);
            if (off + Records.OVERHEAD_BYTES > hint.dataEnd()) {
                return false;
            }
            int k = Records.keyLength(map, off);
            int v = Records.valueLength(map, off);
            if (k < 1
                    || k > options.maxKeyBytes()
                    || v < 0
                    || v > options.maxValueBytes()
                    || off + Records.size(k, v) > hint.dataEnd()) {
                return false;
            }
        }
        for (long e : hint.entries()) {
            long off = HintFile.Hint.offset(e);
            apply(seg, off, Records.sizeAt(map, off), HintFile.Hint.tombstone(e));
        }
        return true;
    }

    /** Replays one record into the index (recovery; single-threaded). */
    private void apply(Segment seg, long off, long size, boolean tombstone) {
        MemorySegment map = seg.readable();
        int klen = Records.keyLength(map, off);
        long keyOff = Records.keyOffset(off);
        long hash = KeyHash.of(map, keyOff, klen);
        long prev;
        if (tombstone) {
            prev = index.remove(map, keyOff, klen, hash);
        } else {
            prev = index.put(map, keyOff, klen, hash, HashIndex.location(seg.id, off));
            seg.liveBytes += size;
        }
        if (prev != 0) {
            Segment old = segment(prev);
            old.liveBytes -= Records.sizeAt(old.readable(), HashIndex.offset(prev));
        }
    }

    // ---------------------------------------------------------------- segments

    private void register(Segment seg) {
        Segment[] cur = segments;
        Segment[] next = Arrays.copyOf(cur, Math.max(cur.length, Integer.highestOneBit(seg.id) << 1));
        next[seg.id] = seg;
        segments = next; // volatile store: the segment is fully built before it is reachable (StoreStore)
    }

    private void unregister(Segment seg) {
        Segment[] next = segments.clone();
        next[seg.id] = null;
        segments = next;
    }

    private MemorySegment segmentOf(long location) {
        Segment[] segs = segments; // volatile load (LoadLoad)
        int id = HashIndex.segmentId(location);
        Segment s = id < segs.length ? segs[id] : null;
        if (s == null) {
            // Compacted away after the caller read the location: still mapped until no guard is open
            // (a guarded reader can finish), else unmapped and the caller retries.
            s = retiredById.get(id);
            if (s == null) {
                throw new IllegalStateException("segment " + id + " retired");
            }
        }
        return s.readable();
    }

    private Segment segment(long location) {
        return segments[HashIndex.segmentId(location)];
    }

    private Segment newSegment(long major, int minor) throws IOException {
        Segment seg = Segment.create(
                nextSegmentId++,
                dir,
                Segment.fileName(major, minor),
                major,
                minor,
                options.segmentBytes(),
                options.durability() == Durability.SYNC_EVERY_WRITE);
        register(seg);
        return seg;
    }

    /** Writer: seals the active segment (forced unless NO_SYNC, plus a hint) and starts the next one. */
    private void roll() throws IOException {
        Segment old = active;
        if (options.durability() != Durability.NO_SYNC) {
            old.force(syncedUpTo, writeOffset);
        }
        old.dataEnd(writeOffset);
        old.sealed = true;
        writeHint(old);
        active = newSegment(old.major + 1, 0);
        writeOffset = 0;
        syncedUpTo = 0;
    }

    private void writeHint(Segment seg) throws IOException {
        long[][] entries = {new long[1024]};
        int[] n = {0};
        SegmentScanner.scan(
                seg.readable(),
                seg.dataEnd(),
                options.maxKeyBytes(),
                options.maxValueBytes(),
                (off, size, tomb) -> {
                    if (n[0] == entries[0].length) {
                        entries[0] = Arrays.copyOf(entries[0], n[0] * 2);
                    }
                    entries[0][n[0]++] = HintFile.entry(off, tomb);
                },
                new ArrayList<>());
        HintFile.write(seg.path, seg.dataEnd(), entries[0], n[0]);
    }

    // ---------------------------------------------------------------- reads

    private void checkKey(byte[] key) {
        Objects.requireNonNull(key, "key");
        if (key.length == 0) {
            throw new IllegalArgumentException("empty key: keys must be 1.." + options.maxKeyBytes() + " bytes");
        }
        if (key.length > options.maxKeyBytes()) {
            throw new IllegalArgumentException(
                    "key of " + key.length + " bytes exceeds maxKeyBytes " + options.maxKeyBytes());
        }
    }

    /**
     * The value for {@code key}, copied into a new array, or {@code null} if absent. Lock-free.
     *
     * @throws CorruptRecordException if the stored record fails its CRC check
     * @throws IllegalArgumentException if the key is empty or longer than {@code maxKeyBytes}
     */
    public byte[] get(byte[] key) {
        checkKey(key);
        long hash = KeyHash.of(key);
        for (; ; ) {
            try {
                long loc = index.find(key, hash);
                if (loc == 0) {
                    return null;
                }
                MemorySegment s = segmentOf(loc);
                long rec = HashIndex.offset(loc);
                int vlen = Records.valueLength(s, rec);
                if (vlen < 0 || rec + Records.size(key.length, vlen) > s.byteSize()) {
                    throw corrupt(loc, "value length " + vlen + " out of range");
                }
                byte[] value = new byte[vlen];
                MemorySegment.copy(s, ValueLayout.JAVA_BYTE, rec + Records.HEADER_BYTES + key.length, value, 0, vlen);
                // CRC over exactly the bytes handed out (after the copy: no check-then-use gap)
                if (options.verifyOnRead() && !Records.crcMatches(s, rec, key, value, vlen, new CRC32C())) {
                    throw corrupt(loc, "CRC32C mismatch");
                }
                return value;
            } catch (IllegalStateException e) {
                // The record's segment was retired by compaction and unmapped after we found it: the
                // index already points at the copy, look again.
                retryOrFail(e);
            }
        }
    }

    /**
     * Copies the value for {@code key} into {@code target} (which must be large enough).
     *
     * @return the value's length, or -1 if absent
     * @throws IllegalArgumentException if {@code target} is too small (message gives the length needed)
     */
    public int get(byte[] key, MemorySegment target) {
        checkKey(key);
        long hash = KeyHash.of(key);
        for (; ; ) {
            try {
                long loc = index.find(key, hash);
                if (loc == 0) {
                    return -1;
                }
                MemorySegment s = segmentOf(loc);
                long rec = HashIndex.offset(loc);
                int vlen = checkedValueLength(s, rec, loc);
                if (target.byteSize() < vlen) {
                    throw new IllegalArgumentException(
                            "target of " + target.byteSize() + " bytes is too small for a " + vlen + "-byte value");
                }
                MemorySegment.copy(s, Records.valueOffset(s, rec), target, 0, vlen);
                return vlen;
            } catch (IllegalStateException e) {
                retryOrFail(e);
            }
        }
    }

    /** Whether {@code key} is present. Lock-free. */
    public boolean contains(byte[] key) {
        checkKey(key);
        long hash = KeyHash.of(key);
        for (; ; ) {
            try {
                return index.find(key, hash) != 0;
            } catch (IllegalStateException e) {
                retryOrFail(e);
            }
        }
    }

    private void retryOrFail(IllegalStateException e) {
        if (closed) {
            throw new KvStoreException("store " + dir + " is closed", e);
        }
        Thread.onSpinWait();
    }

    /** Validates the record at {@code rec} (bounds and, if enabled, CRC) and returns its value length. */
    private int checkedValueLength(MemorySegment s, long rec, long loc) {
        int klen = Records.keyLength(s, rec);
        int vlen = Records.valueLength(s, rec);
        if (vlen < 0 || klen < 1 || rec + Records.size(klen, vlen) > s.byteSize()) {
            throw corrupt(loc, "lengths out of range");
        }
        if (options.verifyOnRead()) {
            CRC32C crc = new CRC32C();
            long body = Records.HEADER_BYTES + (long) klen + vlen;
            crc.update(s.asSlice(rec, body).asByteBuffer());
            if ((int) crc.getValue() != Records.storedCrc(s, rec + body)) {
                throw corrupt(loc, "CRC32C mismatch");
            }
        }
        return vlen;
    }

    private CorruptRecordException corrupt(long loc, String why) {
        Segment seg = segment(loc);
        return new CorruptRecordException("record at offset " + HashIndex.offset(loc) + " of "
                + (seg == null ? "a retired segment" : seg.path) + " is corrupt: " + why);
    }

    /** Zero-copy read for {@link ReadGuard#get}: the caller holds a guard, so no segment is unmapped. */
    MemorySegment view(byte[] key) {
        checkKey(key);
        ensureOpen();
        long hash = KeyHash.of(key);
        for (; ; ) {
            try {
                long loc = index.find(key, hash);
                if (loc == 0) {
                    return null;
                }
                MemorySegment s = segmentOf(loc);
                long rec = HashIndex.offset(loc);
                int vlen = checkedValueLength(s, rec, loc);
                return s.asSlice(Records.valueOffset(s, rec), vlen);
            } catch (IllegalStateException e) {
                retryOrFail(e); // only if closed: the guard keeps retired segments mapped
            }
        }
    }

    /**
     * Opens a read snapshot whose {@link ReadGuard#get} returns zero-copy views of mapped values.
     * Close it promptly (try-with-resources).
     */
    public ReadGuard readGuard() {
        ensureOpen();
        guards.incrementAndGet();
        return new ReadGuard(this);
    }

    void releaseGuard() {
        if (guards.decrementAndGet() == 0) {
            reclaimRetired();
        }
    }

    /**
     * Unmaps retired segments if no guard is open. Items are drained before the guard count is read:
     * each was retired after the index stopped pointing into it, so a guard opened after this check
     * cannot reach it.
     */
    private void reclaimRetired() {
        List<Segment> batch = new ArrayList<>();
        for (Segment s; (s = retired.poll()) != null; ) {
            batch.add(s);
        }
        if (batch.isEmpty()) {
            return;
        }
        if (guards.get() == 0) {
            for (Segment s : batch) {
                retiredById.remove(s.id);
                s.unmap();
            }
        } else {
            retired.addAll(batch);
        }
    }

    /** Calls {@code action} with each live key and a copy of its value (weakly consistent, under a guard). */
    public void forEach(BiConsumer<byte[], byte[]> action) {
        ReadGuard guard = readGuard();
        try {
            index.forEachLocation(loc -> {
                // under the guard every segment the index pointed into is still mapped
                MemorySegment s = segmentOf(loc);
                long rec = HashIndex.offset(loc);
                int vlen = checkedValueLength(s, rec, loc);
                int klen = Records.keyLength(s, rec);
                byte[] key = s.asSlice(Records.keyOffset(rec), klen).toArray(ValueLayout.JAVA_BYTE);
                byte[] value = s.asSlice(Records.keyOffset(rec) + klen, vlen).toArray(ValueLayout.JAVA_BYTE);
                action.accept(key, value);
            });
        } finally {
            guard.close();
        }
    }

    /** Calls {@code action} with each live key (weakly consistent). */
    public void forEachKey(Consumer<byte[]> action) {
        forEach((k, v) -> action.accept(k));
    }

    // ---------------------------------------------------------------- writes

    private void checkValue(byte[] value) {
        Objects.requireNonNull(value, "value");
        if (value.length > options.maxValueBytes()) {
            throw new IllegalArgumentException(
                    "value of " + value.length + " bytes exceeds maxValueBytes " + options.maxValueBytes());
        }
    }

    /** Stores {@code value} under {@code key}; durable per the store's {@link Durability} when it returns. */
    public void put(byte[] key, byte[] value) {
        checkKey(key);
        checkValue(value);
        writeLock.lock();
        try {
            ensureOpen();
            long loc = append(key, value, false);
            if (options.durability() == Durability.SYNC_EVERY_WRITE) {
                syncActiveLocked();
            }
            publish(key, loc, false, Records.size(key.length, value.length));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            writeLock.unlock();
        }
    }

    /**
     * Deletes {@code key} (appends a tombstone).
     *
     * @return whether it was present
     */
    public boolean delete(byte[] key) {
        checkKey(key);
        writeLock.lock();
        try {
            ensureOpen();
            if (!contains(key)) {
                return false;
            }
            long loc = append(key, null, true);
            if (options.durability() == Durability.SYNC_EVERY_WRITE) {
                syncActiveLocked();
            }
            publish(key, loc, true, Records.size(key.length, 0));
            return true;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            writeLock.unlock();
        }
    }

    /** Applies a batch under one lock acquisition and (for SYNC_EVERY_WRITE) one force. */
    public void write(WriteBatch batch) {
        int n = batch.size();
        for (int i = 0; i < n; i++) {
            checkKey(batch.keys.get(i));
            if (batch.values.get(i) != null) {
                checkValue(batch.values.get(i));
            }
        }
        writeLock.lock();
        try {
            ensureOpen();
            long[] locs = new long[n];
            for (int i = 0; i < n; i++) {
                byte[] v = batch.values.get(i);
                locs[i] = append(batch.keys.get(i), v, v == null);
            }
            if (options.durability() == Durability.SYNC_EVERY_WRITE) {
                syncSealedAndActiveLocked();
            }
            for (int i = 0; i < n; i++) {
                byte[] v = batch.values.get(i);
                publish(
                        batch.keys.get(i),
                        locs[i],
                        v == null,
                        Records.size(batch.keys.get(i).length, v == null ? 0 : v.length));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            writeLock.unlock();
        }
    }

    /** Puts every entry of {@code entries} as one {@link WriteBatch}. */
    public void putAll(Map<byte[], byte[]> entries) {
        WriteBatch b = new WriteBatch();
        entries.forEach(b::put);
        write(b);
    }

    /** Writer: appends a record to the active segment (rolling first if it does not fit). */
    private long append(byte[] key, byte[] value, boolean tombstone) throws IOException {
        long size = Records.size(key.length, value == null ? 0 : value.length);
        if (writeOffset + size > active.capacity) {
            roll();
        }
        long off = writeOffset;
        Records.write(active.writable(), off, key, value, tombstone, writeCrc, headerScratch);
        writeOffset = off + size;
        active.dataEnd(writeOffset);
        return HashIndex.location(active.id, off);
    }

    /** Writer: points the index at the record (release store) and keeps the live/dead byte counts. */
    private void publish(byte[] key, long loc, boolean tombstone, long size) {
        long hash = KeyHash.of(key);
        Segment seg = segment(loc);
        long prev;
        if (tombstone) {
            prev = index.remove(key, hash);
        } else {
            prev = index.put(key, hash, loc);
            seg.liveBytes += size;
        }
        if (prev != 0) {
            Segment old = segment(prev);
            old.liveBytes -= Records.sizeAt(old.readable(), HashIndex.offset(prev));
        }
    }

    private void syncActiveLocked() {
        active.force(syncedUpTo, writeOffset);
        syncedUpTo = writeOffset;
    }

    private void syncSealedAndActiveLocked() {
        // roll() already forced any segment sealed during this batch (policy != NO_SYNC)
        syncActiveLocked();
    }

    /** Forces everything written so far to stable storage, whatever the policy. */
    public void sync() {
        writeLock.lock();
        try {
            ensureOpen();
            syncActiveLocked();
        } finally {
            writeLock.unlock();
        }
    }

    private void syncLoop() {
        long interval = options.syncIntervalMillis();
        while (!closed) {
            try {
                Thread.sleep(interval);
            } catch (InterruptedException e) {
                return;
            }
            Segment seg;
            long from;
            long to;
            writeLock.lock();
            try {
                if (closed) {
                    return;
                }
                seg = active;
                from = syncedUpTo;
                to = writeOffset;
            } finally {
                writeLock.unlock();
            }
            if (to <= from) {
                continue;
            }
            try {
                seg.force(from, to); // outside the lock: writers keep appending above `to`
            } catch (IllegalStateException e) {
                if (closed) {
                    return;
                }
                // The segment was sealed (roll() forced it) and then compacted away meanwhile: nothing
                // is left to force there; keep serving the new active segment.
                continue;
            }
            writeLock.lock();
            try {
                if (active == seg && syncedUpTo < to) {
                    syncedUpTo = to;
                }
            } finally {
                writeLock.unlock();
            }
        }
    }

    private void ensureOpen() {
        if (closed) {
            throw new KvStoreException("store " + dir + " is closed");
        }
    }

    // ---------------------------------------------------------------- compaction

    /**
     * Rewrites every sealed segment's live records into new segments and deletes the old files.
     * Readers are never blocked; writers wait only while a batch of index entries is switched.
     * Crash-safe at every step: the new files and their hints are forced (and the directory synced)
     * before any old file is deleted, old files are deleted oldest first, and replaying old and new
     * files together gives the same state as either alone.
     *
     * @return bytes reclaimed (input bytes minus output bytes)
     */
    public long compact() {
        compactionLock.lock();
        try {
            return compactLocked();
        } catch (IOException e) {
            throw new UncheckedIOException("compaction of " + dir + " failed: " + e.getMessage(), e);
        } finally {
            compactionLock.unlock();
        }
    }

    /** Runs {@link #compact()} on a new virtual thread. */
    public Thread compactInBackground() {
        return Thread.ofVirtual().name("ferrum-kv-compact").start(this::compact);
    }

    private long compactLocked() throws IOException {
        List<Segment> inputs = new ArrayList<>();
        writeLock.lock();
        try {
            ensureOpen();
            if (writeOffset > 0) {
                roll();
            }
            for (Segment s : segments) {
                if (s != null && s != active) {
                    inputs.add(s);
                }
            }
        } finally {
            writeLock.unlock();
        }
        if (inputs.isEmpty()) {
            return 0;
        }
        inputs.sort((a, b) -> Segment.compareOrder(a.major, a.minor, b.major, b.minor));
        Segment lastInput = inputs.get(inputs.size() - 1);
        long outMajor = lastInput.major;
        int minor = 0;
        for (Segment s : inputs) {
            if (s.major == outMajor) {
                minor = Math.max(minor, s.minor);
            }
        }
        long inputBytes = 0;
        List<Segment> outputs = new ArrayList<>();
        List<long[]> moves = new ArrayList<>(); // per output: pairs (old location, new offset)
        Segment out = null;
        long outOffset = 0;
        long[] curMoves = null;
        int nMoves = 0;
        for (Segment in : inputs) {
            inputBytes += in.dataEnd();
            MemorySegment src = in.readable();
            List<long[]> live = new ArrayList<>();
            SegmentScanner.scan(
                    src,
                    in.dataEnd(),
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
                if (index.find(src, Records.keyOffset(off), klen, hash) != loc) {
                    continue; // overwritten or deleted: dropped
                }
                if (out == null || outOffset + size > out.capacity) {
                    if (out != null) {
                        moves.add(Arrays.copyOf(curMoves, nMoves));
                        finishOutput(out, outOffset);
                    }
                    out = newOutput(outMajor, ++minor);
                    outputs.add(out);
                    outOffset = 0;
                    curMoves = new long[256];
                    nMoves = 0;
                }
                MemorySegment.copy(src, off, out.writable(), outOffset, size);
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
        syncDirectory();
        // Step 2: switch index entries that still point at the copied records, in short batches.
        long outputBytes = 0;
        for (int o = 0; o < outputs.size(); o++) {
            Segment seg = outputs.get(o);
            outputBytes += seg.dataEnd();
            long[] mv = moves.get(o);
            MemorySegment dst = seg.readable();
            for (int i = 0; i < mv.length; ) {
                writeLock.lock();
                try {
                    int end = Math.min(mv.length, i + 2 * COMPACTION_BATCH);
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
                            Segment old = segment(oldLoc);
                            old.liveBytes -= size;
                        }
                    }
                } finally {
                    writeLock.unlock();
                }
            }
        }
        // Step 3: retire the inputs: unreachable now, deleted oldest first, unmapped when no guard is open.
        writeLock.lock();
        try {
            for (Segment in : inputs) {
                retiredById.put(in.id, in);
                unregister(in);
            }
        } finally {
            writeLock.unlock();
        }
        for (Segment in : inputs) {
            in.deleteFile();
        }
        syncDirectory();
        retired.addAll(inputs);
        reclaimRetired();
        return inputBytes - outputBytes;
    }

    private void syncDirectory() throws IOException {
        Durable.syncDirectory(dir);
    }

    private Segment newOutput(long major, int minor) throws IOException {
        Segment seg = Segment.create(
                nextOutputId(), dir, Segment.fileName(major, minor), major, minor, options.segmentBytes(), false);
        writeLock.lock();
        try {
            register(seg);
        } finally {
            writeLock.unlock();
        }
        return seg;
    }

    private int nextOutputId() {
        writeLock.lock();
        try {
            return nextSegmentId++;
        } finally {
            writeLock.unlock();
        }
    }

    private void finishOutput(Segment seg, long end) throws IOException {
        seg.force(0, end);
        seg.dataEnd(end);
        seg.sealed = true;
        writeHint(seg);
    }

    // ---------------------------------------------------------------- stats, close

    /** Sizes, taken under the writer lock. */
    public KvStats stats() {
        writeLock.lock();
        try {
            ensureOpen();
            long live = 0;
            long total = 0;
            int n = 0;
            for (Segment s : segments) {
                if (s != null) {
                    live += s.liveBytes;
                    total += s == active ? writeOffset : s.dataEnd();
                    n++;
                }
            }
            return new KvStats(
                    index.size(),
                    live,
                    total - live,
                    n,
                    index.allocatedBytes(),
                    index.capacity(),
                    options.durability());
        } finally {
            writeLock.unlock();
        }
    }

    /** Number of live keys. */
    public long size() {
        return index.size();
    }

    /**
     * Forces all data to disk (every policy), unmaps the files, frees the index and releases the lock.
     * Must not race other calls on this store; idempotent.
     */
    @Override
    public void close() {
        compactionLock.lock();
        try {
            writeLock.lock();
            try {
                if (closed) {
                    return;
                }
                active.force(0, writeOffset);
                closed = true;
            } finally {
                writeLock.unlock();
            }
            if (syncThread != null) {
                syncThread.interrupt();
                try {
                    syncThread.join();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
            releaseAll();
        } finally {
            compactionLock.unlock();
        }
    }

    private void releaseAll() {
        closed = true;
        for (Segment s : segments) {
            if (s != null) {
                s.unmap();
            }
        }
        for (Segment s; (s = retired.poll()) != null; ) {
            s.unmap();
        }
        indexArena.close();
        try {
            fileLock.release();
            lockChannel.close();
        } catch (IOException ignored) {
            // releasing the lock on close; the OS drops it with the descriptor anyway
        }
    }
}
