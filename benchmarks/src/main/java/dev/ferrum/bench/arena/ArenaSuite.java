/*
 * Copyright 2026 the Ferrum authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.ferrum.bench.arena;

import dev.ferrum.bench.report.RustFigure;
import dev.ferrum.bench.support.Comparison;
import dev.ferrum.bench.support.Suite;
import java.util.ArrayList;
import java.util.List;

/** Issue #3: the bump arena against per-object allocation, the JDK's slicing allocator, Java new and lists. */
public final class ArenaSuite implements Suite {

    private static final RustFigure BOX_VS_BUMP = RustFigure.of("45.2 ns Box::new vs 1.8 ns bump (25x)", 45.2 / 1.8);
    private static final long[] SIZES = {8, 16, 64, 256};
    private static final long[] PEER_SIZES = {16, 256};
    private static final long[] ALIGNS = {8, 64};

    @Override
    public String name() {
        return "arena";
    }

    @Override
    public String title() {
        return "Bump arena vs per-object allocation, slicingAllocator, Java new, and lists";
    }

    @Override
    public List<Class<?>> benchmarks() {
        return List.of(
                AllocBench.class,
                PeerBench.class,
                JavaNewBench.class,
                ListTraversalBench.class,
                ResetBench.class,
                VariantBench.class);
    }

    private static String alloc(String method, long size, long align) {
        return "AllocBench." + method + "[align=" + align + ",size=" + size + "]";
    }

    private static String peer(String method, long size, long align) {
        return "PeerBench." + method + "[align=" + align + ",size=" + size + "]";
    }

