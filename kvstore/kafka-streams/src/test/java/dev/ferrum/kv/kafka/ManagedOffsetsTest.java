/*
 * Copyright 2026 the Ferrum authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.ferrum.kv.kafka;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.lang.reflect.Field;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.Random;
import java.util.stream.Stream;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.common.utils.Bytes;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.TestInputTopic;
import org.apache.kafka.streams.TopologyTestDriver;
import org.apache.kafka.streams.processor.StateStoreContext;
import org.apache.kafka.streams.processor.TaskId;
import org.apache.kafka.streams.state.KeyValueBytesStoreSupplier;
import org.apache.kafka.streams.state.KeyValueStore;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The store manages its changelog offsets (Kafka Streams' {@code managesOffsets()} contract): commits append the
 * offsets after the data without forcing, committed offsets survive a reopen, and a crash-cut log never carries
 * an offset ahead of its data.
 */
@SuppressWarnings("deprecation") // managesOffsets(): deprecated because every new store must return true
class ManagedOffsetsTest {
    static final TopicPartition TP = new TopicPartition("app-counts-changelog", 0);

    @TempDir
    Path tmp;

    static Bytes b(String s) {
        return Bytes.wrap(s.getBytes(StandardCharsets.UTF_8));
    }

    /** A minimal StateStoreContext: state directory, task 0_0, the given app configs, no record in flight. */
    static StateStoreContext context(File stateDir, Map<String, Object> configs) {
        return (StateStoreContext) Proxy.newProxyInstance(
                StateStoreContext.class.getClassLoader(), new Class<?>[] {StateStoreContext.class}, (p, m, a) -> {
                    switch (m.getName()) {
                        case "stateDir":
                            return stateDir;
                        case "recordMetadata":
                            return Optional.empty();
                        case "appConfigs":
                            return configs;
                        case "taskId":
                            return new TaskId(0, 0);
                        case "register":
                            return null;
                        default:
                            throw new UnsupportedOperationException(m.getName());
                    }
                });
    }

    static FerrumKeyValueStore open(Path stateDir) {
        FerrumKeyValueStore s = (FerrumKeyValueStore)
                FerrumStores.persistentKeyValueStore("counts").get();
        s.init(context(stateDir.toFile(), Map.of()), s);
        return s;
    }

    /** msyncs the Ferrum store under {@code store} has issued, summed over its segments (KvStore's test hook). */
    static long forces(FerrumKeyValueStore store) throws ReflectiveOperationException {
        Field f = FerrumKeyValueStore.class.getDeclaredField("kv");
        f.setAccessible(true);
        Object kv = f.get(store);
        Method m = kv.getClass().getDeclaredMethod("forceCounts");
        m.setAccessible(true);
        @SuppressWarnings("unchecked")
        Map<String, Long> counts = (Map<String, Long>) m.invoke(kv);
        return counts.values().stream().mapToLong(Long::longValue).sum();
    }

    /**
     * TopologyTestDriver commits after every record; with the offsets managed by the store, a commit appends
     * them to the log and forces nothing (the changelog is the source of truth between commits).
     */
    @Test
    void commitThroughTheDriverDoesNotForceTheLog() throws Exception {
        List<FerrumKeyValueStore> created = new ArrayList<>();
        KeyValueBytesStoreSupplier base = FerrumStores.persistentKeyValueStore("counts");
        KeyValueBytesStoreSupplier capturing = new KeyValueBytesStoreSupplier() {
            @Override
            public String name() {
                return base.name();
            }

            @Override
            public KeyValueStore<Bytes, byte[]> get() {
                FerrumKeyValueStore s = (FerrumKeyValueStore) base.get();
                created.add(s);
                return s;
            }

            @Override
            public String metricsScope() {
                return base.metricsScope();
            }
        };
        Properties p = new Properties();
        p.put(StreamsConfig.APPLICATION_ID_CONFIG, "app");
        p.put(StreamsConfig.BOOTSTRAP_SERVERS_CONFIG, "unused:9092");
        p.put(StreamsConfig.STATE_DIR_CONFIG, tmp.toString());
        try (TopologyTestDriver driver = new TopologyTestDriver(TopologyEquivalenceTest.wordCount(capturing), p)) {
            TestInputTopic<String, String> in = driver.createInputTopic(
                    "lines", Serdes.String().serializer(), Serdes.String().serializer());
            in.pipeInput(null, "warm up the store");
            assertThat(created).hasSize(1);
            FerrumKeyValueStore store = created.get(0);
            long before = forces(store);
            for (int i = 0; i < 50; i++) {
                in.pipeInput(null, "ferrum kafka streams " + i);
            }
            assertThat(forces(store))
                    .as("msyncs during 50 records, each committed")
                    .isEqualTo(before);
            assertThat(store.managesOffsets()).isTrue();
            assertThat(store.committedOffset(new TopicPartition("app-counts-changelog", 0)))
                    .isNotNull();
        }
    }

