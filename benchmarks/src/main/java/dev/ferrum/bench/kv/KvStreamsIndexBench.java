/*
 * Copyright 2026 the Ferrum authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.ferrum.bench.kv;

import dev.ferrum.kv.Durability;
import dev.ferrum.kv.KvOptions;
import dev.ferrum.kv.KvStore;
import dev.ferrum.kv.kafka.FerrumStores;
import java.lang.reflect.Proxy;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentSkipListSet;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.apache.kafka.common.utils.Bytes;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.processor.StateStoreContext;
import org.apache.kafka.streams.processor.TaskId;
import org.apache.kafka.streams.state.KeyValueStore;
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

/**
 * The put-side cost of the Kafka Streams store's sorted key set: random overwrites of preloaded 16-byte keys
 * (uniform over {@code keys}) through {@code FerrumKeyValueStore.put} ({@code storePut}: key tag, Ferrum put,
 * sorted-set update) against the same Ferrum put without the store around it ({@code kvPut}: the tagged key
 * precomputed, no sorted set), and the sorted-set update alone ({@code indexAdd}: {@code
 * ConcurrentSkipListSet.add} of a key already present, which is what an overwrite costs it). Not part of the
 * kv suite's rows: run by hand for the module README.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
public class KvStreamsIndexBench {
    @Param({"200000"})
    public int keys;

    Path dir;
    KvStore kv;
    KeyValueStore<Bytes, byte[]> store;
    ConcurrentSkipListSet<Bytes> index;
    Bytes[] userKeys;
    byte[][] taggedKeys;
    int[] order;
    int next;
    final byte[] value = new byte[8];

    /** A minimal StateStoreContext: state directory, task 0_0, no configs, register() ignored. */
    static StateStoreContext context(Path stateDir) {
        return (StateStoreContext) Proxy.newProxyInstance(
                StateStoreContext.class.getClassLoader(),
                new Class<?>[] {StateStoreContext.class},
                (p, m, a) -> switch (m.getName()) {
                    case "stateDir" -> stateDir.toFile();
                    case "recordMetadata" -> Optional.empty();
                    case "appConfigs" -> Map.of();
                    case "taskId" -> new TaskId(0, 0);
                    case "register" -> null;
                    default -> throw new UnsupportedOperationException(m.getName());
                });
    }

    static byte[] key(int i) {
        byte[] k = new byte[16];
        long x = i * 0x9E3779B97F4A7C15L;
        for (int b = 0; b < 8; b++) {
            k[b] = (byte) (x >>> (8 * b));
            k[8 + b] = (byte) (i >>> (8 * (b & 3)));
        }
        return k;
    }

    static void deleteTree(Path dir) throws Exception {
        if (Files.exists(dir)) {
            try (Stream<Path> files = Files.walk(dir)) {
                files.sorted(Comparator.reverseOrder()).forEach(f -> f.toFile().delete());
            }
        }
    }

    @Setup(Level.Trial)
    public void setup() throws Exception {
        dir = Files.createTempDirectory("ferrum-kstreams-index");
        userKeys = new Bytes[keys];
        taggedKeys = new byte[keys][];
        for (int i = 0; i < keys; i++) {
            byte[] k = key(i);
            userKeys[i] = Bytes.wrap(k);
            byte[] t = new byte[k.length + 1];
            System.arraycopy(k, 0, t, 1, k.length);
            taggedKeys[i] = t;
        }
        kv = KvStore.open(KvOptions.builder(Files.createDirectories(dir.resolve("plain")))
                .durability(Durability.NO_SYNC)
                .build());
        store = FerrumStores.persistentKeyValueStore("counts").get();
        store.init(context(dir.resolve("kstreams")), store);
        index = new ConcurrentSkipListSet<>();
        List<KeyValue<Bytes, byte[]>> batch = new ArrayList<>();
        for (int i = 0; i < keys; i++) {
            kv.put(taggedKeys[i], value);
            index.add(userKeys[i]);
            batch.add(KeyValue.pair(userKeys[i], value));
            if (batch.size() == 1000) {
                store.putAll(batch);
                batch.clear();
            }
        }
        store.putAll(batch);
        order = new int[1 << 20];
        long x = 7;
        for (int i = 0; i < order.length; i++) {
            x = x * 6364136223846793005L + 1442695040888963407L;
            order[i] = (int) Long.remainderUnsigned(x >>> 11, keys);
        }
    }

    @TearDown(Level.Trial)
    public void tearDown() throws Exception {
        store.close();
        kv.close();
        deleteTree(dir);
    }

    @Benchmark
    public void storePut() {
        int i = order[next++ & (order.length - 1)];
        value[0] = (byte) next;
        store.put(userKeys[i], value);
    }

    @Benchmark
    public void kvPut() {
        int i = order[next++ & (order.length - 1)];
        value[0] = (byte) next;
        kv.put(taggedKeys[i], value);
    }

    @Benchmark
    public boolean indexAdd() {
        return index.add(userKeys[order[next++ & (order.length - 1)]]);
    }
}
