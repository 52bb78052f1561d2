/*
 * Copyright 2026 the Ferrum authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.ferrum.kv.kafka;

import java.util.Objects;
import org.apache.kafka.common.utils.Bytes;
import org.apache.kafka.streams.state.KeyValueBytesStoreSupplier;
import org.apache.kafka.streams.state.KeyValueStore;

/**
 * Factory methods in the style of {@code org.apache.kafka.streams.state.Stores}: a Kafka Streams user writes
 * {@code Materialized.as(FerrumStores.persistentKeyValueStore("counts"))} where they would have written
 * {@code Materialized.as("counts")} (RocksDB).
 */
public final class FerrumStores {
    /** The metrics scope of Ferrum stores, as {@code "rocksdb"} is RocksDB's. */
    public static final String METRICS_SCOPE = "ferrum";

    private FerrumStores() {}

    /**
     * A supplier of persistent key-value stores named {@code name}, each kept in
     * {@code <state.dir>/<application>/<task>/ferrum/<name>}.
     *
     * @throws NullPointerException if {@code name} is null
     */
    public static KeyValueBytesStoreSupplier persistentKeyValueStore(String name) {
        Objects.requireNonNull(name, "name cannot be null");
        return new Supplier(name);
    }

    private record Supplier(String name) implements KeyValueBytesStoreSupplier {
        @Override
        public KeyValueStore<Bytes, byte[]> get() {
            return new FerrumKeyValueStore(name);
        }

        @Override
        public String metricsScope() {
            return METRICS_SCOPE;
        }
    }
}
