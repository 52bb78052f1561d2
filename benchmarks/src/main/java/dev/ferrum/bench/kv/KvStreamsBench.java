/*
 * Copyright 2026 the Ferrum authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.ferrum.bench.kv;

import dev.ferrum.kv.kafka.FerrumStores;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Comparator;
import java.util.Locale;
import java.util.Properties;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.apache.kafka.common.serialization.Serdes;
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
import org.apache.kafka.streams.state.KeyValueBytesStoreSupplier;
import org.apache.kafka.streams.state.Stores;
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
 * A Kafka Streams word count through {@code TopologyTestDriver} (no broker), its count store either Ferrum's
 * ({@code FerrumStores.persistentKeyValueStore}) or Kafka Streams' default RocksDB store
 * ({@code Stores.persistentKeyValueStore}); one operation pipes one 4-word line (so 4 store read-modify-writes)
 * drawn from the same precomputed stream over a 20,000-word vocabulary. The record cache is off
 * ({@code statestore.cache.max.bytes=0}) so every update reaches the store, as under a high-cardinality
 * stream; everything else (changelog logging, metering, the serdes, the driver) is the same for both.
 * {@code -p store=inmemory} (not a report row) runs Kafka Streams' in-memory store
 * ({@code Stores.inMemoryKeyValueStore}) as a reference.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
public class KvStreamsBench {
    static final int VOCABULARY = 20_000;
    static final int LINES = 1 << 14;

    @Param({"ferrum", "rocksdb"})
    public String store;

    Path dir;
    TopologyTestDriver driver;
    TestInputTopic<String, String> in;
    TestOutputTopic<String, Long> out;
    TestOutputTopic<byte[], byte[]> changelog;
    String[] lines;
    int next;

    static Topology wordCount(KeyValueBytesStoreSupplier supplier) {
        StreamsBuilder builder = new StreamsBuilder();
        builder.stream("lines", Consumed.with(Serdes.String(), Serdes.String()))
                .flatMapValues(
                        line -> Arrays.asList(line.toLowerCase(Locale.ROOT).split(" ")))
                .groupBy((k, w) -> w, Grouped.with(Serdes.String(), Serdes.String()))
                .count(Materialized.<String, Long>as(supplier)
                        .withKeySerde(Serdes.String())
                        .withValueSerde(Serdes.Long()))
                .toStream()
                .to("counts", Produced.with(Serdes.String(), Serdes.Long()));
        return builder.build();
    }

    @Setup(Level.Trial)
    public void setup() throws Exception {
        dir = Files.createTempDirectory("ferrum-kstreams-bench");
        Properties p = new Properties();
        p.put(StreamsConfig.APPLICATION_ID_CONFIG, "bench");
        p.put(StreamsConfig.BOOTSTRAP_SERVERS_CONFIG, "unused:9092");
        p.put(StreamsConfig.STATE_DIR_CONFIG, dir.toString());
        p.put(StreamsConfig.STATESTORE_CACHE_MAX_BYTES_CONFIG, 0L);
        KeyValueBytesStoreSupplier supplier = switch (store) {
            case "ferrum" -> FerrumStores.persistentKeyValueStore("counts");
            case "rocksdb" -> Stores.persistentKeyValueStore("counts");
            // not a row: run by hand (-p store=inmemory) as a reference
            case "inmemory" -> Stores.inMemoryKeyValueStore("counts");
            default -> throw new IllegalArgumentException(store);
        };
        driver = new TopologyTestDriver(wordCount(supplier), p);
        in = driver.createInputTopic(
                "lines", Serdes.String().serializer(), Serdes.String().serializer());
        out = driver.createOutputTopic(
                "counts", Serdes.String().deserializer(), Serdes.Long().deserializer());
        changelog = driver.createOutputTopic(
                "bench-counts-changelog",
                Serdes.ByteArray().deserializer(),
                Serdes.ByteArray().deserializer());
        lines = new String[LINES];
        long x = 42;
        for (int i = 0; i < LINES; i++) {
            StringBuilder line = new StringBuilder();
            for (int w = 0; w < 4; w++) {
                x = x * 6364136223846793005L + 1442695040888963407L;
                line.append(w == 0 ? "" : " ").append("w").append(Long.remainderUnsigned(x >>> 17, VOCABULARY));
            }
            lines[i] = line.toString();
        }
    }

    /** The driver keeps every output record: drop them between iterations (outside the measurement). */
    @TearDown(Level.Iteration)
    public void drain() {
        while (!out.isEmpty()) {
            out.readRecord();
        }
        while (!changelog.isEmpty()) {
            changelog.readRecord();
        }
    }

    @TearDown(Level.Trial)
    public void tearDown() throws Exception {
        driver.close();
        if (Files.exists(dir)) {
            try (Stream<Path> files = Files.walk(dir)) {
                files.sorted(Comparator.reverseOrder()).forEach(f -> f.toFile().delete());
            }
        }
    }

    @Benchmark
    public void wordCountLine() {
        in.pipeInput(null, lines[next++ & (LINES - 1)]);
    }
}
