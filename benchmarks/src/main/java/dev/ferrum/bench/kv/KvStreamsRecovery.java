/*
 * Copyright 2026 the Ferrum authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.ferrum.bench.kv;

import dev.ferrum.kv.Durability;
import dev.ferrum.kv.KvOptions;
import dev.ferrum.kv.KvStore;
import dev.ferrum.kv.kafka.FerrumStores;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.apache.kafka.common.utils.Bytes;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.state.KeyValueStore;

/**
 * The recovery-side cost of the Kafka Streams store's sorted key set: a store of {@code n} 16-byte keys
 * (8-byte values) written through the Kafka Streams store and closed, then reopened alternately as a plain
 * {@code KvStore.open} (index rebuild only) and through the store's {@code init} (the same open, plus the
 * {@code forEachKey} pass that rebuilds the sorted key set). Wall-clock, a few rounds, run once by hand:
 * {@code java -cp benchmarks/target/benchmarks.jar dev.ferrum.bench.kv.KvStreamsRecovery [n] [rounds]}.
 */
public final class KvStreamsRecovery {
    private KvStreamsRecovery() {}

    public static void main(String[] args) throws Exception {
        int n = args.length > 0 ? Integer.parseInt(args[0]) : 1_000_000;
        int rounds = args.length > 1 ? Integer.parseInt(args[1]) : 5;
        Path stateDir = Files.createTempDirectory("ferrum-kstreams-recovery");
        Path kvDir = stateDir.resolve("ferrum").resolve("counts");
        try {
            KeyValueStore<Bytes, byte[]> store =
                    FerrumStores.persistentKeyValueStore("counts").get();
            store.init(KvStreamsIndexBench.context(stateDir), store);
            List<KeyValue<Bytes, byte[]>> batch = new ArrayList<>();
            byte[] value = new byte[8];
            for (int i = 0; i < n; i++) {
                batch.add(KeyValue.pair(Bytes.wrap(KvStreamsIndexBench.key(i)), value));
                if (batch.size() == 1000) {
                    store.putAll(batch);
                    batch.clear();
                }
            }
            store.putAll(batch);
            store.close();
            for (int r = 0; r < rounds; r++) {
                long t0 = System.nanoTime();
                KvStore kv = KvStore.open(
                        KvOptions.builder(kvDir).durability(Durability.NO_SYNC).build());
                long t1 = System.nanoTime();
                long size = kv.size();
                long[] walked = {0};
                kv.forEachKey(k -> walked[0]++);
                long t1b = System.nanoTime();
                kv.close();
                long t2 = System.nanoTime();
                KeyValueStore<Bytes, byte[]> s =
                        FerrumStores.persistentKeyValueStore("counts").get();
                s.init(KvStreamsIndexBench.context(stateDir), s);
                long t3 = System.nanoTime();
                long entries = s.approximateNumEntries();
                s.close();
                System.out.printf(
                        Locale.ROOT,
                        "round %d: KvStore.open %.1f ms (%d keys), then forEachKey %.1f ms; FerrumKeyValueStore.init %.1f ms"
                                + " (%d entries)%n",
                        r,
                        (t1 - t0) / 1e6,
                        size,
                        (t1b - t1) / 1e6,
                        (t3 - t2) / 1e6,
                        entries);
            }
        } finally {
            KvStreamsIndexBench.deleteTree(stateDir);
        }
    }
}
