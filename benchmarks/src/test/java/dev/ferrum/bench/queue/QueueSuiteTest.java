/*
 * Copyright 2026 the Ferrum authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.ferrum.bench.queue;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.ferrum.bench.support.Comparison;
import dev.ferrum.queue.RingBuffer;
import dev.ferrum.queue.SpscRingBuffer;
import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.lang.reflect.Field;
import java.lang.reflect.Method;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.openjdk.jmh.annotations.AuxCounters;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.Group;
import org.openjdk.jmh.annotations.Param;

/** The queue suite's rows name benchmarks that run, and its self-timed helpers deliver every message. */
@Timeout(value = 120, unit = TimeUnit.SECONDS)
class QueueSuiteTest {

    private final QueueSuite suite = new QueueSuite();

    @Test
    void everyRowReferencesAnExistingGroupParameterCombinationAndCounter() {
        List<Comparison> rows = suite.comparisons();
        assertThat(rows).isNotEmpty();
        for (Comparison c : rows) {
            assertRunnable(c.ours());
            assertRunnable(c.peer());
        }
    }

    @Test
    void rowIdsAreUniqueAndPrefixedWithTheSuiteName() {
        Set<String> ids = new HashSet<>();
        for (Comparison c : suite.comparisons()) {
            assertThat(ids.add(c.id())).as("duplicate id %s", c.id()).isTrue();
            assertThat(c.id()).startsWith(suite.name() + ".");
        }
    }

    @Test
    void theIssuesTargetsAreRows() {
        Map<String, Double> targets = new TreeMap<>();
        suite.comparisons().forEach(c -> targets.put(c.id(), c.target()));
        assertThat(targets)
                .containsEntry("queue.spsc.throughput.vs_abq", 8.8)
                .containsEntry("queue.spsc.throughput.vs_jctools", 1.0)
                .containsEntry("queue.mpmc.throughput.vs_jctools", 1.0)
                .containsEntry("queue.spsc.throughput_64k.vs_jctools", 1.0)
                .containsKeys(
                        "queue.timed.throughput.vs_jctools_parking",
                        "queue.timed.control.jctools_parking_vs_abq",
                        "queue.mpmc.throughput_p2c1.vs_jctools",
                        "queue.mpmc.throughput_p1c2.vs_jctools");
    }

