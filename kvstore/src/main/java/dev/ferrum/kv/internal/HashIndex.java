/*
 * Copyright 2026 the Ferrum authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.ferrum.kv.internal;

import java.lang.foreign.MemorySegment;
import java.lang.foreign.SegmentAllocator;
import java.lang.foreign.ValueLayout;
import java.lang.invoke.VarHandle;

/**
 * Off-heap open-addressing hash index (linear probing): key hash to record location, 16 bytes per slot,
 * no Java object per key. Keys are not stored: a slot's location points at the record, whose key is
 * compared in place in the mapped segment, so full 64-bit hash collisions are still resolved exactly.
 *
 * <pre>
 * slot i at offset 16*i:  [0..8) hash  (0 = never used)
 *                         [8..16) location = segmentId &lt;&lt; 40 | recordOffset  (0 = deleted)
 * </pre>
 *
 * <p>Thread model: one writer (the store's writer lock) calls {@link #put}, {@link #remove},
 * {@link #replaceIf}; any number of readers call {@link #find} concurrently without locks.
 * Publication: the writer stores a slot's location with {@code setRelease} after the record bytes it
 * points to are written, and a new slot's hash with {@code setRelease} after its location; readers load
 * hash then location with {@code getAcquire}, so a location they see always points to a complete record.
 * A slot's hash is replaced only while its location is 0 (deleted), and readers treat location 0 as
 * "keep probing", so a reader never pairs a hash with a wrong record without the key compare catching it.
 *
 * <p>Resize: the writer builds a twice-as-large table off to the side and publishes it with one
 * volatile store; readers keep probing the old table meanwhile (it is never written again), so a
 * resize never blocks a reader. Old tables stay allocated until the index's allocator is closed
 * (their total is below the final table's size).
 */
public final class HashIndex {

    /** Resolves a record location to its mapped segment, or {@code null} if it was retired and unmapped. */
    public interface Locations {
        MemorySegment segmentOf(long location);
    }

    /** Result of {@link #find}: a segment on the probe path went away mid-lookup; look again. */
    public static final long RETRY = -1;

    private static final long SLOT_BYTES = 16;
    private static final int OFFSET_BITS = 40;
    private static final long OFFSET_MASK = (1L << OFFSET_BITS) - 1;
    // Slot words are 8-byte aligned: tables are allocated with 64-byte alignment and slots are 16 bytes.
    private static final VarHandle WORD = ValueLayout.JAVA_LONG.varHandle();

    private static final VarHandle LIVE;

    // Accessors named by access mode (the project-wide convention, see package-info): la = load-acquire,
    // sr = store-release, lp/sp = plain load/store. Slot words are 8-byte aligned (64-byte aligned tables,
    // 16-byte slots), which every mode of the JAVA_LONG var handle requires.

    private static long la(MemorySegment slots, long at) {
        return (long) WORD.getAcquire(slots, at);
    }

    private static void sr(MemorySegment slots, long at, long v) {
        WORD.setRelease(slots, at, v);
    }

    private static long lp(MemorySegment slots, long at) {
        return (long) WORD.get(slots, at);
    }

    private static void sp(MemorySegment slots, long at, long v) {
        WORD.set(slots, at, v);
    }

    private long laLive() {
        return (long) LIVE.getAcquire(this);
    }

    private long lpLive() {
        return (long) LIVE.get(this);
    }

    private void srLive(long v) {
        LIVE.setRelease(this, v);
    }

    static {
        try {
            LIVE = java.lang.invoke.MethodHandles.lookup().findVarHandle(HashIndex.class, "live", long.class);
        } catch (ReflectiveOperationException e) {
            throw new ExceptionInInitializerError(e);
        }
    }

    private static final class Table {
        final MemorySegment slots;
        final long mask;

        Table(MemorySegment slots, long capacity) {
            this.slots = slots;
            this.mask = capacity - 1;
        }
    }

    private final SegmentAllocator allocator;
    private final Locations locations;
    private volatile Table table;
    /** Slots with a non-zero hash (live + deleted); writer-only. */
    private long used;
    /** Slots with a live location; written by the writer only (srLive), read with laLive. */
    @SuppressWarnings("unused") // accessed through LIVE
    private long live;

    private volatile long allocatedBytes;

    public HashIndex(SegmentAllocator allocator, Locations locations, long expectedKeys) {
        this.allocator = allocator;
        this.locations = locations;
        this.table = newTable(capacityFor(expectedKeys));
    }

    private static long capacityFor(long expectedKeys) {
        return Long.highestOneBit(Math.max(16, expectedKeys * 4 / 3 + 1) - 1) << 1;
    }

    /** Bytes of the first table for this many expected keys (load factor at most 3/4). */
    public static long tableBytesFor(long expectedKeys) {
        return capacityFor(expectedKeys) * SLOT_BYTES;
    }

    public static long location(int segmentId, long offset) {
        return ((long) segmentId << OFFSET_BITS) | offset;
    }

