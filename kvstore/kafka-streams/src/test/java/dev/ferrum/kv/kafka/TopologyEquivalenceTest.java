/*
 * Copyright 2026 the Ferrum authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.ferrum.kv.kafka;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.lang.reflect.Proxy;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Function;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.common.utils.Bytes;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.TestInputTopic;
import org.apache.kafka.streams.TestOutputTopic;
import org.apache.kafka.streams.Topology;
import org.apache.kafka.streams.TopologyTestDriver;
import org.apache.kafka.streams.kstream.Consumed;
import org.apache.kafka.streams.kstream.Grouped;
import org.apache.kafka.streams.kstream.Materialized;
import org.apache.kafka.streams.kstream.Produced;
import org.apache.kafka.streams.processor.BatchingStateRestoreCallback;
import org.apache.kafka.streams.processor.StateRestoreCallback;
import org.apache.kafka.streams.processor.StateStoreContext;
import org.apache.kafka.streams.state.KeyValueBytesStoreSupplier;
import org.apache.kafka.streams.state.KeyValueStore;
import org.apache.kafka.streams.state.Stores;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The same topologies through {@link TopologyTestDriver} (no broker) with the Ferrum store and with Kafka
 * Streams' default RocksDB store give the same output records, in the same order.
 */
class TopologyEquivalenceTest {
    static final String APP = "ferrum-test";

    @TempDir
    Path tmp;

    /** Word count: lines split into lowercase words, counted per word in a store named "counts". */
    static Topology wordCount(KeyValueBytesStoreSupplier supplier) {
        StreamsBuilder builder = new StreamsBuilder();
        builder.stream("lines", Consumed.with(Serdes.String(), Serdes.String()))
                .flatMapValues(
                        line -> Arrays.asList(line.toLowerCase(Locale.ROOT).split("\\W+")))
                .filter((k, w) -> !w.isEmpty())
                .groupBy((k, w) -> w, Grouped.with(Serdes.String(), Serdes.String()))
                .count(Materialized.<String, Long>as(supplier)
                        .withKeySerde(Serdes.String())
                        .withValueSerde(Serdes.Long()))
                .toStream()
                .to("counts", Produced.with(Serdes.String(), Serdes.Long()));
        return builder.build();
    }

    /** Windowless aggregation: per key, the running sum and maximum of the values, as "sum/max". */
    static Topology sumAndMax(KeyValueBytesStoreSupplier supplier) {
        StreamsBuilder builder = new StreamsBuilder();
        builder.stream("amounts", Consumed.with(Serdes.String(), Serdes.Long()))
                .groupByKey()
                .aggregate(
                        () -> "0/0",
                        (k, v, agg) -> {
                            String[] p = agg.split("/");
                            return (Long.parseLong(p[0]) + v) + "/" + Math.max(Long.parseLong(p[1]), v);
                        },
                        Materialized.<String, String>as(supplier)
                                .withKeySerde(Serdes.String())
                                .withValueSerde(Serdes.String()))
                .toStream()
                .to("sums", Produced.with(Serdes.String(), Serdes.String()));
        return builder.build();
    }

    Properties props(String stateDir) throws Exception {
        Properties p = new Properties();
        p.put(StreamsConfig.APPLICATION_ID_CONFIG, APP);
        p.put(StreamsConfig.BOOTSTRAP_SERVERS_CONFIG, "unused:9092");
        p.put(
                StreamsConfig.STATE_DIR_CONFIG,
                Files.createDirectories(tmp.resolve(stateDir)).toString());
        return p;
    }

    static List<String> lines() {
        List<String> out = new ArrayList<>();
        String[] words = {"ferrum", "kafka", "streams", "store", "rust", "java", "mmap", "log", "hash", "index"};
        for (int i = 0; i < 500; i++) {
            out.add(words[i % 10] + " " + words[(i * 7) % 10] + ", " + words[(i * 3 + 1) % 10] + "! " + words[i % 3]);
        }
        return out;
    }

    /** A minimal StateStoreContext: a state directory, no record in flight, and register() captured. */
    static StateStoreContext context(File stateDir, AtomicReference<StateRestoreCallback> registered) {
        return (StateStoreContext) Proxy.newProxyInstance(
                StateStoreContext.class.getClassLoader(), new Class<?>[] {StateStoreContext.class}, (p, m, a) -> {
                    switch (m.getName()) {
                        case "stateDir":
                            return stateDir;
                        case "recordMetadata":
                            return Optional.empty();
                        case "appConfigs":
                            return Map.of();
                        case "register":
                            registered.set((StateRestoreCallback) a[1]);
                            return null;
                        default:
                            throw new UnsupportedOperationException(m.getName());
                    }
                });
    }

    record Run<V>(List<KeyValue<String, V>> output, Map<String, V> store, List<KeyValue<Bytes, byte[]>> changelog) {}

