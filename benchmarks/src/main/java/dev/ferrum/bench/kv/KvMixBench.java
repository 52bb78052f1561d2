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

/** 95% reads / 5% overwrites (YCSB-B shape), uniform or Zipfian (s = 0.99) keys, one thread, no fsync per write. */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
public class KvMixBench extends PreloadedStore {

    @Param({"ferrum", "rocksdb", "lmdb", "mvstore"})
    public String store;

    @Param({"uniform", "zipfian"})
    public String dist;

    @Param({"200000"})
    public int keys;

    @Setup(Level.Trial)
    public void setup() throws Exception {
        preload(store, keys, keys, 2);
        stream = dist.equals("zipfian") ? KvData.zipfian(keys, 13) : KvData.uniform(keys, 13);
    }

    @Benchmark
    public Object mix95() {
        int n = next;
        byte[] key = nextKey();
        if (n % 20 == 0) {
            value[0] = (byte) n;
            kv.put(key, value);
            return value;
        }
        return kv.get(key);
    }
}