    @Override
    public List<Comparison> comparisons() {
        List<Comparison> rows = new ArrayList<>();
        for (long size : SIZES) {
            for (long align : ALIGNS) {
                String at = size + " B aligned " + align;
                rows.add(Comparison.vs(
                        "arena.alloc" + size + ".a" + align + ".offset_vs_malloc",
                        "bump handle path vs malloc+free per block, " + at + " (ns/block)",
                        alloc("bumpOffset", size, align),
                        alloc("mallocFree", size, align),
                        align <= 16 ? "malloc+free (FFM downcall)" : "aligned_alloc+free (FFM downcall)",
                        25,
                        BOX_VS_BUMP));
            }
        }
        for (long size : PEER_SIZES) {
            for (long align : ALIGNS) {
                String at = size + " B aligned " + align;
                rows.add(Comparison.vs(
                        "arena.alloc" + size + ".a" + align + ".offset_vs_arena_confined",
                        "bump handle path vs Arena.ofConfined() allocate+close per block, " + at,
                        alloc("bumpOffset", size, align),
                        peer("arenaConfinedAllocClose", size, align),
                        "Arena.ofConfined() per block",
                        25,
                        BOX_VS_BUMP));
                rows.add(Comparison.vs(
                        "arena.alloc" + size + ".a" + align + ".offset_vs_malloc_default_downcall",
                        "bump handle path vs malloc+free bound as most FFM code does (ADDRESS, non-critical), " + at,
                        alloc("bumpOffset", size, align),
                        peer("mallocFreeDefaultDowncall", size, align),
                        "malloc/aligned_alloc+free (default downcall)",
                        Double.NaN,
                        BOX_VS_BUMP));
                rows.add(Comparison.vs(
                        "arena.alloc" + size + ".a" + align + ".segment_vs_malloc",
                        "bump segment path (temporal safety on) vs malloc+free per block, " + at,
                        peer("bumpSegment", size, align),
                        alloc("mallocFree", size, align),
                        "malloc/aligned_alloc+free (FFM downcall)",
                        Double.NaN,
                        BOX_VS_BUMP));
                rows.add(Comparison.vs(
                        "arena.alloc" + size + ".a" + align + ".segment_vs_arena_confined",
                        "bump segment path vs Arena.ofConfined() allocate+close per block, " + at,
                        peer("bumpSegment", size, align),
                        peer("arenaConfinedAllocClose", size, align),
                        "Arena.ofConfined() per block",
                        Double.NaN,
                        null));
                rows.add(Comparison.vs(
                        "arena.alloc" + size + ".a" + align + ".offset_vs_slicing",
                        "bump handle path (a long) vs SegmentAllocator.slicingAllocator (a MemorySegment), " + at
                                + "; not like-for-like: the handle makes no object",
                        alloc("bumpOffset", size, align),
                        peer("slicingAllocator", size, align),
                        "JDK slicingAllocator",
                        1.5,
                        null));
                rows.add(Comparison.vs(
                        "arena.alloc" + size + ".a" + align + ".segment_vs_slicing",
                        "like-for-like: bump segment path vs SegmentAllocator.slicingAllocator, both return a"
                                + " MemorySegment, " + at,
                        peer("bumpSegment", size, align),
                        peer("slicingAllocator", size, align),
                        "JDK slicingAllocator",
                        1.0,
                        null));
            }
            rows.add(Comparison.vs(
                    "arena.alloc" + size + ".offset_vs_java_new",
                    "bump handle path (" + size + " B, align 8) vs Java new byte[" + size
                            + "] (TLAB bump + zeroing + GC)",
                    alloc("bumpOffset", size, 8),
                    "JavaNewBench.javaNew[size=" + size + "]",
                    "Java new byte[" + size + "]",
                    Double.NaN,
                    null));
        }
        for (long size : SIZES) {
            for (long align : ALIGNS) {
                rows.add(Comparison.absolute(
                        "arena.alloc" + size + ".a" + align + ".offset_heap_garbage",
                        "heap garbage of the handle path, " + size + " B aligned " + align
                                + " (B/block, -prof gc; target 0, <= 0.01 allows JMH's own noise)",
                        alloc("bumpOffset", size, align) + ":gc.alloc.rate.norm",
                        0.01,
                        null));
            }
        }
        rows.add(Comparison.vs(
                "arena.list1m.vs_linkedlist",
                "sum of a 1M-node list: arena list vs LinkedList<Long>",
                "ListTraversalBench.arenaList",
                "ListTraversalBench.linkedList",
                "java.util.LinkedList<Long>",
                1.0,
                null));
        rows.add(Comparison.vs(
                "arena.list1m.vs_arraylist",
                "sum of a 1M-node list: arena list vs ArrayList<Long>",
                "ListTraversalBench.arenaList",
                "ListTraversalBench.arrayList",
                "java.util.ArrayList<Long>",
                Double.NaN,
                null));
        for (String shared : new String[] {"false", "true"}) {
            String variant = "true".equals(shared) ? "shared" : "confined";
            rows.add(Comparison.vs(
                    "arena.reset." + variant + ".safety_cost",
                    variant + " allocate+reset() with temporal safety (ours) vs without (peer); below 1 = its cost",
                    "ResetBench.allocateThenReset[shared=" + shared + ",temporalSafety=true]",
                    "ResetBench.allocateThenReset[shared=" + shared + ",temporalSafety=false]",
                    "same arena, temporalSafety(false)",
                    Double.NaN,
                    null));
        }
        rows.add(Comparison.vs(
                "arena.variant.shared_vs_confined",
                "shared (CAS) vs confined handle path, 1 thread, 16 B; below 1 = cost of thread safety",
                "VariantBench.bumpOffset16[shared=true]",
                "VariantBench.bumpOffset16[shared=false]",
                "confined BumpArena",
                Double.NaN,
                null));
        return rows;
    }

    @Override
    public List<String> notes() {
        return List.of(
                "Allocators run in batches of 1024 live blocks, then release them all (reset / free each / close"
                        + " each); times are per block and include the release and a Blackhole.consume per block.",
                "malloc/free are critical FFM downcalls with long-typed pointers (the fastest way to call them).",
                "The handle path's arena is built with temporalSafety(false): handles carry their own generation"
                        + " check, so reset() allocates nothing; the segment path uses the default (safety on).",
                "Rows whose peer allocates on the Java heap (new byte[n], slicingAllocator, the segment path) are"
                        + " GC-bound: young-GC pauses take longer in wall time when the machine is loaded, so these"
                        + " rows swing most between runs.");
    }
}
