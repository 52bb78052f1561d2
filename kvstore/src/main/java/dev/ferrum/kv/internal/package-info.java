/**
 * Storage internals of the KV store (not exported).
 *
 * <h2>Memory-ordering vocabulary</h2>
 * Shared words are accessed through {@code VarHandle}s behind accessors named by access mode, the one
 * convention of the whole project: {@code lv}/{@code sv} volatile load/store, {@code la}/{@code sr}
 * load-acquire/store-release, {@code lp}/{@code sp} plain, {@code lo}/{@code so} opaque, {@code cas}
 * compareAndSet. Here:
 * <ul>
 *   <li>{@code la}/{@code sr} ({@code HashIndex}): the pair that publishes a record. The writer fills the
 *       record bytes with plain stores into the mapping, then stores the index slot's location with
 *       {@code sr} (StoreStore); a reader loads the location with {@code la} (LoadLoad) and so sees the
 *       complete record. A new slot's hash is released after its location. The live-key counter is
 *       {@code srLive}/{@code laLive}.</li>
 *   <li>volatile fields ({@code HashIndex.table}, {@code SegmentTable.segments}): copy-on-write
 *       publication of a fully built table / segment array.</li>
 *   <li>{@code lp}/{@code sp}: writer-confined state (slot probing by the writer, a table being built
 *       before publication); {@code Segment.dataEnd} and live-byte counters are plain fields read by
 *       other threads only under the writer lock.</li>
 * </ul>
 *
 * <h2>Pieces</h2>
 * {@code StoreLock} (the directory lock), {@code Recovery} (open), {@code Log} and {@code Manifest} (the
 * write side), {@code SegmentTable} (segments by id, retirement), {@code Compactor}, {@code GroupCommit},
 * {@code Preallocator} (posix_fallocate downcall), {@code Reads} (value copies with explicit results).
 *
 * <h2>Where raw access lives</h2>
 * {@code Records} (the record flyweight over a mapped segment) and {@code HashIndex} (the slot words)
 * are the only classes that compute offsets into memory; {@code Segment} owns the mappings and their
 * shared arenas. An architecture test keeps {@code VarHandle} use inside this package.
 */
package dev.ferrum.kv.internal;
