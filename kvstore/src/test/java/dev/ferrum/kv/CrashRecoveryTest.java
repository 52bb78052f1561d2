/*
 * Copyright 2026 the Ferrum authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.ferrum.kv;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Kills a child writer JVM with SIGKILL ({@code destroyForcibly}) at random moments, reopens the store
 * and checks that every write the child acknowledged (rounds rotate through the three policies) is present (or superseded
 * by a later write that also reached the file) and that no value read back is corrupt.
 * 5 rounds by default, 25 with {@code -Dferrum.long=true}, N with {@code -Dferrum.crash.rounds=N}.
 */
class CrashRecoveryTest {

    @TempDir
    Path dir;

    @Test
    void everyAcknowledgedSyncedWriteSurvivesSigkill() throws Exception {
        int rounds = Integer.getInteger("ferrum.crash.rounds", Boolean.getBoolean("ferrum.long") ? 25 : 5);
        long ackedChecked = 0;
        long keysChecked = 0;
        long lost = 0;
        long invented = 0;
        int compactionsDone = 0;
        int killedMidCompaction = 0;
        int cleanedUp = 0;
        Random random = new Random(42);
        long nextSeq = 1;
        int killedMidWrite = 0;
        for (int round = 0; round < rounds; round++) {
            Durability policy = Durability.values()[round % Durability.values().length];
            ProcessBuilder pb = new ProcessBuilder(
                    Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                    "--enable-native-access=ALL-UNNAMED",
                    "-Xmx128m",
                    "-cp",
                    System.getProperty("java.class.path"),
                    CrashWriter.class.getName(),
                    dir.toString(),
                    Long.toString(nextSeq),
                    policy.name());
            pb.redirectError(ProcessBuilder.Redirect.INHERIT);
            Process child = pb.start();
            AtomicLong lastAck = new AtomicLong(nextSeq - 1);
            java.util.concurrent.atomic.AtomicInteger started = new java.util.concurrent.atomic.AtomicInteger();
            java.util.concurrent.atomic.AtomicInteger done = new java.util.concurrent.atomic.AtomicInteger();
            CountDownLatch opened = new CountDownLatch(1);
            Thread reader = Thread.ofPlatform().start(() -> {
                try (BufferedReader r =
                        new BufferedReader(new InputStreamReader(child.getInputStream(), StandardCharsets.UTF_8))) {
                    for (String line; (line = r.readLine()) != null; ) {
                        if (line.equals("OPEN")) {
                            opened.countDown();
                        } else if (line.equals("CS")) {
                            started.incrementAndGet();
                        } else if (line.equals("CD")) {
                            done.incrementAndGet();
                        } else if (line.startsWith("A ")) {
                            lastAck.set(Long.parseLong(line.substring(2)));
                        }
                    }
                } catch (Exception ignored) {
                    // stream closed by the kill
                }
            });
            assertThat(opened.await(60, TimeUnit.SECONDS))
                    .as("child opened the store")
                    .isTrue();
            Thread.sleep(200 + random.nextInt(1200)); // long enough for compactions to commit, or not
            // SIGKILL through the ProcessHandle: Process.destroyForcibly() would also close our end of the
            // child's stdout and drop acknowledgements still in the pipe.
            child.toHandle().destroyForcibly();
            assertThat(child.waitFor(30, TimeUnit.SECONDS)).isTrue();
            reader.join();
            long acked = lastAck.get();
            ackedChecked += acked - nextSeq + 1;
            compactionsDone += done.get();
            if (started.get() > done.get()) {
                killedMidCompaction++;
            }
            long inflight = acked + 1; // may or may not have reached the file before the kill
            System.out.println("round " + round + " (" + policy + "): seq " + nextSeq + ".." + acked + " acknowledged");
            // For each key: the value of its last acknowledged write, unless the in-flight write to the
            // same key reached the file.
            Map<String, Long> lastWrite = new HashMap<>();
            for (long s = 1; s <= acked; s++) {
                lastWrite.put(new String(CrashWriter.key(s), StandardCharsets.UTF_8), s);
            }
            try (KvStore kv = KvStore.open(KvOptions.builder(dir)
                    .durability(Durability.NO_SYNC)
                    .segmentBytes(64 << 10)
                    .maxValueBytes(4096)
                    .maxKeyBytes(64)
                    .build())) {
                if (kv.recoveryReport().tornTailBytes() > 0) {
                    killedMidWrite++;
                }
                assertThat(kv.recoveryReport().corruptions())
                        .as("no mid-file damage from a kill")
                        .isEmpty();
                cleanedUp += kv.recoveryReport().interruptedCompactionFiles();
                for (var e : lastWrite.entrySet()) {
                    long s = e.getValue();
                    byte[] got = kv.get(e.getKey().getBytes(UTF_8));
                    keysChecked++;
                    boolean inflightHitsKey = inflight % CrashWriter.KEYS == s % CrashWriter.KEYS;
                    if (inflightHitsKey
                            && (CrashWriter.isDelete(inflight)
                                    ? got == null
                                    : Arrays.equals(got, CrashWriter.value(inflight)))) {
                        continue;
                    }
                    boolean ok = CrashWriter.isDelete(s) ? got == null : Arrays.equals(got, CrashWriter.value(s));
                    if (!ok) {
                        long found = got == null || got.length < 8
                                ? -1
                                : java.nio.ByteBuffer.wrap(got)
                                        .order(java.nio.ByteOrder.LITTLE_ENDIAN)
                                        .getLong();
                        boolean known = got == null
                                || (found > 0
                                        && found <= inflight
                                        && found % CrashWriter.KEYS == s % CrashWriter.KEYS
                                        && Arrays.equals(got, CrashWriter.value(found)));
                        if (known) {
                            lost++; // an older value (or none) instead of the last acknowledged write
                        } else {
                            invented++; // a value never written to this key
                        }
                        System.out.println(
                                "round " + round + ": key " + e.getKey() + " acked seq " + s + ", found seq " + found);
                    }
                }
                // Make the in-flight write certain, so the next round's history is exactly 1..inflight.
                if (CrashWriter.isDelete(inflight)) {
                    kv.delete(CrashWriter.key(inflight));
                } else {
                    kv.put(CrashWriter.key(inflight), CrashWriter.value(inflight));
                }
            }
            nextSeq = inflight + 1;
        }
        assertThat(nextSeq)
                .as("the child acknowledged writes before being killed")
                .isGreaterThan(rounds * 20L);
        System.out.println("crash harness: " + rounds + " SIGKILL cycles, " + ackedChecked
                + " acknowledged ops, " + keysChecked + " key checks, " + lost + " lost, " + invented
                + " invented; " + compactionsDone + " compactions committed, " + killedMidCompaction
                + " kills inside a compaction, " + cleanedUp + " interrupted-compaction files cleaned up, "
                + killedMidWrite + " torn tails cut");
        assertThat(lost).as("acknowledged writes lost").isZero();
        assertThat(invented).as("values never written").isZero();
    }
}