    public static int segmentId(long location) {
        return (int) (location >>> OFFSET_BITS);
    }

    public static long offset(long location) {
        return location & OFFSET_MASK;
    }

    // Tables are created only by the single writer (under the store's write lock); the field is volatile so
    // that stats() on other threads read a current value, not for atomicity.
    @SuppressWarnings("NonAtomicVolatileUpdate")
    private Table newTable(long capacity) {
        MemorySegment slots = allocator.allocate(capacity * SLOT_BYTES, 64);
        slots.fill((byte) 0); // arena memory is not zeroed after reuse; 0 means "never used"
        allocatedBytes += slots.byteSize();
        return new Table(slots, capacity);
    }

    /** Live keys. */
    public long size() {
        return laLive(); // pairs with the writer's setRelease
    }

    /** Bytes of off-heap memory held by current and retired tables. */
    public long allocatedBytes() {
        return allocatedBytes;
    }

    /** Current table capacity in slots. */
    public long capacity() {
        return table.mask + 1;
    }

    private static final int NO = 0;
    private static final int YES = 1;
    private static final int GONE = 2;

    /**
     * Compares the key of the record at {@code loc}: {@link #YES}, {@link #NO}, or {@link #GONE} if its
     * segment was retired and unmapped. Unmapping closes the segment's shared arena, and a lookup that
     * read the location just before can then meet the closed scope: that access fails with
     * IllegalStateException (never a fault), which is turned into GONE right here, the one place a
     * lock-free reader touches a segment while probing.
     */
    private int matches(long loc, MemorySegment key, long keyOffset, int keyLength) {
        MemorySegment s = locations.segmentOf(loc);
        if (s == null) {
            return GONE;
        }
        try {
            long rec = offset(loc);
            if (Records.keyLength(s, rec) != keyLength) {
                return NO;
            }
            long k = Records.keyOffset(rec);
            return MemorySegment.mismatch(s, k, k + keyLength, key, keyOffset, keyOffset + keyLength) < 0 ? YES : NO;
        } catch (IllegalStateException closedScope) {
            return GONE;
        }
    }

    private int matches(long loc, byte[] key) {
        MemorySegment s = locations.segmentOf(loc);
        if (s == null) {
            return GONE;
        }
        try {
            return Records.keyEquals(s, offset(loc), key) ? YES : NO;
        } catch (IllegalStateException closedScope) {
            return GONE;
        }
    }

    /**
     * Lock-free lookup of a heap key (the hot path: no wrapper segment is created).
     *
     * @return the record location, 0 if absent, or {@link #RETRY} if a segment was retired mid-lookup
     */
    public long find(byte[] key, long hash) {
        Table t = table; // volatile load: a fully built table (LoadLoad)
        MemorySegment slots = t.slots;
        long mask = t.mask;
        for (long i = hash & mask; ; i = (i + 1) & mask) {
            long at = i * SLOT_BYTES;
            long h = la(slots, at); // pairs with sr of a new slot's hash
            if (h == 0) {
                return 0;
            }
            if (h == hash) {
                long loc = la(slots, at + 8); // pairs with sr in put/replaceIf
                if (loc != 0) {
                    int m = matches(loc, key);
                    if (m == YES) {
                        return loc;
                    }
                    if (m == GONE) {
                        return RETRY;
                    }
                }
            }
        }
    }

    /** Writer: slot byte offset holding this heap key (live), or -1. */
    private long slotOf(Table t, byte[] key, long hash) {
        MemorySegment slots = t.slots;
        for (long i = hash & t.mask; ; i = (i + 1) & t.mask) {
            long at = i * SLOT_BYTES;
            long h = lp(slots, at); // plain: only the writer stores slots
            if (h == 0) {
                return -1;
            }
            if (h == hash) {
                long loc = lp(slots, at + 8);
                if (loc != 0 && matches(loc, key) == YES) { // writer: every indexed segment is live
                    return at;
                }
            }
        }
    }

    /** Writer: {@link #put(MemorySegment, long, int, long, long)} for a heap key. */
    public long put(byte[] key, long hash, long location) {
        Table t = table;
        return putAt(t, slotOf(t, key, hash), hash, location);
    }

    /** Writer: {@link #remove(MemorySegment, long, int, long)} for a heap key. */
    public long remove(byte[] key, long hash) {
        Table t = table;
        return removeAt(t, slotOf(t, key, hash));
    }

    /**
     * Lock-free lookup.
     *
     * @return the record location, 0 if absent, or {@link #RETRY} if a segment was retired mid-lookup
     */
    public long find(MemorySegment key, long keyOffset, int keyLength, long hash) {
        Table t = table; // volatile load: a fully built table (LoadLoad)
        MemorySegment slots = t.slots;
        long mask = t.mask;
        for (long i = hash & mask; ; i = (i + 1) & mask) {
            long at = i * SLOT_BYTES;
            long h = la(slots, at); // pairs with sr of a new slot's hash
            if (h == 0) {
                return 0;
            }
            if (h == hash) {
                long loc = la(slots, at + 8); // pairs with sr in put/replaceIf
                if (loc != 0) {
                    int m = matches(loc, key, keyOffset, keyLength);
                    if (m == YES) {
                        return loc;
                    }
                    if (m == GONE) {
                        return RETRY;
                    }
                }
            }
        }
    }

