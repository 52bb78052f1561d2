/*
 * Copyright 2026 the Ferrum authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.ferrum.bench.arena;

import dev.ferrum.arena.BumpArena;
import java.util.ArrayList;
import java.util.LinkedList;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;

/**
 * The seed's demo: sum a list of 1M {@code long}s built by appending 0..N-1. Arena list (16-byte nodes,
 * contiguous) vs {@code LinkedList<Long>} (node + boxed Long per element) vs {@code ArrayList<Long>}
 * (an array of references to boxed Longs). Time per full traversal.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
public class ListTraversalBench {

    static final int N = 1_000_000;

    private BumpArena arena;
    private ArenaLinkedList arenaList;
    private LinkedList<Long> linkedList;
    private ArrayList<Long> arrayList;

    @Setup(Level.Trial)
    public void setUp() {
        arena = BumpArena.ofConfined();
        arenaList = new ArenaLinkedList(arena);
        linkedList = new LinkedList<>();
        arrayList = new ArrayList<>();
        for (long i = 0; i < N; i++) {
            arenaList.addLast(i);
            linkedList.add(i);
            arrayList.add(i);
        }
        System.gc(); // let the collector settle (and move) the heap lists before measuring, as in a real heap
    }

    @TearDown(Level.Trial)
    public void tearDown() {
        arena.close();
    }

    @Benchmark
    public long arenaList() {
        return arenaList.sum();
    }

    @Benchmark
    public long linkedList() {
        long s = 0;
        for (Long v : linkedList) {
            s += v;
        }
        return s;
    }

    @Benchmark
    public long arrayList() {
        long s = 0;
        for (Long v : arrayList) {
            s += v;
        }
        return s;
    }
}
