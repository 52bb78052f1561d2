/*
 * Copyright 2026 the Ferrum authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.ferrum.kv;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class KvStoreTest {

    @TempDir
    Path dir;

    static byte[] b(String s) {
        return s.getBytes(UTF_8);
    }

    KvOptions.Builder opts() {
        return KvOptions.builder(dir)
                .durability(Durability.NO_SYNC)
                .segmentBytes(64 << 10)
                .maxKeyBytes(256)
                .maxValueBytes(4096);
    }

    @Test
    void putGetDeleteContainsRoundTrip() {
        try (KvStore kv = KvStore.open(opts().build())) {
            assertThat(kv.get(b("a"))).isNull();
            kv.put(b("a"), b("1"));
            kv.put(b("b"), b("2"));
            assertThat(kv.get(b("a"))).isEqualTo(b("1"));
            kv.put(b("a"), b("3"));
            assertThat(kv.get(b("a"))).isEqualTo(b("3"));
            assertThat(kv.contains(b("b"))).isTrue();
            assertThat(kv.delete(b("b"))).isTrue();
            assertThat(kv.delete(b("b"))).isFalse();
            assertThat(kv.contains(b("b"))).isFalse();
            assertThat(kv.size()).isEqualTo(1);
            kv.put(b("empty"), new byte[0]);
            assertThat(kv.get(b("empty"))).isEmpty();
        }
    }

    @Test
    void valuesSurviveReopenAcrossManySegments() {
        Map<String, String> expected = new HashMap<>();
        try (KvStore kv = KvStore.open(opts().build())) {
            for (int i = 0; i < 5000; i++) {
                String k = "key-" + (i % 1500);
                String v = "value-" + i + "-" + "x".repeat(i % 50);
                kv.put(b(k), b(v));
                expected.put(k, v);
                if (i % 7 == 0) {
                    kv.delete(b("key-" + (i % 300)));
                    expected.remove("key-" + (i % 300));
                }
            }
            assertThat(kv.stats().segments()).isGreaterThan(3);
        }
        try (KvStore kv = KvStore.open(opts().build())) {
            assertThat(kv.recoveryReport().segmentsFromHints()).isGreaterThan(0);
            assertThat(kv.recoveryReport().corruptions()).isEmpty();
            assertThat(kv.size()).isEqualTo(expected.size());
            expected.forEach((k, v) -> assertThat(kv.get(b(k))).as(k).isEqualTo(b(v)));
            Map<String, String> seen = new HashMap<>();
            kv.forEach((k, v) -> seen.put(new String(k, UTF_8), new String(v, UTF_8)));
            assertThat(seen).isEqualTo(expected);
        }
    }

    @Test
    void compactionDropsDeadBytesAndKeepsLiveValues() {
        try (KvStore kv = KvStore.open(opts().build())) {
            for (int round = 0; round < 10; round++) {
                for (int i = 0; i < 500; i++) {
                    kv.put(b("k" + i), b("r" + round + "-" + i));
                }
            }
            for (int i = 0; i < 100; i++) {
                kv.delete(b("k" + i));
            }
            KvStats before = kv.stats();
            long reclaimed = kv.compact();
            KvStats after = kv.stats();
            assertThat(reclaimed).isPositive();
            assertThat(after.deadBytes()).isLessThan(before.deadBytes() / 5);
            assertThat(after.keys()).isEqualTo(400);
            for (int i = 0; i < 500; i++) {
                assertThat(kv.get(b("k" + i))).isEqualTo(i < 100 ? null : b("r9-" + i));
            }
        }
        try (KvStore kv = KvStore.open(opts().build())) {
            assertThat(kv.size()).isEqualTo(400);
            assertThat(kv.get(b("k100"))).isEqualTo(b("r9-100"));
            assertThat(kv.get(b("k5"))).isNull();
        }
    }

    @Test
    void rejectsOversizedAndEmptyKeysAndValuesWithClearMessages() {
        try (KvStore kv = KvStore.open(opts().build())) {
            assertThatThrownBy(() -> kv.put(new byte[257], b("v")))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("257 bytes exceeds maxKeyBytes 256");
            assertThatThrownBy(() -> kv.put(b("k"), new byte[4097]))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("4097 bytes exceeds maxValueBytes 4096");
            assertThatThrownBy(() -> kv.get(new byte[0]))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("empty key");
        }
        assertThatThrownBy(() -> KvOptions.builder(dir)
                        .segmentBytes(8192)
                        .maxValueBytes(9000)
                        .build())
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("does not fit a segment");
    }

    @Test
    void secondOpenOfTheSameDirectoryFailsWithClearError() {
        try (KvStore kv = KvStore.open(opts().build())) {
            assertThatThrownBy(() -> KvStore.open(opts().build()))
                    .isInstanceOf(StoreLockedException.class)
                    .hasMessageContaining("already open for writing")
                    .hasMessageContaining("pid " + ProcessHandle.current().pid());
            kv.put(b("still"), b("works"));
        }
        try (KvStore kv = KvStore.open(opts().build())) {
            assertThat(kv.get(b("still"))).isEqualTo(b("works"));
        }
    }

    @Test
    void readGuardReturnsReadOnlyZeroCopyViews() {
        try (KvStore kv = KvStore.open(opts().build())) {
            kv.put(b("k"), b("hello"));
            try (ReadGuard g = kv.readGuard()) {
                MemorySegment v = g.get(b("k"));
                assertThat(v.toArray(ValueLayout.JAVA_BYTE)).isEqualTo(b("hello"));
                assertThat(v.isReadOnly()).isTrue();
                assertThat(v.isNative()).isTrue();
                assertThat(g.get(b("missing"))).isNull();
            }
            try (Arena a = Arena.ofConfined()) {
                MemorySegment buf = a.allocate(16);
                assertThat(kv.get(b("k"), buf)).isEqualTo(5);
                assertThat(kv.get(b("nope"), buf)).isEqualTo(-1);
                assertThatThrownBy(() -> kv.get(b("k"), a.allocate(2)))
                        .isInstanceOf(IllegalArgumentException.class)
                        .hasMessageContaining("too small");
            }
        }
    }

    @Test
    void batchAndPutAllApplyEveryOperation() {
        try (KvStore kv =
                KvStore.open(opts().durability(Durability.SYNC_EVERY_WRITE).build())) {
            kv.put(b("gone"), b("x"));
            kv.write(new WriteBatch().put(b("a"), b("1")).put(b("b"), b("2")).delete(b("gone")));
            kv.putAll(Map.of(b("c"), b("3")));
            assertThat(kv.get(b("a"))).isEqualTo(b("1"));
            assertThat(kv.get(b("b"))).isEqualTo(b("2"));
            assertThat(kv.get(b("c"))).isEqualTo(b("3"));
            assertThat(kv.contains(b("gone"))).isFalse();
        }
    }

    @Test
    void statsCountKeysLiveAndDeadBytes() {
        try (KvStore kv = KvStore.open(opts().build())) {
            kv.put(b("k"), b("v1"));
            kv.put(b("k"), b("v2"));
            KvStats s = kv.stats();
            assertThat(s.keys()).isEqualTo(1);
            assertThat(s.liveBytes()).isEqualTo(25 + 1 + 2);
            assertThat(s.deadBytes()).isEqualTo(25 + 1 + 2);
            assertThat(s.indexBytes()).isPositive();
        }
    }

    @Test
    void closedStoreRefusesCalls() {
        KvStore kv = KvStore.open(opts().build());
        kv.close();
        kv.close();
        assertThatThrownBy(() -> kv.put(b("a"), b("b")))
                .isInstanceOf(KvStoreException.class)
                .hasMessageContaining("closed");
    }
}
