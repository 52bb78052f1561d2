/**
 * A Kafka Streams state store backed by the Ferrum KV store: {@link dev.ferrum.kv.kafka.FerrumStores} supplies
 * it the way {@code org.apache.kafka.streams.state.Stores} supplies RocksDB.
 */
package dev.ferrum.kv.kafka;
