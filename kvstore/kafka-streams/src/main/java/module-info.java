/**
 * Ferrum KV Store for Kafka Streams: a persistent {@code KeyValueStore<Bytes, byte[]>} state store backed by a
 * {@link dev.ferrum.kv.KvStore}, supplied by {@link dev.ferrum.kv.kafka.FerrumStores}.
 *
 * <p>The Kafka jars (4.4.0) carry neither a module descriptor nor an {@code Automatic-Module-Name}: their module
 * names ({@code kafka.streams}, {@code kafka.clients}) are derived from the jar file names, hence the suppressed
 * {@code requires-automatic} lint.
 */
@SuppressWarnings({"requires-automatic", "requires-transitive-automatic"})
module dev.ferrum.kv.kafka {
    requires transitive dev.ferrum.kv;
    requires transitive kafka.streams;
    requires transitive kafka.clients;

    exports dev.ferrum.kv.kafka;
}
