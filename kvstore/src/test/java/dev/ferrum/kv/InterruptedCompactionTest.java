/*
 * Copyright 2026 the Ferrum authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.ferrum.kv;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A process that dies in the middle of a compaction (outputs written and forced, commit not reached)
 * leaves output files behind: the next open removes them as the recovery of an interrupted compaction,
 * reports that once, and the store is clean and complete; the open after that reports nothing.
 */
class InterruptedCompactionTest {

    @TempDir
    Path dir;

    static KvOptions opts(Path dir) {
        return KvOptions.builder(dir)
                .durability(Durability.SYNC_EVERY_N_MS)
                .segmentBytes(8192)
                .maxKeyBytes(64)
                .maxValueBytes(1024)
                .build();
    }

    static byte[] value(int i) {
        return ("value-" + i + "-").repeat(10).getBytes(UTF_8);
    }

    /** Child: fills the store, then halts the JVM at the compaction's commit point. */
    public static void main(String[] args) {
        KvStore kv = KvStore.open(opts(Path.of(args[0])));
        for (int i = 0; i < 200; i++) {
            kv.put(("k" + i).getBytes(UTF_8), value(i));
        }
        for (int i = 0; i < 200; i += 2) {
            kv.delete(("k" + i).getBytes(UTF_8));
        }
        kv.beforeCompactionCommit(() -> Runtime.getRuntime().halt(0)); // dies like kill -9, at the worst moment
        kv.compact();
        System.exit(3); // not reached
    }

    long compactionOutputs() throws Exception {
        try (Stream<Path> s = Files.list(dir)) {
            return s.filter(p -> p.getFileName().toString().matches("[0-9a-f]{16}-0*[1-9a-f][0-9a-f]*\\.seg"))
                    .count();
        }
    }

    @Test
    void partialCompactionOutputIsCleanedUpAsRecoveryNotReportedAsDamage() throws Exception {
        Process p = new ProcessBuilder(
                        Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                        "--enable-native-access=ALL-UNNAMED",
                        "-Xmx64m",
                        "-cp",
                        System.getProperty("java.class.path"),
                        InterruptedCompactionTest.class.getName(),
                        dir.toString())
                .inheritIO()
                .start();
        assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(p.exitValue()).as("halted at the commit point").isZero();
        assertThat(compactionOutputs()).as("outputs left behind").isPositive();

        try (KvStore kv = KvStore.open(opts(dir))) {
            RecoveryReport r = kv.recoveryReport();
            assertThat(r.clean()).as("not damage: %s", r).isTrue();
            assertThat(r.interruptedCompactionFiles()).isPositive();
            assertThat(compactionOutputs()).isZero();
            assertThat(kv.size()).isEqualTo(100);
            for (int i = 0; i < 200; i++) {
                assertThat(kv.get(("k" + i).getBytes(UTF_8))).isEqualTo(i % 2 == 0 ? null : value(i));
            }
        }
        try (KvStore kv = KvStore.open(opts(dir))) {
            assertThat(kv.recoveryReport().clean()).isTrue();
            assertThat(kv.recoveryReport().interruptedCompactionFiles()).isZero();
            kv.compact();
            assertThat(kv.size()).isEqualTo(100);
        }
        try (KvStore kv = KvStore.open(opts(dir))) {
            assertThat(kv.recoveryReport().clean()).isTrue();
            assertThat(kv.get("k1".getBytes(UTF_8))).isEqualTo(value(1));
        }
    }
}
