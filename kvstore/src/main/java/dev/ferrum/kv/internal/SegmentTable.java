/*
 * Copyright 2026 the Ferrum authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.ferrum.kv.internal;

import java.lang.foreign.MemorySegment;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The segments a store has mapped, by runtime id, and their retirement after compaction.
 *
 * <p>Publication: the id-to-segment array is copy-on-write and published with a volatile store, so a
 * lock-free reader that loads it sees fully built segments. Mutations ({@link #register},
 * {@link #retire}) are called under the store's writer lock.
 *
 * <p>Retirement: a compacted-away segment leaves the array but stays resolvable (and mapped) until no
 * {@code ReadGuard} is open; it is then unmapped. A plain {@code get} holds no guard, so it can lose the
 * race with the unmap: {@link #resolve} and {@code copyOut} report that as {@link #RETIRED} /
 * {@code null} (an explicit result the caller answers by looking the key up again, where the index now
 * points at the copy), never as an exception crossing layers.
 */
public final class SegmentTable {

    /** Result of {@code valueLength}/{@code copyOut}-style reads: the segment went away, look again. */
    public static final int RETIRED = Integer.MIN_VALUE;

    /** Segments by runtime id (copy-on-write; volatile publication to lock-free readers). */
    private volatile Segment[] segments = new Segment[16];

    private final AtomicLong guards = new AtomicLong();
    private final ConcurrentLinkedQueue<Segment> retired = new ConcurrentLinkedQueue<>();
    /** Retired but not yet unmapped segments by id, for readers that found a location just before the switch. */
    private final ConcurrentHashMap<Integer, Segment> retiredById = new ConcurrentHashMap<>();

    /** Writer: makes {@code seg} resolvable. */
    public void register(Segment seg) {
        Segment[] cur = segments;
        Segment[] next = Arrays.copyOf(cur, Math.max(cur.length, Integer.highestOneBit(seg.id) << 1));
        next[seg.id] = seg;
        segments = next; // volatile store: the segment is fully built before it is reachable (StoreStore)
    }

    /** Writer: removes {@code seg} (no reader can newly find it; one racing it may still resolve it). */
    public void retire(Segment seg) {
        retiredById.put(seg.id, seg);
        Segment[] next = segments.clone();
        next[seg.id] = null;
        segments = next;
    }

    /** Writer: drops a segment that was never visible to readers (a failed roll or compaction output). */
    public void unregister(Segment seg) {
        if (seg.id >= segments.length) {
            return;
        }
        Segment[] next = segments.clone();
        next[seg.id] = null;
        segments = next;
    }

    /** Retired segments are unmapped once no guard is open. */
    public void reclaimLater(List<Segment> segs) {
        retired.addAll(segs);
        reclaimRetired();
    }

    /** The live segment with this location's id, or {@code null}. Writer/recovery use (no retired lookup). */
    public Segment segment(long location) {
        Segment[] segs = segments;
        int id = HashIndex.segmentId(location);
        return id < segs.length ? segs[id] : null;
    }

    /**
     * The mapping a location points into, including a retired but still mapped segment, or {@code null}
     * if the segment is gone (the caller retries its lookup).
     */
    public MemorySegment resolve(long location) {
        Segment[] segs = segments; // volatile load (LoadLoad)
        int id = HashIndex.segmentId(location);
        Segment s = id < segs.length ? segs[id] : null;
        if (s == null) {
            s = retiredById.get(id);
            if (s == null) {
                return null;
            }
        }
        return s.readable();
    }

    /** Snapshot of the live segments, in no particular order. */
    public List<Segment> live() {
        List<Segment> out = new ArrayList<>();
        for (Segment s : segments) {
            if (s != null) {
                out.add(s);
            }
        }
        return out;
    }

    public void openGuard() {
        guards.incrementAndGet();
    }

    public void closeGuard() {
        if (guards.decrementAndGet() == 0) {
            reclaimRetired();
        }
    }

    /**
     * Unmaps retired segments if no guard is open. Items are drained before the guard count is read:
     * each was retired after the index stopped pointing into it, so a guard opened after this check
     * cannot reach it.
     */
    public void reclaimRetired() {
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

    /** Unmaps everything (close). */
    public void unmapAll() {
        for (Segment s : segments) {
            if (s != null) {
                s.unmap();
            }
        }
        for (Segment s; (s = retired.poll()) != null; ) {
            s.unmap();
        }
        retiredById.clear();
    }
}
