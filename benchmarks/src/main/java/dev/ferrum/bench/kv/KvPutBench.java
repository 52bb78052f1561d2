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

/**
 * Random overwrites of preloaded keys (uniform), one thread, one put per operation.
 * {@code ferrum}, {@code rocksdb}, {@code lmdb}, {@code mvstore}: no fsync per write (NO_SYNC, RocksDB
 * default WriteOptions, LMDB MDB_NOSYNC, MVStore background commit). {@code *-sync}: every write forced
 * to disk before returning (SYNC_EVERY_WRITE, WriteOptions.setSync(true), LMDB default commit);
 * {@code ferrum-group}: SYNC_EVERY_N_MS (50 ms group commit).
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
public class KvPutBench extends PreloadedStore {

    @Param({"ferrum", "rocksdb", "lmdb", "mvstore", "ferrum-group", "ferrum-sync", "rocksdb-sync", "lmdb-sync"})
    public String store;

    @Param({"200000"})
    public int keys;

    @Setup(Level.Trial)
    public void setup() throws Exception {
        // Synced stores are preloaded with 2,000 keys and overwrite among those: a 200k preload
        // with an fsync per write would take minutes.
        int preloaded = store.endsWith("-sync") ? Math.min(keys, 2000) : keys;
        preload(store, keys, preloaded, 1);
        stream = KvData.uniform(preloaded, 11);
    }

    @Benchmark
    public void put() {
        byte[] key = nextKey();
        value[0] = (byte) next;
        kv.put(key, value);
    }
}
