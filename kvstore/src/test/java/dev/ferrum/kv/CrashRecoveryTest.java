/*
 * Copyright 2026 the Ferrum authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.ferrum.kv;

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
 * and checks that every write the child acknowledged under SYNC_EVERY_WRITE is present (or superseded
 * by a later write that also reached the file) and that no value read back is corrupt.
 * 4 rounds by default, 25 with {@code -Dferrum.long=true}.
 */
class CrashRecoveryTest {

    @TempDir
    Path dir;

    @Test
    void everyAcknowledgedSyncedWriteSurvivesSigkill() throws Exception {
        int rounds = Boolean.getBoolean("ferrum.long") ? 25 : 4;
        Random random = new Random(42);
        long nextSeq = 1;
        int killedMidWrite = 0;
        for (int round = 0; round < rounds; round++) {
            ProcessBuilder pb = new ProcessBuilder(
                    Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                    "--enable-native-access=ALL-UNNAMED",
                    "-Xmx128m",
                    "-cp",
                    System.getProperty("java.class.path"),
                    CrashWriter.class.getName(),
                    dir.toString(),
                    Long.toString(nextSeq));
            pb.redirectError(ProcessBuilder.Redirect.INHERIT);
            Process child = pb.start();
            AtomicLong lastAck = new AtomicLong(nextSeq - 1);
            CountDownLatch opened = new CountDownLatch(1);
            Thread reader = Thread.ofPlatform().start(() -> {
                try (BufferedReader r =
                        new BufferedReader(new InputStreamReader(child.getInputStream(), StandardCharsets.UTF_8))) {
                    for (String line; (line = r.readLine()) != null; ) {
                        if (line.equals("OPEN")) {
                            opened.countDown();
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
            Thread.sleep(50 + random.nextInt(400));
            // SIGKILL through the ProcessHandle: Process.destroyForcibly() would also close our end of the
            // child's stdout and drop acknowledgements still in the pipe.
            child.toHandle().destroyForcibly();
            assertThat(child.waitFor(30, TimeUnit.SECONDS)).isTrue();
            reader.join();
            long acked = lastAck.get();
            long inflight = acked + 1; // may or may not have reached the file before the kill
            System.out.println("round " + round + ": seq " + nextSeq + ".." + acked + " acknowledged");
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
                for (var e : lastWrite.entrySet()) {
                    long s = e.getValue();
                    byte[] got = kv.get(e.getKey().getBytes(StandardCharsets.UTF_8));
                    boolean inflightHitsKey = inflight % CrashWriter.KEYS == s % CrashWriter.KEYS;
                    if (inflightHitsKey
                            && (CrashWriter.isDelete(inflight)
                                    ? got == null
                                    : Arrays.equals(got, CrashWriter.value(inflight)))) {
                        continue;
                    }
                    if (CrashWriter.isDelete(s)) {
                        assertThat(got)
                                .as("key %s deleted at acked seq %d", e.getKey(), s)
                                .isNull();
                    } else {
                        assertThat(got)
                                .as(
                                        "key %s written at acked seq %d (found seq %d), round %d, acked %d",
                                        e.getKey(),
                                        s,
                                        got == null
                                                ? -1
                                                : java.nio.ByteBuffer.wrap(got)
                                                        .order(java.nio.ByteOrder.LITTLE_ENDIAN)
                                                        .getLong(),
                                        round,
                                        acked)
                                .isEqualTo(CrashWriter.value(s));
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
        System.out.println("crash rounds: " + rounds + ", killed mid-write (torn tail cut): " + killedMidWrite);
    }
}
