/*
 * Copyright 2026 the Ferrum authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.ferrum.kv.kafka;

import dev.ferrum.kv.Durability;
import dev.ferrum.kv.KvOptions;
import dev.ferrum.kv.KvStore;
import dev.ferrum.kv.KvStoreException;
import dev.ferrum.kv.WriteBatch;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.NavigableSet;
import java.util.NoSuchElementException;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentSkipListSet;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.Serializer;
import org.apache.kafka.common.utils.Bytes;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.errors.InvalidStateStoreException;
import org.apache.kafka.streams.errors.ProcessorStateException;
import org.apache.kafka.streams.processor.BatchingStateRestoreCallback;
import org.apache.kafka.streams.processor.StateStore;
import org.apache.kafka.streams.processor.StateStoreContext;
import org.apache.kafka.streams.processor.api.RecordMetadata;
import org.apache.kafka.streams.query.Position;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.KeyValueStore;

/**
 * A persistent Kafka Streams {@link KeyValueStore} over a Ferrum {@link KvStore}.
 *
 * <p>Point operations go straight to the store's hash index. That index has no order, so range, reverse and
 * prefix scans walk a sorted set of the live keys ({@link ConcurrentSkipListSet} ordered as {@link Bytes}
 * compares: unsigned lexicographic, as RocksDB's default comparator). The set is rebuilt from the store's keys
 * in {@link #init} and kept up to date by every write; values are read from the store as an iterator reaches
 * their key, so a scan sees a weakly consistent view (as the RocksDB store's iterators see a snapshot).
 *
 * <p>Durability: the store is opened with {@link Durability#NO_SYNC}; Kafka Streams' changelog topic is the
 * source of truth between commits, and {@link #commit} forces the store ({@link KvStore#sync()}) before Kafka
 * Streams writes its checkpoint. Restoration from the changelog is batched through one {@link WriteBatch} per
 * restored batch.
 *
 * <p>Keys must be 1 to 65536 bytes (the Ferrum store does not take the empty key): an empty key is refused with
 * an {@link IllegalArgumentException}. Null keys throw {@link NullPointerException}; a null value deletes.
 */
public final class FerrumKeyValueStore implements KeyValueStore<Bytes, byte[]> {
    private final String name;
    private final NavigableSet<Bytes> keys = new ConcurrentSkipListSet<>();
    private final Set<FerrumIterator> openIterators = ConcurrentHashMap.newKeySet();
    private volatile KvStore kv;
    private volatile boolean open;
    private final Position position = Position.emptyPosition();
    private StateStoreContext context;