    @Test
    void everyQueueNameCreatesAWorkingFifo() throws Exception {
        for (String name : QueueChannel.NAMES) {
            QueueChannel q = QueueChannel.create(name, 4);
            assertThat(q.offer(1)).as(name).isTrue();
            assertThat(q.offer(2)).as(name).isTrue();
            assertThat(q.poll()).as(name).isEqualTo(1);
            assertThat(q.poll()).as(name).isEqualTo(2);
        }
        assertThatThrownBy(() -> QueueChannel.create("nope", 4)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void everyRingDeliversEveryMessageWithItsSequenceNumber() {
        // Agrona 2.x needs jdk.internal.misc exported (the suite passes it to its forks); test it when it is.
        boolean agrona = Object.class.getModule().isExported("jdk.internal.misc", RingChannel.class.getModule());
        for (String name : RingChannel.NAMES) {
            if (name.startsWith("agrona") && !agrona) {
                continue;
            }
            for (int size : QueueSuite.MESSAGE_SIZES) {
                try (RingChannel ring = RingChannel.create(name, 4096, size)) {
                    int written = 0;
                    int read = 0;
                    for (int round = 0; round < 50; round++) {
                        while (ring.write()) {
                            written++;
                        }
                        read += ring.read();
                        read += ring.read(); // the first read stops at the end of the ring
                    }
                    assertThat(read).as(name).isEqualTo(written).isGreaterThan(100);
                    assertThat(ring.checksum()).as(name).isEqualTo((long) written * (written - 1) / 2);
                }
            }
        }
    }

    @Test
    void pingPongBouncesEveryMessageForEveryLatencyQueue() throws Exception {
        for (String name : QueueSuite.LATENCY_QUEUES) {
            PingPong.Result r = PingPong.run(name, 16, 200, 2_000, TimeUnit.SECONDS.toNanos(30));
            assertThat(r.rounds()).as(name).isEqualTo(2_000);
            assertThat(r.histogram().getTotalCount()).as(name).isEqualTo(2_000);
            assertThat(r.percentile(50)).as(name).isPositive();
            PingPong.Summary s = PingPong.Summary.parse(r.line());
            assertThat(s.queue()).isEqualTo(name);
            assertThat(s.rounds()).isEqualTo(2_000);
            assertThat(s.p50()).isLessThanOrEqualTo(s.p99());
        }
    }

    @Test
    void ringTransferBetweenThreadsVerifiesEveryMessage() throws Exception {
        for (String variant : List.of("spsc", "mpsc")) {
            try (Arena arena = Arena.ofShared()) {
                RingBuffer ring = CrossProcessRing.wrap(variant, arena.allocate(RingBuffer.bytesFor(1024), 4096));
                long[] sent = new long[3];
                Thread producer = Thread.ofPlatform()
                        .start(() -> System.arraycopy(
                                CrossProcessRing.produce(ring, 40, 500, 5_000, TimeUnit.SECONDS.toNanos(30)),
                                0,
                                sent,
                                0,
                                3));
                CrossProcessRing.Result r =
                        CrossProcessRing.consume(ring, variant, 40, null, TimeUnit.SECONDS.toNanos(60));
                producer.join();
                assertThat(r.messages()).isEqualTo(5_000).isEqualTo(sent[0]);
                assertThat(r.warmup()).isEqualTo(500).isEqualTo(sent[2]);
                assertThat(r.checksum()).isEqualTo(sent[1]);
                assertThat(r.messagesPerSecond()).isPositive();
            }
        }
    }

    @Test
    void ringTransferToASecondJvmVerifiesEveryMessage() throws Exception {
        CrossProcessRing.Result r = CrossProcessRing.run("spsc", 1024, 32, 100, 3_000, 30, List.of("-Xmx64m"));
        assertThat(r.messages()).isEqualTo(3_000);
        assertThat(r.warmup()).isEqualTo(100);
        assertThat(r.checksum()).isEqualTo(3_000L * 2_999 / 2);
    }

    @Test
    void consumerRejectsAMessageOutOfOrder() {
        try (Arena arena = Arena.ofConfined()) {
            RingBuffer ring = new SpscRingBuffer(arena.allocate(RingBuffer.bytesFor(1024), 4096));
            MemorySegment message = arena.allocate(16, 8);
            message.set(ValueLayout.JAVA_LONG, 0, 1); // sequence 1 first: 0 is missing
            message.set(ValueLayout.JAVA_LONG, 8, CrossProcessRing.mix(1));
            assertThat(ring.write(CrossProcessRing.MEASURED_TYPE, message)).isTrue();
            assertThatThrownBy(() -> CrossProcessRing.consume(ring, "spsc", 16, null, TimeUnit.SECONDS.toNanos(5)))
                    .isInstanceOf(IllegalStateException.class)
                    .hasMessageContaining("expected 0");
        }
    }

    /** {@code Class.group[params]:counter}: the class is in the suite, the group, parameters and counter exist. */
    private void assertRunnable(String key) {
        assertThat(key).as("key").isNotNull().contains(":");
        String bare = key.substring(0, key.indexOf(':'));
        String counter = key.substring(key.indexOf(':') + 1);
        String name = bare.contains("[") ? bare.substring(0, bare.indexOf('[')) : bare;
        Map<String, String> params = new TreeMap<>();
        if (bare.contains("[")) {
            for (String kv :
                    bare.substring(bare.indexOf('[') + 1, bare.length() - 1).split(",")) {
                String[] p = kv.split("=");
                params.put(p[0], p[1]);
            }
        }
        String[] parts = name.split("\\.");
        Class<?> bench = suite.benchmarks().stream()
                .filter(c -> c.getSimpleName().equals(parts[0]))
                .findFirst()
                .orElseThrow(() -> new AssertionError(key + ": class " + parts[0] + " is not in the suite"));
        List<Method> group = Arrays.stream(bench.getMethods())
                .filter(m -> m.isAnnotationPresent(Benchmark.class)
                        && m.isAnnotationPresent(Group.class)
                        && m.getAnnotation(Group.class).value().equals(parts[1]))
                .toList();
        assertThat(group).as("%s: @Group %s", key, parts[1]).hasSize(2);
        boolean counterExists = group.stream()
                .flatMap(m -> Arrays.stream(m.getParameterTypes()))
                .filter(t -> t.isAnnotationPresent(AuxCounters.class))
                .flatMap(t -> Arrays.stream(t.getFields()))
                .anyMatch(f -> f.getName().equals(counter));
        assertThat(counterExists).as("%s: @AuxCounters field %s", key, counter).isTrue();
        Map<String, String[]> declared = new TreeMap<>();
        for (Field f : bench.getFields()) {
            Param p = f.getAnnotation(Param.class);
            if (p != null) {
                declared.put(f.getName(), p.value());
            }
        }
        assertThat(params.keySet()).as("%s: parameters", key).isEqualTo(declared.keySet());
        params.forEach((k, v) -> assertThat(Stream.of(declared.get(k)))
                .as("%s: %s values", key, k)
                .contains(v));
    }
}
