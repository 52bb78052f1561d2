/*
 * Copyright 2026 the Ferrum authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.ferrum.kv;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Lock-free readers racing one writer and repeated compactions (which remap and unmap files and switch
 * index entries): every value read is whole (never torn) and, per reader and key, versions never go
 * backwards, also while the index resizes. Bounded to ~2 s (10 s with -Dferrum.long=true). The build runs it
 * again with C1 only and in the interpreter (each compiler reorders differently).
 */
class ConcurrentReadersTest {

    @TempDir
    Path dir;

    /** Just under the 3/4 load limit of a 2048-slot table, so the first fresh keys force a resize. */
    static final int KEYS = 1500;

    static byte[] key(int k) {
        return ("ck-" + k).getBytes(StandardCharsets.UTF_8);
    }

    /** [version:8][k:4] then a fill derived from both, length varying with the version. */
    static byte[] value(int k, long version) {
        int len = 12 + (int) ((version * 13 + k) % 200);
        ByteBuffer b = ByteBuffer.allocate(len);
        b.putLong(version).putInt(k);
        while (b.hasRemaining()) {
            b.put((byte) (version ^ k ^ b.position()));
        }
        return b.array();
    }

    static long check(int k, byte[] v) {
        ByteBuffer b = ByteBuffer.wrap(v);
        long version = b.getLong();
        if (b.getInt() != k || v.length != 12 + (int) ((version * 13 + k) % 200)) {
            throw new AssertionError("torn or foreign value for key " + k);
        }
        while (b.hasRemaining()) {
            int pos = b.position();
            if (b.get() != (byte) (version ^ k ^ pos)) {
                throw new AssertionError("torn value for key " + k + " at byte " + pos);
            }
        }
        return version;
    }

    @Test
    void readersNeverSeeTornOrOlderValuesDuringWritesAndCompaction() throws Exception {
        long millis = Boolean.getBoolean("ferrum.long") ? 10_000 : 2_000;
        try (KvStore kv = KvStore.open(KvOptions.builder(dir)
                .durability(Durability.NO_SYNC)
                .segmentBytes(256 << 10)
                .maxValueBytes(1024)
                .expectedKeys(16)
                .build())) {
            for (int k = 0; k < KEYS; k++) {
                kv.put(key(k), value(k, 0));
            }
            long capacityBefore = kv.stats().indexCapacity();
            AtomicBoolean stop = new AtomicBoolean();
            AtomicReference<Throwable> failure = new AtomicReference<>();
            AtomicLong reads = new AtomicLong();
            AtomicLong compactions = new AtomicLong();
            List<Thread> threads = new ArrayList<>();
            threads.add(Thread.ofPlatform().start(() -> {
                long version = 1;
                int fresh = KEYS;
                try {
                    while (!stop.get()) {
                        int k = ThreadLocalRandom.current().nextInt(KEYS);
                        kv.put(key(k), value(k, version++));
                        if (version % 2 == 0) {
                            // new keys keep the index growing: resizes happen while readers probe
                            kv.put(key(fresh), value(fresh, 0));
                            fresh++;
                        }
                    }
                } catch (Throwable t) {
                    failure.compareAndSet(null, t);
                }
            }));
            threads.add(Thread.ofPlatform().start(() -> {
                try {
                    while (!stop.get()) {
                        kv.compact();
                        compactions.incrementAndGet();
                        Thread.sleep(1);
                    }
                } catch (Throwable t) {
                    failure.compareAndSet(null, t);
                }
            }));
            for (int r = 0; r < 2; r++) {
                boolean guarded = r == 1;
                threads.add(Thread.ofPlatform().start(() -> {
                    long[] seen = new long[KEYS];
                    try {
                        while (!stop.get()) {
                            int k = ThreadLocalRandom.current().nextInt(KEYS);
                            byte[] v;
                            if (guarded) {
                                try (ReadGuard g = kv.readGuard()) {
                                    MemorySegment view = g.get(key(k));
                                    v = view.toArray(ValueLayout.JAVA_BYTE);
                                }
                            } else {
                                v = kv.get(key(k));
                            }
                            long version = check(k, v);
                            if (version < seen[k]) {
                                throw new AssertionError(
                                        "key " + k + " went back from version " + seen[k] + " to " + version);
                            }
                            seen[k] = version;
                            reads.incrementAndGet();
                        }
                    } catch (Throwable t) {
                        failure.compareAndSet(null, t);
                    }
                }));
            }
            Thread.sleep(millis);
            stop.set(true);
            for (Thread t : threads) {
                t.join();
            }
            if (failure.get() != null) {
                throw new AssertionError("concurrent failure", failure.get());
            }
            assertThat(reads.get()).isGreaterThan(1000);
            assertThat(compactions.get()).isPositive();
            assertThat(kv.size()).isGreaterThan(KEYS);
            assertThat(kv.stats().indexCapacity())
                    .as("the index resized during the run")
                    .isGreaterThan(capacityBefore);
        }
    }

    @Test
    void iterationDuringCompactionSeesEveryKeyExactlyOnce() throws Exception {
        try (KvStore kv = KvStore.open(KvOptions.builder(dir)
                .durability(Durability.NO_SYNC)
                .segmentBytes(64 << 10)
                .maxKeyBytes(64)
                .maxValueBytes(1024)
                .build())) {
            for (int round = 0; round < 3; round++) {
                for (int k = 0; k < KEYS; k++) {
                    kv.put(key(k), value(k, round));
                }
            }
            AtomicBoolean stop = new AtomicBoolean();
            AtomicReference<Throwable> failure = new AtomicReference<>();
            Thread compactor = Thread.ofPlatform().start(() -> {
                try {
                    while (!stop.get()) {
                        kv.compact();
                        kv.put(key(0), value(0, 2)); // keeps each compaction with something to roll
                    }
                } catch (Throwable t) {
                    failure.compareAndSet(null, t);
                }
            });
            try {
                for (int i = 0; i < 20; i++) {
                    boolean[] seen = new boolean[KEYS];
                    int[] count = {0};
                    kv.forEach((k, v) -> {
                        int id = Integer.parseInt(new String(k, StandardCharsets.UTF_8).substring(3));
                        assertThat(seen[id]).as("key %d seen twice", id).isFalse();
                        seen[id] = true;
                        assertThat(check(id, v)).isEqualTo(2);
                        count[0]++;
                    });
                    assertThat(count[0]).isEqualTo(KEYS);
                }
            } finally {
                stop.set(true);
                compactor.join();
            }
            if (failure.get() != null) {
                throw new AssertionError("compactor failed", failure.get());
            }
        }
    }
}
