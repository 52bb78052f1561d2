/*
 * Copyright 2026 the Ferrum authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.ferrum.guide;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.ferrum.kv.Durability;
import dev.ferrum.kv.KvOptions;
import dev.ferrum.kv.KvStore;
import dev.ferrum.kv.ReadGuard;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The capstone (seed Project 12, the KV store): an append-only log read through {@code mmap}, an index in
 * arena memory, durability by {@code msync}. Rust hands out {@code &[u8]} borrowed from the mapping; here a
 * {@link ReadGuard} plays the borrow: while it is open, compaction may not unmap what its views point into.
 */
class KvCrashSafeTest {

    @TempDir
    Path dir;

    @Test
    void aValueSurvivesCloseAndReopen() {
        MemorySegment escaped;
        // tag::kv-crash-safe[]
        KvOptions options =
                KvOptions.builder(dir).durability(Durability.SYNC_EVERY_WRITE).build();
        byte[] key = "user:1".getBytes(UTF_8);
        try (KvStore kv = KvStore.open(options)) {
            kv.put(key, "Ada Lovelace".getBytes(UTF_8)); // appended to the mapped log, msync'd on return
            assertThat(kv.get(key)).asString(UTF_8).isEqualTo("Ada Lovelace");
        } // close(): unmap, release the directory lock

        try (KvStore kv = KvStore.open(options)) { // recovery rebuilds the index from the files
            assertThat(kv.get(key)).asString(UTF_8).isEqualTo("Ada Lovelace"); // a CRC-checked copy
            try (ReadGuard guard = kv.readGuard()) { // like a borrow: views live until close()
                MemorySegment view = guard.get(key); // zero-copy: a slice of the mapped file
                assertThat(view.isReadOnly()).isTrue();
                assertThat(new String(view.toArray(ValueLayout.JAVA_BYTE), UTF_8))
                        .isEqualTo("Ada Lovelace");
                escaped = view;
            }
            assertThat(kv.get("user:2".getBytes(UTF_8))).isNull();
        }
        // end::kv-crash-safe[]
        // The store unmapped its files at close: a view kept past that fails cleanly instead of faulting.
        assertThatThrownBy(() -> escaped.get(ValueLayout.JAVA_BYTE, 0)).isInstanceOf(IllegalStateException.class);
    }
}