    /** Writer: slot byte offset holding this key (live), or -1. */
    private long slotOf(Table t, MemorySegment key, long keyOffset, int keyLength, long hash) {
        MemorySegment slots = t.slots;
        for (long i = hash & t.mask; ; i = (i + 1) & t.mask) {
            long at = i * SLOT_BYTES;
            long h = lp(slots, at); // plain: only the writer stores slots
            if (h == 0) {
                return -1;
            }
            if (h == hash) {
                long loc = lp(slots, at + 8);
                if (loc != 0 && matches(loc, key, keyOffset, keyLength) == YES) {
                    return at;
                }
            }
        }
    }

    /**
     * Writer: maps the key to {@code location}.
     *
     * @return the previous location, or 0 if the key was absent
     */
    public long put(MemorySegment key, long keyOffset, int keyLength, long hash, long location) {
        Table t = table;
        return putAt(t, slotOf(t, key, keyOffset, keyLength, hash), hash, location);
    }

    private long putAt(Table t, long at, long hash, long location) {
        if (at >= 0) {
            long prev = lp(t.slots, at + 8);
            sr(t.slots, at + 8, location); // StoreStore: record bytes before its location
            return prev;
        }
        if (used + 1 > (t.mask + 1) * 3 / 4) {
            t = resize(t);
        }
        insertNew(t, hash, location);
        srLive(lpLive() + 1); // single writer: plain read, release store (no StoreLoad)
        return 0;
    }

    private void insertNew(Table t, long hash, long location) {
        MemorySegment slots = t.slots;
        for (long i = hash & t.mask; ; i = (i + 1) & t.mask) {
            long at = i * SLOT_BYTES;
            long h = lp(slots, at);
            if (h == 0) {
                sr(slots, at + 8, location);
                sr(slots, at, hash); // StoreStore: location before the hash that reveals it
                used++;
                return;
            }
            if (lp(slots, at + 8) == 0) {
                // Reuse a deleted slot: readers see either the old hash with location 0 (skip), the new
                // hash with location 0 (skip), or the new hash with the new location.
                sr(slots, at, hash);
                sr(slots, at + 8, location);
                return;
            }
        }
    }

    /**
     * Writer: deletes the key.
     *
     * @return its previous location, or 0 if it was absent
     */
    public long remove(MemorySegment key, long keyOffset, int keyLength, long hash) {
        Table t = table;
        return removeAt(t, slotOf(t, key, keyOffset, keyLength, hash));
    }

    private long removeAt(Table t, long at) {
        if (at < 0) {
            return 0;
        }
        long prev = lp(t.slots, at + 8);
        sr(t.slots, at + 8, 0L);
        srLive(lpLive() - 1);
        return prev;
    }

    /** Writer: moves the key from {@code expected} to {@code location} if it still points at {@code expected}. */
    public boolean replaceIf(
            MemorySegment key, long keyOffset, int keyLength, long hash, long expected, long location) {
        Table t = table;
        long at = slotOf(t, key, keyOffset, keyLength, hash);
        if (at < 0 || lp(t.slots, at + 8) != expected) {
            return false;
        }
        sr(t.slots, at + 8, location); // StoreStore: the copied record is complete
        return true;
    }

    private Table resize(Table old) {
        long capacity = old.mask + 1;
        long newCapacity = lpLive() + 1 > capacity / 2 ? capacity * 2 : capacity; // mostly deleted: rehash same size
        Table t = newTable(newCapacity);
        MemorySegment from = old.slots;
        MemorySegment to = t.slots;
        long n = 0;
        for (long at = 0; at < capacity * SLOT_BYTES; at += SLOT_BYTES) {
            long h = lp(from, at);
            long loc = lp(from, at + 8);
            if (h != 0 && loc != 0) {
                for (long i = h & t.mask; ; i = (i + 1) & t.mask) {
                    if (lp(to, i * SLOT_BYTES) == 0) {
                        sp(to, i * SLOT_BYTES, h); // plain: table not yet published
                        sp(to, i * SLOT_BYTES + 8, loc);
                        break;
                    }
                }
                n++;
            }
        }
        used = n;
        table = t; // volatile store publishes the filled table (StoreStore)
        return t;
    }

    /** Visits every live location (weakly consistent: concurrent writes may or may not be seen). */
    public void forEachLocation(java.util.function.LongConsumer action) {
        Table t = table;
        long capacity = t.mask + 1;
        for (long at = 0; at < capacity * SLOT_BYTES; at += SLOT_BYTES) {
            long loc = la(t.slots, at + 8);
            if (loc != 0 && la(t.slots, at) != 0) {
                action.accept(loc);
            }
        }
    }
}
