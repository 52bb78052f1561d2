/**
 * Storage internals of the KV store (not exported).
 *
 * <h2>Memory-ordering vocabulary</h2>
 * Shared words are accessed through {@code VarHandle}s and named by their access mode at the call site:
 * <ul>
 *   <li>{@code getAcquire} / {@code setRelease}: the pair that publishes a record. The writer fills the
 *       record bytes with plain stores into the mapping, then stores the index slot's location with
 *       {@code setRelease} (StoreStore); a reader loads the location with {@code getAcquire} (LoadLoad)
 *       and so sees the complete record. A new slot's hash is released after its location.</li>
 *   <li>volatile fields ({@code HashIndex.table}, {@code KvStore.segments}): copy-on-write publication
 *       of a fully built table / segment array.</li>
 *   <li>plain accesses: writer-confined state (slot probing by the writer, {@code Segment.dataEnd},
 *       live-byte counters), read by other threads only under the writer lock.</li>
 * </ul>
 *
 * <h2>Where raw access lives</h2>
 * {@code Records} (the record flyweight over a mapped segment) and {@code HashIndex} (the slot words)
 * are the only classes that compute offsets into memory; {@code Segment} owns the mappings and their
 * shared arenas. An architecture test keeps {@code VarHandle} use inside this package.
 */
package dev.ferrum.kv.internal;
