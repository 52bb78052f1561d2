/*
 * Copyright 2026 the Ferrum authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.ferrum.kv;

/**
 * A snapshot of a store's size, taken under the writer lock.
 *
 * @param keys            live keys
 * @param liveBytes       bytes of records that hold a live key's current value
 * @param deadBytes       bytes of overwritten values, deleted keys and tombstones (reclaimed by compaction)
 * @param segments        segment files
 * @param indexBytes      off-heap bytes held by the hash index (arena memory)
 * @param indexCapacity   index slots
 * @param durability      the store's policy
 */
public record KvStats(
        long keys,
        long liveBytes,
        long deadBytes,
        int segments,
        long indexBytes,
        long indexCapacity,
        Durability durability) {}
