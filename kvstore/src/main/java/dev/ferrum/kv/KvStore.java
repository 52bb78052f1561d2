/*
 * Copyright 2026 the Ferrum authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.ferrum.kv;

import dev.ferrum.arena.BumpArena;
import dev.ferrum.kv.internal.Compactor;
import dev.ferrum.kv.internal.GroupCommit;
import dev.ferrum.kv.internal.HashIndex;
import dev.ferrum.kv.internal.KeyHash;
import dev.ferrum.kv.internal.Log;
import dev.ferrum.kv.internal.Reads;
import dev.ferrum.kv.internal.Records;
import dev.ferrum.kv.internal.Recovery;
import dev.ferrum.kv.internal.Segment;
import dev.ferrum.kv.internal.SegmentHeader;
import dev.ferrum.kv.internal.SegmentTable;
import dev.ferrum.kv.internal.StoreLock;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.BiConsumer;
import java.util.function.Consumer;

/**
 * A Bitcask-style key-value store (Sheehy &amp; Smith, "Bitcask: A Log-Structured Hash Table for Fast
 * Key/Value Data", Basho 2010): every write is appended to the active segment file, an in-memory hash
 * index maps each key to its latest record, and compaction rewrites live records into fresh segments.
 *
 * <ul>
 *   <li>Segments are memory-mapped once; writes copy into the mapping, reads copy out of it (or return
 *       a zero-copy view under a {@link ReadGuard}). Segment space is reserved before mapping, so a full
 *       disk is a {@link StorageFullException}, never a fault.</li>
 *   <li>The index is an off-heap open-addressing table in arena memory: 16 bytes per key, no Java
 *       object per key.</li>
 *   <li>Every record carries its segment's salt, a store-wide sequence number and a CRC32C; a manifest
 *       lists the segment files the store expects. Recovery cuts a torn tail, cleans up an interrupted
 *       compaction, and refuses ({@link CorruptStoreException}) a store whose files were lost, cut,
 *       swapped or damaged, unless opened with {@link KvOptions.Builder#salvage(boolean)}.</li>
 * </ul>
 *
 * <p>This class is the facade: the lock, recovery, the segment table and retirement, the write log with
 * its manifest, compaction and group commit live in {@code dev.ferrum.kv.internal}.
 *
 * <p>Thread model: any number of threads may call {@link #get}, {@link #contains}, {@link #readGuard}
 * concurrently with each other and with writers; readers take no lock (the index publishes locations
 * with release stores, see {@code HashIndex}). {@link #put}, {@link #delete}, {@link #write} are
 * serialized by one writer lock. {@link #compact()} runs beside readers and writers, taking the writer
 * lock only briefly to switch index entries. A {@code get} racing a {@code put} of the same key returns
 * the old or the new value, never a mix. {@link #close()} must not race other calls.
 *
 * <p>Only one {@code KvStore} may have a directory open at a time, in this process or any other: a
 * {@code LOCK} file is held with an OS file lock through one descriptor for the store's whole life, and
 * a second open in the same process is refused before that file is touched.
 */
public final class KvStore implements AutoCloseable {

    private final KvOptions options;
    private final Path dir;
    private final StoreLock lock;
    private final ReentrantLock compactionLock = new ReentrantLock();
    private final SegmentTable table = new SegmentTable();
    private final BumpArena indexArena;
    private final HashIndex index;
    private final Log log;
    private final Compactor compactor;
    private final GroupCommit groupCommit;
    private final RecoveryReport recovery;
    private volatile boolean closed;

    private KvStore(KvOptions options) throws IOException {
        this.options = options;
        this.dir = options.directory();
        Files.createDirectories(dir);
        this.lock = StoreLock.acquire(dir);
        BumpArena arena = null;
        try {
            // One shared bump arena holds the index tables: readers on any thread probe them, and a resize
            // allocates the next table as one exactly-sized chunk. Freed as a whole on close().
            arena = BumpArena.builder()
                    .shared(true)
                    .chunkBytes(HashIndex.tableBytesFor(options.expectedKeys()))
                    .maxChunkBytes(BumpArena.MAX_CHUNK_BYTES)
                    .build();
            this.indexArena = arena;
            this.index = new HashIndex(indexArena, table::resolve, options.expectedKeys());
            Recovery.Result r = Recovery.run(dir, options, table, index);
            this.log = r.log();
            this.recovery = r.report();
        } catch (IOException | RuntimeException e) {
            table.unmapAll();
            if (arena != null) {
                arena.close();
            }
            lock.close();
            throw e;
        }
        this.compactor = new Compactor(log, table, index);
        this.groupCommit = options.durability() == Durability.SYNC_EVERY_N_MS
                ? new GroupCommit(log, options.syncIntervalMillis())
                : null;
    }

