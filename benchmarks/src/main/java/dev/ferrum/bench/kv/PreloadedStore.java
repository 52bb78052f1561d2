/*
 * Copyright 2026 the Ferrum authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.ferrum.bench.kv;

import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.TearDown;

/**
 * The set-up every KV benchmark shares: one store opened, its first keys preloaded with one value and
 * settled (flushed, compacted as the store needs), the key bytes, and a stream of key indexes to walk.
 * Subclasses are the JMH {@code @State}s: they declare the {@code @Param}s and call {@link #preload} from
 * their {@code @Setup}; JMH runs the {@code @TearDown} here.
 */
public abstract class PreloadedStore {

    KvAdapter kv;
    byte[][] keyBytes;
    byte[] value;
    int[] stream;
    int next;

    /**
     * Opens {@code store} sized for {@code keys}, writes the first {@code preloaded} keys with {@code value(valueSeed)}
     * and settles it.
     */
    final void preload(String store, int keys, int preloaded, int valueSeed) throws Exception {
        kv = KvAdapter.open(store, keys);
        keyBytes = KvData.keys(keys);
        value = KvData.value(valueSeed);
        for (int i = 0; i < preloaded; i++) {
            kv.put(keyBytes[i], value);
        }
        kv.settle();
    }

    /** The next key of the stream. */
    final byte[] nextKey() {
        return keyBytes[stream[next++ & (KvData.STREAM - 1)]];
    }

    @TearDown(Level.Trial)
    public void tearDown() throws Exception {
        kv.close();
    }
}
