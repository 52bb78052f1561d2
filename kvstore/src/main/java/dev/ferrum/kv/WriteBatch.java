/*
 * Copyright 2026 the Ferrum authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.ferrum.kv;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Puts and deletes applied by {@link KvStore#write(WriteBatch)} under one acquisition of the writer
 * lock and, with {@link Durability#SYNC_EVERY_WRITE}, one force. Not atomic across a crash: each
 * record survives or is dropped on its own. Not thread-safe; reusable after {@link #clear()}.
 */
public final class WriteBatch {

    final List<byte[]> keys = new ArrayList<>();
    final List<byte[]> values = new ArrayList<>();

    /** An empty batch. */
    public WriteBatch() {}

    /** Adds a put. */
    public WriteBatch put(byte[] key, byte[] value) {
        keys.add(Objects.requireNonNull(key, "key"));
        values.add(Objects.requireNonNull(value, "value"));
        return this;
    }

    /** Adds a delete. */
    public WriteBatch delete(byte[] key) {
        keys.add(Objects.requireNonNull(key, "key"));
        values.add(null);
        return this;
    }

    /** Number of operations. */
    public int size() {
        return keys.size();
    }

    /** Removes all operations. */
    public void clear() {
        keys.clear();
        values.clear();
    }
}