    @Test
    void committedOffsetsSurviveCloseAndReopen() {
        FerrumKeyValueStore s = open(tmp);
        assertThat(s.committedOffset(TP)).isNull();
        s.put(b("a"), new byte[] {1});
        TopicPartition other = new TopicPartition("app-other-changelog", 3);
        s.commit(Map.of(TP, 41L, other, 7L));
        s.put(b("b"), new byte[] {2});
        s.commit(Map.of(TP, 42L));
        assertThat(s.committedOffset(TP)).isEqualTo(42L);
        assertThat(s.committedOffset(other)).isEqualTo(7L); // not in the map: kept, as RocksDB does
        s.close();
        s.commit(Map.of(TP, 99L)); // after close: ignored, as RocksDB's store does

        s = open(tmp);
        try {
            assertThat(s.committedOffset(TP)).isEqualTo(42L);
            assertThat(s.committedOffset(other)).isEqualTo(7L);
            assertThat(s.committedOffset(new TopicPartition("nope", 0))).isNull();
            Map<TopicPartition, Long> withNull = new HashMap<>();
            withNull.put(other, null);
            s.commit(withNull); // a null offset removes the partition's entry
            assertThat(s.committedOffset(other)).isNull();
            assertThat(s.committedOffset(TP)).isEqualTo(42L);
            s.commit(Map.of()); // an empty map wipes every offset, as RocksDB's store does
            assertThat(s.committedOffset(TP)).isNull();
            assertThat(s.get(b("b"))).containsExactly(2);
        } finally {
            s.close();
        }
        s = open(tmp);
        try {
            assertThat(s.committedOffset(TP)).isNull();
        } finally {
            s.close();
        }
    }

    @Test
    void metadataKeysNeverShowInScansOrCounts() {
        FerrumKeyValueStore s = open(tmp);
        try {
            s.put(b("x"), new byte[] {1});
            s.put(Bytes.wrap(new byte[] {0x01}), new byte[] {2}); // a user key equal to the metadata tag
            s.commit(Map.of(TP, 5L, new TopicPartition("t", 1), 9L));
            List<String> expected = List.of("\u0001", "x");
            assertThat(FerrumKeyValueStoreTest.keysOf(s.all())).isEqualTo(expected);
            assertThat(FerrumKeyValueStoreTest.keysOf(s.reverseAll())).containsExactly("x", "\u0001");
            assertThat(FerrumKeyValueStoreTest.keysOf(s.range(null, null))).isEqualTo(expected);
            assertThat(FerrumKeyValueStoreTest.keysOf(
                            s.prefixScan("", new org.apache.kafka.common.serialization.StringSerializer())))
                    .isEqualTo(expected);
            assertThat(s.approximateNumEntries()).isEqualTo(2);
            s.close();
            s = open(tmp);
            assertThat(FerrumKeyValueStoreTest.keysOf(s.all())).isEqualTo(expected);
            assertThat(s.approximateNumEntries()).isEqualTo(2);
            assertThat(s.get(Bytes.wrap(new byte[] {0x01}))).containsExactly(2);
        } finally {
            s.close();
        }
    }

