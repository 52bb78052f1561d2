/*
 * Copyright 2026 the Ferrum authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.ferrum.kv.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.ferrum.kv.StoreLockedException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class StoreLockTest {

    @TempDir
    Path dir;

    @Test
    void secondAcquireInProcessIsRefusedWithoutTouchingTheFile() throws Exception {
        try (StoreLock lock = StoreLock.acquire(dir)) {
            long before = Files.getLastModifiedTime(dir.resolve("LOCK")).toMillis();
            String content = Files.readString(dir.resolve("LOCK"));
            assertThatThrownBy(() -> StoreLock.acquire(dir.resolve(".")))
                    .isInstanceOf(StoreLockedException.class)
                    .hasMessageContaining("in this process");
            assertThat(Files.readString(dir.resolve("LOCK"))).isEqualTo(content);
            assertThat(Files.getLastModifiedTime(dir.resolve("LOCK")).toMillis())
                    .isEqualTo(before);
            assertThat(StoreLock.isHeldInProcess(lock.directory())).isTrue();
            assertThat(content).isEqualTo(Long.toString(ProcessHandle.current().pid()));
        }
        assertThat(StoreLock.isHeldInProcess(dir)).isFalse();
        try (StoreLock again = StoreLock.acquire(dir)) {
            assertThat(again.directory()).isEqualTo(dir.toRealPath());
        }
    }

    @Test
    void closeIsIdempotent() throws Exception {
        StoreLock lock = StoreLock.acquire(dir);
        lock.close();
        lock.close();
        StoreLock.acquire(dir).close();
    }
}