    /**
     * Opens (creating if needed) the store in {@code options.directory()} and rebuilds its index.
     *
     * @throws StoreLockedException if another process (or this one) has it open
     * @throws CorruptStoreException if its files do not match what it wrote (see {@link KvOptions#salvage()})
     * @throws StorageFullException if a new store's first segment does not fit on the disk
     * @throws KvStoreException if the directory holds a store of an older format
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
        ensureOpen();
        long hash = KeyHash.of(key);
        for (; ; ) {
            long loc = index.find(key, hash);
            if (loc == 0) {
                return null;
            }
            if (loc != HashIndex.RETRY) {
                byte[] value = Reads.copyValue(table, loc, key, options.verifyOnRead());
                if (value != Reads.GONE) {
                    return value;
                }
            }
            // The record's segment was retired by compaction and unmapped after we found it: the index
            // already points at the copy, look again.
            retryOrClosed();
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
        ensureOpen();
        long hash = KeyHash.of(key);
        for (; ; ) {
            long loc = index.find(key, hash);
            if (loc == 0) {
                return -1;
            }
            if (loc != HashIndex.RETRY) {
                int n = Reads.copyInto(table, loc, target, options.verifyOnRead());
                if (n != Reads.GONE_LENGTH) {
                    return n;
                }
            }
            retryOrClosed();
        }
    }

    /** Whether {@code key} is present. Lock-free. */
    public boolean contains(byte[] key) {
        checkKey(key);
        ensureOpen();
        long hash = KeyHash.of(key);
        for (; ; ) {
            long loc = index.find(key, hash);
            if (loc != HashIndex.RETRY) {
                return loc != 0;
            }
            retryOrClosed();
        }
    }

    private void retryOrClosed() {
        ensureOpen();
        Thread.onSpinWait();
    }

    /** Zero-copy read for {@link ReadGuard#get}: the caller holds a guard, so no segment is unmapped. */
    MemorySegment view(byte[] key) {
        checkKey(key);
        ensureOpen();
        long hash = KeyHash.of(key);
        for (; ; ) {
            long loc = index.find(key, hash);
            if (loc == 0) {
                return null;
            }
            MemorySegment s = loc == HashIndex.RETRY ? null : table.resolve(loc);
            if (s != null) {
                long rec = HashIndex.offset(loc);
                int vlen = Reads.checkedValueLength(table, s, loc, options.verifyOnRead());
                return s.asSlice(Records.valueOffset(s, rec), vlen);
            }
            retryOrClosed(); // a retired segment stays mapped under the guard: only a stale location
        }
    }

    /**
     * Opens a read snapshot whose {@link ReadGuard#get} returns zero-copy views of mapped values.
     * Close it promptly (try-with-resources).
     */
    public ReadGuard readGuard() {
        ensureOpen();
        table.openGuard();
        return new ReadGuard(this);
    }

    void releaseGuard() {
        table.closeGuard();
    }