    @Test
    void emptyKeyRoundTrips() {
        FerrumKeyValueStore s = open(tmp);
        try {
            Bytes empty = Bytes.wrap(new byte[0]);
            s.put(empty, new byte[] {7});
            s.put(b("a"), new byte[] {8});
            assertThat(s.get(empty)).containsExactly(7);
            try (var it = s.all()) {
                assertThat(it.next().key.get()).isEmpty();
            }
            s.close();
            s = open(tmp);
            assertThat(s.get(empty)).containsExactly(7);
            assertThat(s.delete(empty)).containsExactly(7);
            assertThat(s.get(empty)).isNull();
        } finally {
            s.close();
        }
    }

    /**
     * A crash leaves some prefix of the log (the store is never forced between commits). Cut a copy of a
     * store that was never closed at many points (zeroing the rest of its active segment, as unwritten pages
     * read back) and reopen: the committed offset must never be ahead of the data, i.e. every record up to it
     * is present.
     */
    @Test
    void aCrashCutLogNeverCarriesAnOffsetAheadOfItsData() throws Exception {
        Path live = Files.createDirectories(tmp.resolve("live"));
        FerrumKeyValueStore s = open(live);
        int n = 300;
        for (int i = 0; i < n; i++) {
            s.put(b("k" + i), ByteBuffer.allocate(8).putLong(i).array());
            s.put(b("churn"), new byte[] {(byte) i});
            s.commit(Map.of(TP, (long) i));
        }
        Path storeDir = live.resolve("ferrum").resolve("counts");
        Path seg;
        try (Stream<Path> files = Files.list(storeDir)) {
            seg = files.filter(f -> f.toString().endsWith(".seg"))
                    .sorted()
                    .reduce((a, b) -> b)
                    .orElseThrow();
        }
        byte[] image = Files.readAllBytes(seg);
        int end = image.length;
        while (end > 0 && image[end - 1] == 0) {
            end--;
        }
        Random rnd = new Random(19);
        long highest = -1;
        java.util.Set<Long> seen = new java.util.HashSet<>();
        for (int round = 0; round < 16; round++) {
            int cut = round == 0 ? end : 64 + rnd.nextInt(end - 64);
            Path copy = tmp.resolve("crash" + round);
            copyTree(live, copy, seg);
            // the active segment as a crash leaves it: its first `cut` bytes, zeros after (a sparse file)
            try (FileChannel ch = FileChannel.open(
                    copy.resolve(live.relativize(seg)), StandardOpenOption.WRITE, StandardOpenOption.CREATE_NEW)) {
                ch.write(ByteBuffer.wrap(image, 0, cut), 0);
                ch.write(ByteBuffer.allocate(1), image.length - 1);
            }
            FerrumKeyValueStore r = open(copy);
            try {
                Long off = r.committedOffset(TP);
                if (round == 0) {
                    assertThat(off).isEqualTo(n - 1L);
                }
                seen.add(off);
                if (off != null) {
                    highest = Math.max(highest, off);
                    for (long i = 0; i <= off; i++) {
                        assertThat(r.get(b("k" + i)))
                                .as("cut at %d: offset %d but record %d is missing", cut, off, i)
                                .isEqualTo(ByteBuffer.allocate(8).putLong(i).array());
                    }
                }
            } finally {
                r.close();
            }
        }
        s.close();
        assertThat(highest).isEqualTo(n - 1L);
        assertThat(seen).as("distinct offsets after the cuts").hasSizeGreaterThan(8);
    }

    /**
     * Copies the tree {@code from} to {@code to}, except the file {@code skip}; segment files are copied sparse
     * (their bytes up to the last non-zero one, then the same length).
     */
    static void copyTree(Path from, Path to, Path skip) throws Exception {
        try (Stream<Path> files = Files.walk(from)) {
            for (Path f : (Iterable<Path>) files::iterator) {
                Path t = to.resolve(from.relativize(f));
                if (Files.isDirectory(f)) {
                    Files.createDirectories(t);
                } else if (f.equals(skip)) {
                    continue;
                } else if (f.toString().endsWith(".seg")) {
                    byte[] image = Files.readAllBytes(f);
                    int end = image.length;
                    while (end > 0 && image[end - 1] == 0) {
                        end--;
                    }
                    try (FileChannel ch =
                            FileChannel.open(t, StandardOpenOption.WRITE, StandardOpenOption.CREATE_NEW)) {
                        ch.write(ByteBuffer.wrap(image, 0, end), 0);
                        ch.write(ByteBuffer.allocate(1), image.length - 1);
                    }
                } else {
                    Files.copy(f, t);
                }
            }
        }
    }

