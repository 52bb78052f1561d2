/*
 * Copyright 2026 the Ferrum authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.ferrum.kv;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * A full disk under every policy (the default included) gives {@link StorageFullException} and an
 * intact store: no SIGBUS through the mapping, no InternalError, no crash on reopen. Runs on a 2 MiB
 * tmpfs mounted by the test (root needed, as on CI); skipped with a message where mounting is impossible.
 */
class DiskFullTest {

    static int run(String... cmd) throws IOException, InterruptedException {
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
        p.getInputStream().readAllBytes();
        return p.waitFor(30, TimeUnit.SECONDS) ? p.exitValue() : -1;
    }

    @ParameterizedTest
    @EnumSource(Durability.class)
    void fullDiskIsATypedErrorAndTheStoreStaysIntact(Durability durability) throws Exception {
        Path mnt = Files.createTempDirectory("kv-tmpfs");
        int rc;
        try {
            rc = run("mount", "-t", "tmpfs", "-o", "size=2m", "tmpfs", mnt.toString());
        } catch (IOException e) {
            rc = -1;
        }
        assumeTrue(rc == 0, "cannot mount a 2 MiB tmpfs here (needs root and mount(8)); disk-full test skipped");
        try {
            Path dir = mnt.resolve("store");
            KvOptions opts = KvOptions.builder(dir)
                    .durability(durability)
                    .segmentBytes(256 << 10)
                    .maxKeyBytes(64)
                    .maxValueBytes(8192)
                    .build();
            Map<String, byte[]> acked = new LinkedHashMap<>();
            StorageFullException full = null;
            try (KvStore kv = KvStore.open(opts)) {
                for (int i = 0; i < 10_000 && full == null; i++) {
                    byte[] v = ("v" + i + "-").repeat(400).getBytes(UTF_8);
                    try {
                        kv.put(("k" + i).getBytes(UTF_8), v);
                        acked.put("k" + i, v);
                    } catch (StorageFullException e) {
                        full = e;
                    }
                }
                assertThat(full).as("the disk filled up").isNotNull();
                assertThat(full.getMessage()).contains("intact");
                // still serving reads, and further writes fail the same typed way
                for (var e : acked.entrySet()) {
                    assertThat(kv.get(e.getKey().getBytes(UTF_8))).isEqualTo(e.getValue());
                }
                assertThatThrownBy(() -> kv.put("more".getBytes(UTF_8), new byte[8000]))
                        .isInstanceOf(StorageFullException.class);
                try {
                    kv.put("s".getBytes(UTF_8), "x".getBytes(UTF_8)); // fits the active segment's rest
                    acked.put("s", "x".getBytes(UTF_8));
                } catch (StorageFullException e) {
                    // the active segment had less than 27 bytes left: also fine
                }
            }
            try (KvStore kv = KvStore.open(opts)) { // reopen on the still-full disk
                assertThat(kv.recoveryReport().clean()).isTrue();
                for (var e : acked.entrySet()) {
                    assertThat(kv.get(e.getKey().getBytes(UTF_8)))
                            .as(e.getKey())
                            .isEqualTo(e.getValue());
                }
                assertThat(kv.size()).isEqualTo(acked.size());
            }
            System.out.println("disk full (" + durability + "): " + acked.size() + " acknowledged writes intact; "
                    + full.getMessage());
        } finally {
            run("umount", mnt.toString());
            Files.deleteIfExists(mnt);
        }
    }

    @Test
    void posixFallocateIsLinkedOnLinux() {
        if (System.getProperty("os.name").startsWith("Linux")) {
            assertThat(dev.ferrum.kv.internal.Preallocator.nativeAvailable()).isTrue();
        }
    }
}
