/*
 * Copyright 2026 the Ferrum authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.ferrum.kv.internal;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;

import dev.ferrum.kv.Durability;
import dev.ferrum.kv.KvOptions;
import java.lang.foreign.Arena;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The write log, the manifest it keeps, group commit and compaction, driven without the facade. */
class LogAndCompactorTest {

    @TempDir
    Path dir;

    record Parts(Arena arena, SegmentTable table, HashIndex index, Log log) implements AutoCloseable {
        @Override
        public void close() {
            table.unmapAll();
            arena.close();
        }
    }

    Parts open(Durability d) throws Exception {
        KvOptions o = KvOptions.builder(dir)
                .durability(d)
                .segmentBytes(4096)
                .maxKeyBytes(64)
                .maxValueBytes(512)
                .build();
        Arena arena = Arena.ofShared();
        SegmentTable table = new SegmentTable();
        HashIndex index = new HashIndex(arena, table::resolve, 64);
        Recovery.Result r = Recovery.run(dir, o, table, index);
        return new Parts(arena, table, index, r.log());
    }

    static void put(Log log, String k, String v) throws Exception {
        log.writeLock.lock();
        try {
            byte[] key = k.getBytes(UTF_8);
            byte[] value = v.getBytes(UTF_8);
            long loc = log.append(key, value, false);
            log.publish(key, loc, false, Records.size(key.length, value.length));
        } finally {
            log.writeLock.unlock();
        }
    }

    @Test
    void rollsListEverySegmentInTheManifestAndSequenceNumbersContinueAcrossReopen() throws Exception {
        long next;
        try (Parts p = open(Durability.NO_SYNC)) {
            for (int i = 0; i < 100; i++) {
                put(p.log(), "k" + (i % 10), "value-" + i + "-" + "z".repeat(60));
            }
            p.log().writeLock.lock();
            try {
                next = p.log().nextSequenceLocked();
                assertThat(Manifest.read(dir)).hasSize(p.log().listedLocked().size());
                assertThat(Manifest.read(dir).stream().filter(e -> e.sealed() && !e.synced()))
                        .as("NO_SYNC rolls are listed unsynced")
                        .isNotEmpty();
                p.log().syncAllLocked();
                assertThat(Manifest.read(dir).stream().filter(e -> e.sealed() && !e.synced()))
                        .isEmpty();
            } finally {
                p.log().writeLock.unlock();
            }
        }
        try (Parts p = open(Durability.NO_SYNC)) {
            p.log().writeLock.lock();
            try {
                assertThat(p.log().nextSequenceLocked()).isEqualTo(next);
            } finally {
                p.log().writeLock.unlock();
            }
        }
    }

    @Test
    void groupCommitForcesTheActiveRangeOnce() throws Exception {
        try (Parts p = open(Durability.SYNC_EVERY_N_MS)) {
            put(p.log(), "a", "1");
            GroupCommit gc = new GroupCommit(p.log(), 3_600_000);
            try {
                Segment active;
                p.log().writeLock.lock();
                try {
                    active = p.log().activeLocked();
                } finally {
                    p.log().writeLock.unlock();
                }
                long before = active.forces();
                gc.passOnce();
                assertThat(active.forces()).isEqualTo(before + 1);
                gc.passOnce(); // nothing new
                assertThat(active.forces()).isEqualTo(before + 1);
            } finally {
                gc.close();
            }
        }
    }

    @Test
    void compactionSwitchesTheManifestAndDeletesItsInputs() throws Exception {
        try (Parts p = open(Durability.NO_SYNC)) {
            for (int i = 0; i < 200; i++) {
                put(p.log(), "k" + (i % 20), "value-" + i + "-" + "z".repeat(60));
            }
            List<String> before =
                    Manifest.read(dir).stream().map(Manifest.Entry::name).toList();
            long reclaimed = new Compactor(p.log(), p.table(), p.index()).run();
            assertThat(reclaimed).isPositive();
            List<Manifest.Entry> after = Manifest.read(dir);
            for (String name : before) {
                assertThat(after.stream().map(Manifest.Entry::name)).doesNotContain(name);
                assertThat(dir.resolve(name)).doesNotExist();
            }
            assertThat(after.stream().filter(e -> e.name().endsWith("0001.seg")))
                    .isNotEmpty();
            assertThat(p.index().size()).isEqualTo(20);
            try (var files = Files.list(dir)) {
                assertThat(files.filter(f -> f.toString().endsWith(".seg")).count())
                        .isEqualTo(after.size());
            }
        }
    }
}
