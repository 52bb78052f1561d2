/*
 * Copyright 2026 the Ferrum authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.ferrum.kv;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The store lock holds for the store's whole life whatever failed opens this process makes meanwhile:
 * after each kind of failed open, a second OS process tries to take the lock and must find it held.
 * (POSIX locks are per process and dropped when <em>any</em> descriptor of the file is closed, so a
 * failed second open that opened and closed {@code LOCK} used to release the first store's lock.)
 */
class StoreLockTwoProcessTest {

    @TempDir
    Path tmp;

    static String probe(Path dir) throws IOException, InterruptedException {
        ProcessBuilder pb = new ProcessBuilder(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx32m",
                "-XX:TieredStopAtLevel=1",
                "-cp",
                System.getProperty("java.class.path"),
                LockProbe.class.getName(),
                dir.toString());
        pb.redirectErrorStream(true);
        Process p = pb.start();
        String out = new String(p.getInputStream().readAllBytes(), UTF_8).trim();
        assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
        return out;
    }

    static KvOptions.Builder opts(Path dir) {
        return KvOptions.builder(dir)
                .durability(Durability.NO_SYNC)
                .segmentBytes(64 << 10)
                .maxKeyBytes(64)
                .maxValueBytes(1024);
    }

    @Test
    void lockHoldsAfterEveryKindOfFailedOpen() throws Exception {
        Path dir = tmp.resolve("store");
        Path damaged = tmp.resolve("damaged");
        try (KvStore d = KvStore.open(opts(damaged).build())) {
            d.put("k".getBytes(UTF_8), "v".getBytes(UTF_8));
        }
        Files.delete(damaged.resolve("MANIFEST"));
        Files.writeString(damaged.resolve("0000000000000001-0000.seg"), "garbage, not a segment");
        Path aFile = tmp.resolve("a-file");
        Files.writeString(aFile, "x");

        try (KvStore kv = KvStore.open(opts(dir).build())) {
            kv.put("owner".getBytes(UTF_8), "first".getBytes(UTF_8));
            assertThat(probe(dir)).as("lock held while open").isEqualTo("HELD");
            int kinds = 0;

            // 1. the same directory again
            assertThatThrownBy(() -> KvStore.open(opts(dir).build())).isInstanceOf(StoreLockedException.class);
            assertThat(probe(dir)).as("after a same-path double open").isEqualTo("HELD");
            kinds++;
            // 2. the same directory through an alias path
            Path alias = tmp.resolve("store").resolve("..").resolve("store");
            assertThatThrownBy(() -> KvStore.open(opts(alias).build())).isInstanceOf(StoreLockedException.class);
            Path link = Files.createSymbolicLink(tmp.resolve("link"), dir);
            assertThatThrownBy(() -> KvStore.open(opts(link).build())).isInstanceOf(StoreLockedException.class);
            assertThat(probe(dir)).as("after alias and symlink double opens").isEqualTo("HELD");
            kinds++;
            // 3. the same directory with other (valid) options, and with invalid ones
            assertThatThrownBy(() -> KvStore.open(opts(dir)
                            .durability(Durability.SYNC_EVERY_WRITE)
                            .salvage(true)
                            .build()))
                    .isInstanceOf(StoreLockedException.class);
            assertThatThrownBy(() -> KvStore.open(opts(dir).segmentBytes(100).build()))
                    .isInstanceOf(IllegalArgumentException.class);
            assertThat(probe(dir)).as("after double opens with other options").isEqualTo("HELD");
            kinds++;
            // 4. a damaged store elsewhere, a path that is a file, a store held by nobody but broken
            assertThatThrownBy(() -> KvStore.open(opts(damaged).build())).isInstanceOf(KvStoreException.class);
            assertThatThrownBy(() -> KvStore.open(opts(aFile).build())).isInstanceOf(RuntimeException.class);
            assertThat(probe(dir)).as("after failed opens of other directories").isEqualTo("HELD");
            kinds++;
            // 5. a failed open while the damaged store's lock is taken by its own failed open and released
            assertThat(probe(damaged)).as("a failed open releases its own lock").isEqualTo("FREE");
            kinds++;

            kv.put("owner".getBytes(UTF_8), "still-first".getBytes(UTF_8));
            assertThat(kv.get("owner".getBytes(UTF_8))).isEqualTo("still-first".getBytes(UTF_8));
            System.out.println("lock: held after " + kinds + " kinds of failed open");
        }
        assertThat(probe(dir)).as("released by close").isEqualTo("FREE");
        try (KvStore kv = KvStore.open(opts(dir).build())) {
            assertThat(kv.get("owner".getBytes(UTF_8))).isEqualTo("still-first".getBytes(UTF_8));
        }
    }
}
