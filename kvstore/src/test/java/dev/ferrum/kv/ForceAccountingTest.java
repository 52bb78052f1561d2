/*
 * Copyright 2026 the Ferrum authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.ferrum.kv;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * {@code sync()}, {@code close()} and a compaction's commit force every segment written since the last
 * sync, under every policy (counted through the segments' msync counters, not strace).
 */
class ForceAccountingTest {

    @TempDir
    Path dir;

    KvOptions opts(Durability d) {
        return KvOptions.builder(dir)
                .durability(d)
                .syncIntervalMillis(60_000) // the group commit must not do the test's work
                .segmentBytes(8192)
                .maxKeyBytes(64)
                .maxValueBytes(512)
                .build();
    }

    static Map<String, Long> delta(Map<String, Long> before, Map<String, Long> after) {
        Map<String, Long> d = new HashMap<>();
        after.forEach((k, v) -> d.put(k, v - before.getOrDefault(k, 0L)));
        return d;
    }

    @ParameterizedTest
    @EnumSource(Durability.class)
    void syncForcesEverySegmentWrittenSinceTheLastSync(Durability d) {
        try (KvStore kv = KvStore.open(opts(d))) {
            kv.sync();
            Map<String, Long> before = kv.forceCounts();
            byte[] v = "v".repeat(400).getBytes(UTF_8);
            for (int i = 0; i < 60; i++) { // about 3 segments of 8 KiB
                kv.put(("k" + i).getBytes(UTF_8), v);
            }
            Map<String, Long> written = kv.forceCounts();
            assertThat(written.size()).as("writes rolled over several segments").isGreaterThanOrEqualTo(4);
            kv.sync();
            Map<String, Long> forced = delta(before, kv.forceCounts());
            // every segment that received a record since the sync above: each one rolled, plus the active
            for (String seg : written.keySet()) {
                if (!before.containsKey(seg) || seg.equals(lastOf(before))) {
                    assertThat(forced.get(seg) + (written.get(seg) - before.getOrDefault(seg, 0L)))
                            .as("%s forced under %s", seg, d)
                            .isGreaterThanOrEqualTo(1);
                }
            }
            // the sync itself forced every segment still unforced: under NO_SYNC that is all of them
            if (d == Durability.NO_SYNC) {
                Map<String, Long> bySync = delta(written, kv.forceCounts());
                long sealedWritten = written.keySet().stream()
                        .filter(s -> !s.equals(lastOf(written)))
                        .filter(s -> !before.containsKey(s) || s.equals(lastOf(before)))
                        .count();
                assertThat(bySync.values().stream().filter(n -> n > 0).count())
                        .as("sealed NO_SYNC segments forced by sync(), plus the active one")
                        .isEqualTo(sealedWritten + 1);
            }
        }
    }

    @ParameterizedTest
    @EnumSource(Durability.class)
    void closeForcesEverySegmentWrittenSinceTheLastSync(Durability d) {
        KvStore kv = KvStore.open(opts(d));
        byte[] v = "w".repeat(400).getBytes(UTF_8);
        for (int i = 0; i < 60; i++) {
            kv.put(("k" + i).getBytes(UTF_8), v);
        }
        Map<String, Long> written = kv.forceCounts();
        kv.close();
        Map<String, Long> after = kv.forceCounts();
        for (String seg : written.keySet()) {
            assertThat(after.get(seg)).as("%s forced by close under %s", seg, d).isGreaterThanOrEqualTo(1);
        }
    }

    @ParameterizedTest
    @EnumSource(
            value = Durability.class,
            names = {"NO_SYNC", "SYNC_EVERY_N_MS"})
    void compactionForcesWritesMadeMeanwhileBeforeDeletingInputs(Durability d) throws Exception {
        try (KvStore kv = KvStore.open(opts(d))) {
            byte[] v = "x".repeat(400).getBytes(UTF_8);
            for (int i = 0; i < 40; i++) {
                kv.put(("k" + i).getBytes(UTF_8), v);
            }
            String[] active = new String[1];
            long[] forcesAtHook = new long[1];
            boolean[] inputsPresentAtHook = new boolean[1];
            kv.beforeCompactionCommit(() -> {
                // a write that lands in the active segment while compaction runs: k1's only older
                // record is in an input, and the copy drops it (the index now points here)
                kv.put("k1".getBytes(UTF_8), "newer".getBytes(UTF_8));
                Map<String, Long> c = kv.forceCounts();
                active[0] = lastOf(c);
                forcesAtHook[0] = c.get(active[0]);
                inputsPresentAtHook[0] = java.nio.file.Files.exists(dir.resolve("0000000000000001-0000.seg"));
            });
            kv.compact();
            assertThat(inputsPresentAtHook[0]).isTrue();
            assertThat(kv.forceCounts().get(active[0]))
                    .as("the active segment was forced by the commit, before the inputs were deleted")
                    .isGreaterThan(forcesAtHook[0]);
            assertThat(java.nio.file.Files.exists(dir.resolve("0000000000000001-0000.seg")))
                    .isFalse();
            assertThat(kv.get("k1".getBytes(UTF_8))).isEqualTo("newer".getBytes(UTF_8));
        }
    }

    static String lastOf(Map<String, Long> counts) {
        return counts.keySet().stream().sorted().reduce((a, b) -> b).orElseThrow();
    }
}