    /** Calls {@code action} with each live key and a copy of its value (weakly consistent, under a guard). */
    public void forEach(BiConsumer<byte[], byte[]> action) {
        ReadGuard guard = readGuard();
        try {
            index.forEachLocation(loc -> {
                // under the guard every segment the index pointed into is still mapped
                MemorySegment s = table.resolve(loc);
                if (s == null) {
                    return; // switched by a compaction after the slot was read: the copy is visited or not
                }
                long rec = HashIndex.offset(loc);
                int vlen = Reads.checkedValueLength(table, s, loc, options.verifyOnRead());
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

    /**
     * Stores {@code value} under {@code key}; durable per the store's {@link Durability} when it returns.
     *
     * @throws StorageFullException if the disk has no room for the next segment (nothing was written)
     */
    public void put(byte[] key, byte[] value) {
        checkKey(key);
        checkValue(value);
        log.writeLock.lock();
        try {
            ensureOpen();
            long loc = log.append(key, value, false);
            if (options.durability() == Durability.SYNC_EVERY_WRITE) {
                log.syncActiveLocked();
            }
            log.publish(key, loc, false, Records.size(key.length, value.length));
        } catch (IOException e) {
            throw ioFailure("put", e);
        } finally {
            log.writeLock.unlock();
        }
    }

    /**
     * Deletes {@code key} (appends a tombstone).
     *
     * @return whether it was present
     */
    public boolean delete(byte[] key) {
        checkKey(key);
        log.writeLock.lock();
        try {
            ensureOpen();
            if (!contains(key)) {
                return false;
            }
            long loc = log.append(key, null, true);
            if (options.durability() == Durability.SYNC_EVERY_WRITE) {
                log.syncActiveLocked();
            }
            log.publish(key, loc, true, Records.size(key.length, 0));
            return true;
        } catch (IOException e) {
            throw ioFailure("delete", e);
        } finally {
            log.writeLock.unlock();
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
        log.writeLock.lock();
        try {
            ensureOpen();
            long[] locs = new long[n];
            for (int i = 0; i < n; i++) {
                byte[] v = batch.values.get(i);
                locs[i] = log.append(batch.keys.get(i), v, v == null);
            }
            if (options.durability() == Durability.SYNC_EVERY_WRITE) {
                // a roll during the batch forced the segment it sealed (every policy but NO_SYNC)
                log.syncActiveLocked();
            }
            for (int i = 0; i < n; i++) {
                byte[] v = batch.values.get(i);
                log.publish(
                        batch.keys.get(i),
                        locs[i],
                        v == null,
                        Records.size(batch.keys.get(i).length, v == null ? 0 : v.length));
            }
        } catch (IOException e) {
            throw ioFailure("write", e);
        } finally {
            log.writeLock.unlock();
        }
    }

    /** Puts every entry of {@code entries} as one {@link WriteBatch}. */
    public void putAll(Map<byte[], byte[]> entries) {
        WriteBatch b = new WriteBatch();
        entries.forEach(b::put);
        write(b);
    }

    private RuntimeException ioFailure(String what, IOException e) {
        return new UncheckedIOException(what + " on store " + dir + " failed: " + e.getMessage(), e);
    }

    /** Forces everything written so far, in every segment written since the last sync, whatever the policy. */
    public void sync() {
        log.writeLock.lock();
        try {
            ensureOpen();
            log.syncAllLocked();
        } catch (IOException e) {
            throw ioFailure("sync", e);
        } finally {
            log.writeLock.unlock();
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
     * Readers are never blocked; writers wait only while a batch of index entries is switched and while
     * the commit forces what they wrote meanwhile. Crash-safe at every step (see {@code Compactor}).
     *
     * @return bytes reclaimed (input bytes minus output bytes)
     */
    public long compact() {
        compactionLock.lock();
        try {
            ensureOpen();
            return compactor.run();
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

    // ---------------------------------------------------------------- stats, close

    /** Sizes, taken under the writer lock. */
    public KvStats stats() {
        log.writeLock.lock();
        try {
            ensureOpen();
            long live = 0;
            long total = 0;
            int n = 0;
            Segment active = log.activeLocked();
            for (Segment s : table.live()) {
                live += s.liveBytes;
                total += (s == active ? log.writeOffsetLocked() : s.dataEnd()) - SegmentHeader.BYTES;
                n++;
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
            log.writeLock.unlock();
        }
    }

    /** Number of live keys. */
    public long size() {
        return index.size();
    }

    /** Test hook: runs on the compacting thread just before each compaction commit. */
    void beforeCompactionCommit(Runnable hook) {
        compactor.beforeCommit(hook);
    }

    /** msyncs issued per segment file so far (test hook for the force accounting). */
    Map<String, Long> forceCounts() {
        log.writeLock.lock();
        try {
            Map<String, Long> out = new LinkedHashMap<>();
            for (Segment s : table.live()) {
                out.put(s.toString(), s.forces());
            }
            return out;
        } finally {
            log.writeLock.unlock();
        }
    }

    /**
     * Forces all data to disk (every policy, every segment written since the last sync), unmaps the
     * files, frees the index and releases the lock. Must not race other calls on this store; idempotent.
     */
    @Override
    public void close() {
        compactionLock.lock();
        try {
            log.writeLock.lock();
            try {
                if (closed) {
                    return;
                }
                try {
                    log.syncAllLocked();
                } catch (IOException e) {
                    // keep closing: the data is in the page cache, and the OS still writes it back
                }
                closed = true;
                log.markClosed();
            } finally {
                log.writeLock.unlock();
            }
            if (groupCommit != null) {
                groupCommit.close();
            }
            table.unmapAll();
            indexArena.close();
            lock.close();
        } finally {
            compactionLock.unlock();
        }
    }
}