    Run<Long> runWordCount(KeyValueBytesStoreSupplier supplier, String stateDir) throws Exception {
        try (TopologyTestDriver driver = new TopologyTestDriver(wordCount(supplier), props(stateDir))) {
            TestInputTopic<String, String> in = driver.createInputTopic(
                    "lines", Serdes.String().serializer(), Serdes.String().serializer());
            TestOutputTopic<String, Long> out = driver.createOutputTopic(
                    "counts", Serdes.String().deserializer(), Serdes.Long().deserializer());
            for (String line : lines()) {
                in.pipeInput(null, line);
            }
            KeyValueStore<String, Long> store = driver.getKeyValueStore("counts");
            Map<String, Long> contents = new HashMap<>();
            try (var it = store.all()) {
                it.forEachRemaining(kv -> contents.put(kv.key, kv.value));
            }
            return new Run<>(out.readKeyValuesToList(), contents, changelog(driver, "counts"));
        }
    }

    /** The records the store's changelog topic received (TopologyTestDriver records them as output). */
    static List<KeyValue<Bytes, byte[]>> changelog(TopologyTestDriver driver, String store) {
        var topic = driver.createOutputTopic(
                APP + "-" + store + "-changelog",
                Serdes.Bytes().deserializer(),
                Serdes.ByteArray().deserializer());
        return topic.readKeyValuesToList();
    }

    @Test
    void wordCountMatchesRocksDb() throws Exception {
        Run<Long> ferrum = runWordCount(FerrumStores.persistentKeyValueStore("counts"), "ferrum");
        Run<Long> rocks = runWordCount(Stores.persistentKeyValueStore("counts"), "rocks");
        assertThat(ferrum.output()).hasSize(2000).isEqualTo(rocks.output());
        assertThat(ferrum.store()).hasSize(10).isEqualTo(rocks.store());
        assertThat(ferrum.changelog()).hasSameSizeAs(rocks.changelog());
    }

    @Test
    void windowlessAggregationMatchesRocksDb() throws Exception {
        Function<KeyValueBytesStoreSupplier, List<KeyValue<String, String>>> run = supplier -> {
            try (TopologyTestDriver driver =
                    new TopologyTestDriver(sumAndMax(supplier), props(supplier.metricsScope()))) {
                TestInputTopic<String, Long> in = driver.createInputTopic(
                        "amounts", Serdes.String().serializer(), Serdes.Long().serializer());
                for (long i = 0; i < 600; i++) {
                    in.pipeInput("k" + (i % 37), (i * 7919) % 1000);
                }
                return driver.createOutputTopic(
                                "sums",
                                Serdes.String().deserializer(),
                                Serdes.String().deserializer())
                        .readKeyValuesToList();
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        };
        List<KeyValue<String, String>> ferrum = run.apply(FerrumStores.persistentKeyValueStore("sums"));
        List<KeyValue<String, String>> rocks = run.apply(Stores.persistentKeyValueStore("sums"));
        assertThat(ferrum).hasSize(600).isEqualTo(rocks);
    }

    /**
     * Restore from the changelog. TopologyTestDriver keeps no changelog across instances, so the simulation is:
     * run the topology, record what it wrote to the store's changelog topic, close the driver and wipe its
     * state directory (the machine is lost), then open a fresh Ferrum store elsewhere and feed the recorded
     * changelog through the restore callback the store registered in {@code init} (in batches of 64
     * records, as the restore consumer delivers them; TopologyTestDriver wipes its state directory on
     * close, so this is also what a restart onto a new machine looks like). The restored store must hold exactly the counts the first run ended with.
     */
    @Test
    void restoresFromTheRecordedChangelog() throws Exception {
        Run<Long> first = runWordCount(FerrumStores.persistentKeyValueStore("counts"), "lost");
        assertThat(first.changelog()).isNotEmpty();

        KeyValueStore<Bytes, byte[]> restored =
                FerrumStores.persistentKeyValueStore("counts").get();
        AtomicReference<StateRestoreCallback> registered = new AtomicReference<>();
        restored.init(context(tmp.resolve("new-machine").toFile(), registered), restored);
        try {
            assertThat(registered.get()).isInstanceOf(BatchingStateRestoreCallback.class);
            var callback = (BatchingStateRestoreCallback) registered.get();
            List<KeyValue<byte[], byte[]>> batch = new ArrayList<>();
            for (KeyValue<Bytes, byte[]> r : first.changelog()) {
                batch.add(KeyValue.pair(r.key.get(), r.value));
                if (batch.size() == 64) {
                    callback.restoreAll(batch);
                    batch.clear();
                }
            }
            callback.restoreAll(batch);
            Map<String, Long> contents = new HashMap<>();
            try (var it = restored.all()) {
                it.forEachRemaining(kv -> contents.put(
                        Serdes.String().deserializer().deserialize("", kv.key.get()),
                        Serdes.Long().deserializer().deserialize("", kv.value)));
            }
            assertThat(contents).isEqualTo(first.store());
        } finally {
            restored.close();
        }
    }
}
