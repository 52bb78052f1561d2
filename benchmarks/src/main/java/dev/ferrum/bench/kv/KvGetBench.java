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

/** Random point reads of preloaded keys (uniform), one thread, value copied into a new byte[]. */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
public class KvGetBench extends PreloadedStore {

    @Param({"ferrum", "rocksdb", "lmdb", "mvstore"})
    public String store;

    /** Preloaded keys (200k keeps the quick run short; the 1M session is measured outside JMH). */
    @Param({"200000"})
    public int keys;

    @Setup(Level.Trial)
    public void setup() throws Exception {
        preload(store, keys, keys, 0);
        stream = KvData.uniform(keys, 7);
    }

    @Benchmark
    public byte[] get() {
        return kv.get(nextKey());
    }
}
