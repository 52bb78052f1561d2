/*
 * Copyright 2026 the Ferrum authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.ferrum.bench.kv;

import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;

/** Random point reads of preloaded keys (uniform), one thread, value copied into a new byte[]. */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
public class KvGetBench {

    @Param({"ferrum", "rocksdb", "lmdb", "mvstore"})
    public String store;

    /** Preloaded keys (200k keeps the quick run short; the 1M session is measured outside JMH). */
    @Param({"200000"})
    public int keys;

    KvAdapter kv;
    byte[][] keyBytes;
    int[] stream;
    int next;

    @Setup(Level.Trial)
    public void setup() throws Exception {
        kv = KvAdapter.open(store, keys);
        keyBytes = KvData.keys(keys);
        byte[] v = KvData.value(0);
        for (int i = 0; i < keys; i++) {
            kv.put(keyBytes[i], v);
        }
        kv.settle();
        stream = KvData.uniform(keys, 7);
    }

    @TearDown(Level.Trial)
    public void tearDown() throws Exception {
        kv.close();
    }

    @Benchmark
    public byte[] get() {
        int i = stream[next++ & (KvData.STREAM - 1)];
        return kv.get(keyBytes[i]);
    }
}