    FerrumKeyValueStore(String name) {
        this.name = Objects.requireNonNull(name, "name");
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public void init(StateStoreContext context, StateStore root) {
        Path dir = context.stateDir().toPath().resolve("ferrum").resolve(name);
        openAt(dir);
        this.context = context;
        context.register(root, (BatchingStateRestoreCallback) this::restoreAll);
    }

    /** Opens the Ferrum store in {@code dir} and rebuilds the sorted key set (also used by tests). */
    void openAt(Path dir) {
        if (open) {
            throw new IllegalStateException("store " + name + " is already open");
        }
        try {
            Files.createDirectories(dir);
            KvStore store = KvStore.open(
                    KvOptions.builder(dir).durability(Durability.NO_SYNC).build());
            keys.clear();
            store.forEachKey(k -> keys.add(Bytes.wrap(k)));
            kv = store;
            open = true;
        } catch (IOException | UncheckedIOException | KvStoreException e) {
            throw new ProcessorStateException("Error opening store " + name + " at location " + dir, e);
        }
    }

    /** Applies a restored changelog batch as one Ferrum write batch (a null value deletes). */
    void restoreAll(Collection<KeyValue<byte[], byte[]>> records) {
        KvStore store = store();
        WriteBatch batch = new WriteBatch();
        for (KeyValue<byte[], byte[]> r : records) {
            if (r.value == null) {
                batch.delete(r.key);
            } else {
                batch.put(r.key, r.value);
            }
        }
        store.write(batch);
        for (KeyValue<byte[], byte[]> r : records) {
            if (r.value == null) {
                keys.remove(Bytes.wrap(r.key));
            } else {
                keys.add(Bytes.wrap(r.key));
            }
        }
    }

    /** Records the input offset of the record being processed, as Kafka's built-in stores do. */
    private void updatePosition() {
        StateStoreContext c = context;
        if (c != null) {
            RecordMetadata m = c.recordMetadata().orElse(null);
            if (m != null && m.topic() != null) {
                position.withComponent(m.topic(), m.partition(), m.offset());
            }
        }
    }

    /** The input offsets this store has seen (Kafka's interactive queries read it). */
    @Override
    public Position getPosition() {
        return position;
    }

    private KvStore store() {
        KvStore s = kv;
        if (!open || s == null) {
            throw new InvalidStateStoreException("Store " + name + " is currently closed.");
        }
        return s;
    }

    @Override
    public boolean persistent() {
        return true;
    }

    @Override
    public boolean isOpen() {
        return open;
    }

    // ---------------------------------------------------------------- writes

    @Override
    public void put(Bytes key, byte[] value) {
        Objects.requireNonNull(key, "key cannot be null");
        KvStore s = store();
        if (value == null) {
            s.delete(key.get());
            keys.remove(key);
        } else {
            s.put(key.get(), value);
            keys.add(key);
        }
        updatePosition();
    }

    @Override
    public byte[] putIfAbsent(Bytes key, byte[] value) {
        Objects.requireNonNull(key, "key cannot be null");
        byte[] old = store().get(key.get());
        if (old == null) {
            put(key, value);
        }
        return old;
    }

    @Override
    public void putAll(List<KeyValue<Bytes, byte[]>> entries) {
        KvStore s = store();
        WriteBatch batch = new WriteBatch();
        for (KeyValue<Bytes, byte[]> e : entries) {
            Objects.requireNonNull(e.key, "key cannot be null");
            if (e.value == null) {
                batch.delete(e.key.get());
            } else {
                batch.put(e.key.get(), e.value);
            }
        }
        s.write(batch);
        for (KeyValue<Bytes, byte[]> e : entries) {
            if (e.value == null) {
                keys.remove(e.key);
            } else {
                keys.add(e.key);
            }
        }
        updatePosition();
    }

    @Override
    public byte[] delete(Bytes key) {
        Objects.requireNonNull(key, "key cannot be null");
        KvStore s = store();
        byte[] old = s.get(key.get());
        if (old != null) {
            s.delete(key.get());
            keys.remove(key);
        }
        updatePosition();
        return old;
    }

    // ---------------------------------------------------------------- reads

    @Override
    public byte[] get(Bytes key) {
        Objects.requireNonNull(key, "key cannot be null");
        return store().get(key.get());
    }

    /** Inclusive of both ends; a null end is unbounded; {@code from > to} gives an empty iterator. */
    @Override
    public KeyValueIterator<Bytes, byte[]> range(Bytes from, Bytes to) {
        return scan(from, to, false);
    }

    /** The keys of {@link #range} in descending order. */
    @Override
    public KeyValueIterator<Bytes, byte[]> reverseRange(Bytes from, Bytes to) {
        return scan(from, to, true);
    }

    @Override
    public KeyValueIterator<Bytes, byte[]> all() {
        return scan(null, null, false);
    }

    @Override
    public KeyValueIterator<Bytes, byte[]> reverseAll() {
        return scan(null, null, true);
    }

    @Override
    public <PS extends Serializer<P>, P> KeyValueIterator<Bytes, byte[]> prefixScan(P prefix, PS prefixKeySerializer) {
        Objects.requireNonNull(prefix, "prefix cannot be null");
        Objects.requireNonNull(prefixKeySerializer, "prefixKeySerializer cannot be null");
        byte[] p = prefixKeySerializer.serialize(null, prefix);
        store();
        return register(new FerrumIterator(keys.tailSet(Bytes.wrap(p), true).iterator(), p));
    }

    private KeyValueIterator<Bytes, byte[]> scan(Bytes from, Bytes to, boolean reverse) {
        store();
        NavigableSet<Bytes> view;
        if (from != null && to != null && from.compareTo(to) > 0) {
            view = new ConcurrentSkipListSet<>();
        } else if (from == null && to == null) {
            view = keys;
        } else if (from == null) {
            view = keys.headSet(to, true);
        } else if (to == null) {
            view = keys.tailSet(from, true);
        } else {
            view = keys.subSet(from, true, to, true);
        }
        return register(new FerrumIterator(reverse ? view.descendingIterator() : view.iterator(), null));
    }

    private FerrumIterator register(FerrumIterator it) {
        openIterators.add(it);
        return it;
    }

    @Override
    public long approximateNumEntries() {
        return store().size();
    }

    // ---------------------------------------------------------------- lifecycle

    /**
     * Forces the store to disk. Kafka Streams 4.4 calls {@link #commit} instead; kept for older callers.
     *
     * @deprecated as {@link StateStore#flush()}: use {@link #commit}
     */
    @Deprecated
    @Override
    public void flush() {
        store().sync();
    }

    /** Forces everything written so far to disk ({@link KvStore#sync()}) before Kafka Streams checkpoints. */
    @Override
    public void commit(Map<TopicPartition, Long> changelogOffsets) {
        store().sync();
    }

    /** Closes every iterator still open, then the Ferrum store (which forces it). Idempotent. */
    @Override
    public void close() {
        if (!open) {
            return;
        }
        open = false;
        List<FerrumIterator> its = new ArrayList<>(openIterators);
        for (FerrumIterator it : its) {
            it.close();
        }
        KvStore s = kv;
        kv = null;
        if (s != null) {
            s.close();
        }
    }

    /** Number of iterators handed out and not yet closed (test hook). */
    int openIteratorCount() {
        return openIterators.size();
    }

    /** Walks a key-set view, reading each value as it is reached and skipping keys deleted meanwhile. */
    private final class FerrumIterator implements KeyValueIterator<Bytes, byte[]> {
        private final Iterator<Bytes> source;
        private final byte[] prefix;
        private KeyValue<Bytes, byte[]> next;
        private boolean closed;

        FerrumIterator(Iterator<Bytes> source, byte[] prefix) {
            this.source = source;
            this.prefix = prefix;
        }

        private void checkOpen() {
            if (closed) {
                throw new InvalidStateStoreException("iterator over store " + name + " is closed");
            }
        }

        @Override
        public boolean hasNext() {
            checkOpen();
            while (next == null && source.hasNext()) {
                Bytes k = source.next();
                if (prefix != null && !startsWith(k.get(), prefix)) {
                    return false;
                }
                byte[] v = store().get(k.get());
                if (v != null) {
                    next = KeyValue.pair(k, v);
                }
            }
            return next != null;
        }

        @Override
        public KeyValue<Bytes, byte[]> next() {
            if (!hasNext()) {
                throw new NoSuchElementException();
            }
            KeyValue<Bytes, byte[]> r = next;
            next = null;
            return r;
        }

        @Override
        public Bytes peekNextKey() {
            if (!hasNext()) {
                throw new NoSuchElementException();
            }
            return next.key;
        }

        @Override
        public void close() {
            closed = true;
            openIterators.remove(this);
        }
    }

    private static boolean startsWith(byte[] key, byte[] prefix) {
        if (key.length < prefix.length) {
            return false;
        }
        for (int i = 0; i < prefix.length; i++) {
            if (key[i] != prefix[i]) {
                return false;
            }
        }
        return true;
    }
}