    /** Fills a store, commits offsets, closes it and returns the directory of its Ferrum files. */
    Path storeWithData(Path stateDir) {
        FerrumKeyValueStore s = open(stateDir);
        for (int i = 0; i < 100; i++) {
            s.put(b("k" + i), new byte[] {(byte) i});
        }
        s.commit(Map.of(TP, 99L));
        s.close();
        return stateDir.resolve("ferrum").resolve("counts");
    }

    /** A damaged manifest fails recovery: the store is wiped, reports no offset, and restores from scratch. */
    @Test
    void aStoreWithADamagedManifestIsWipedAndRestoredFromTheChangelog() throws Exception {
        Path dir = storeWithData(tmp);
        Files.write(dir.resolve("MANIFEST"), new byte[] {'n', 'o', 't', ' ', 'a', ' ', 'm', 'a', 'n', 'i', 'f', 'e'});
        FerrumKeyValueStore s = open(tmp);
        try {
            assertThat(s.committedOffset(TP))
                    .as("nothing there: restore from the start")
                    .isNull();
            assertThat(s.approximateNumEntries()).isZero();
            assertThat(FerrumKeyValueStoreTest.keysOf(s.all())).isEmpty();
            s.restoreAll(List.of(
                    org.apache.kafka.streams.KeyValue.pair("k1".getBytes(StandardCharsets.UTF_8), new byte[] {1})));
            assertThat(s.get(b("k1"))).containsExactly(1);
        } finally {
            s.close();
        }
    }

    /** A damaged record (a flipped byte in a segment with records after it) is wiped the same way. */
    @Test
    void aStoreWithADamagedRecordIsWiped() throws Exception {
        Path dir = storeWithData(tmp);
        Path seg;
        try (Stream<Path> files = Files.list(dir)) {
            seg = files.filter(f -> f.toString().endsWith(".seg")).findFirst().orElseThrow();
        }
        try (FileChannel ch = FileChannel.open(seg, StandardOpenOption.READ, StandardOpenOption.WRITE)) {
            ByteBuffer one = ByteBuffer.allocate(1);
            ch.read(one, 200);
            one.flip();
            one.put(0, (byte) (one.get(0) ^ 0x5a));
            ch.write(one, 200);
        }
        FerrumKeyValueStore s = open(tmp);
        try {
            assertThat(s.committedOffset(TP)).isNull();
            assertThat(s.approximateNumEntries()).isZero();
        } finally {
            s.close();
        }
    }

    /**
     * Under exactly_once_v2 a store left open (a crash) may hold writes of an aborted transaction: as RocksDB's
     * store, init raises TaskCorruptedException so Kafka Streams wipes it and restores; under at-least-once
     * the same store opens with its committed offset.
     */
    @Test
    void anUncleanShutdownUnderExactlyOnceIsATaskCorruption() throws Exception {
        Path live = Files.createDirectories(tmp.resolve("live"));
        FerrumKeyValueStore s = open(live);
        s.put(b("a"), new byte[] {1});
        s.commit(Map.of(TP, 0L));
        s.put(b("uncommitted"), new byte[] {2});
        Path crashed = tmp.resolve("crashed");
        copyTree(live, crashed, null); // the files as a crash leaves them: never closed
        s.close();

        FerrumKeyValueStore eos = (FerrumKeyValueStore)
                FerrumStores.persistentKeyValueStore("counts").get();
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> eos.init(
                        context(crashed.toFile(), Map.of(StreamsConfig.PROCESSING_GUARANTEE_CONFIG, "exactly_once_v2")),
                        eos))
                .isInstanceOf(org.apache.kafka.streams.errors.TaskCorruptedException.class);
        assertThat(eos.isOpen()).isFalse();

        FerrumKeyValueStore alos = open(crashed);
        try {
            assertThat(alos.committedOffset(TP)).isEqualTo(0L);
            assertThat(alos.get(b("uncommitted"))).containsExactly(2);
        } finally {
            alos.close();
        }
    }
}
