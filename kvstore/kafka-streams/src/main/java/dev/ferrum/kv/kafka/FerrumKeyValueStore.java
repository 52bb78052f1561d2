/*
 * Copyright 2026 the Ferrum authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.ferrum.kv.kafka;

import dev.ferrum.kv.CorruptStoreException;
import dev.ferrum.kv.Durability;
import dev.ferrum.kv.KvOptions;
import dev.ferrum.kv.KvStore;
import dev.ferrum.kv.KvStoreException;
import dev.ferrum.kv.WriteBatch;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.AbstractMap;
import java.util.AbstractSet;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.Collections;
import java.util.Comparator;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.NavigableSet;
import java.util.NoSuchElementException;
import java.util.Objects;
import java.util.Set;
import java.util.SortedMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentSkipListMap;
import java.util.stream.Stream;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.Serializer;
import org.apache.kafka.common.utils.Bytes;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.errors.InvalidStateStoreException;
import org.apache.kafka.streams.errors.ProcessorStateException;
import org.apache.kafka.streams.errors.TaskCorruptedException;
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
 * <p>Key spaces: every key this store writes to the Ferrum store starts with a one-byte tag, {@code 0x00} for
 * user keys and {@code 0x01} for this store's own metadata (committed changelog offsets, the open/closed
 * status), so no user key can collide with metadata and the empty user key is one byte long in the Ferrum
 * store. The tag costs one byte of the Ferrum store's {@code maxKeyBytes}.
 *
 * <p>Point operations go straight to the store's hash index. That index has no order, so range, reverse and
 * prefix scans walk a sorted set of the live user keys ({@link ConcurrentSkipListMap} key set ordered as {@link Bytes}
 * compares: unsigned lexicographic, as RocksDB's default comparator). The set is rebuilt from the store's keys
 * in {@link #init} and kept up to date by every write; values are read from the store as an iterator reaches
 * their key, so a scan sees a weakly consistent view (as the RocksDB store's iterators see a snapshot).
 *
 * <p>Offsets and durability, as Kafka Streams 4.4's RocksDB store: the store manages its own changelog offsets
 * ({@link #managesOffsets()} is true). It is opened with {@link Durability#NO_SYNC}: the changelog topic is the
 * source of truth between commits. {@link #commit} appends the offsets to the log after the records they
 * cover and forces nothing, so whatever prefix of the log survives a crash carries offsets no newer than its
 * data; Kafka Streams restores from {@link #committedOffset} after a reopen. A store whose files fail
 * recovery ({@link CorruptStoreException}) is wiped at {@link #init} and restored from the changelog; under
 * {@code exactly_once_v2} a store that was not closed cleanly raises {@link TaskCorruptedException} (its log
 * may hold writes of an aborted transaction), as RocksDB's store does.
 *
 * <p>Null keys throw {@link NullPointerException}; a null value deletes.
 */
public final class FerrumKeyValueStore implements KeyValueStore<Bytes, byte[]> {
    private static final System.Logger LOG = System.getLogger(FerrumKeyValueStore.class.getName());

    /** Tag of user keys in the Ferrum store. */
    static final byte USER = 0x00;
    /** Tag of this store's metadata keys (offsets, status). */
    static final byte META = 0x01;

    private static final byte[] STATUS_KEY = meta("status");
    private static final byte[] OFFSET_PREFIX = meta("offset/");
    private static final byte[] OPEN = {1};
    private static final byte[] CLOSED = {0};

    private final String name;
    /** Tagged keys of the committed offsets present in the store (to wipe them, and to count metadata). */
    private final Set<Bytes> offsetKeys = ConcurrentHashMap.newKeySet();

    private final Map<TopicPartition, byte[]> offsetKeyCache = new ConcurrentHashMap<>();
    private int maxUserKeyBytes;
    /**
     * The live user keys, untagged, in {@link Bytes} order (the values are unused). Replaced at each open by a
     * linear-time build from the sorted keys; written only while the store is open.
     */
    private volatile ConcurrentSkipListMap<Bytes, Boolean> sorted = new ConcurrentSkipListMap<>();

    /** Test seam: runs inside {@link #openAt} after the Ferrum store is open, to make that open fail there. */
    java.util.function.Consumer<KvStore> afterOpen = store -> {};

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
        boolean eos = "exactly_once_v2".equals(context.appConfigs().get("processing.guarantee"));
        boolean clean = openAt(dir);
        if (!clean && eos) {
            close();
            // The log may hold writes of a transaction that was aborted: RocksDB's store raises the same.
            throw new TaskCorruptedException(
                    Set.of(context.taskId()),
                    new ProcessorStateException("State store " + name
                            + " was not closed cleanly: under exactly_once_v2 it may hold uncommitted data"));
        }
        this.context = context;
        context.register(root, (BatchingStateRestoreCallback) this::restoreAll);
    }

    /**
     * Opens the Ferrum store in {@code dir} (wiping it first if its files fail recovery), rebuilds the sorted key
     * set and the offset keys, and marks the store open (also used by tests).
     *
     * @return whether the store had been closed cleanly (or is new)
     */
    boolean openAt(Path dir) {
        if (open) {
            throw new IllegalStateException("store " + name + " is already open");
        }
        try {
            Files.createDirectories(dir);
            KvStore store;
            try {
                store = openKv(dir);
            } catch (CorruptStoreException e) {
                LOG.log(
                        System.Logger.Level.WARNING,
                        "Ferrum store " + name + " at " + dir + " failed recovery (" + e.getMessage()
                                + "): wiping it; Kafka Streams restores it from the changelog");
                deleteTree(dir);
                Files.createDirectories(dir);
                store = openKv(dir);
            }
            // Everything after the open is all-or-nothing: on any failure the Ferrum store is closed again (its
            // lock released, so Kafka Streams can retry) and this object keeps its previous, closed state.
            try {
                List<Bytes> user = new ArrayList<>();
                List<Bytes> offsets = new ArrayList<>();
                store.forEachKey(k -> {
                    if (k[0] == USER) {
                        user.add(Bytes.wrap(Arrays.copyOfRange(k, 1, k.length)));
                    } else if (startsWith(k, OFFSET_PREFIX)) {
                        offsets.add(Bytes.wrap(k));
                    }
                });
                afterOpen.accept(store);
                Bytes[] ordered = user.toArray(new Bytes[0]);
                Arrays.parallelSort(ordered);
                var keys = new ConcurrentSkipListMap<Bytes, Boolean>(new SortedKeys(ordered)); // linear
                byte[] status = store.get(STATUS_KEY);
                store.put(STATUS_KEY, OPEN);
                maxUserKeyBytes = store.options().maxKeyBytes() - 1;
                offsetKeys.clear();
                offsetKeys.addAll(offsets);
                sorted = keys;
                kv = store;
                open = true;
                return status == null || Arrays.equals(status, CLOSED);
            } catch (RuntimeException e) {
                try {
                    store.close();
                } catch (RuntimeException closing) {
                    e.addSuppressed(closing);
                }
                throw e;
            }
        } catch (IOException | UncheckedIOException | KvStoreException e) {
            throw new ProcessorStateException("Error opening store " + name + " at location " + dir, e);
        }
    }

    private static KvStore openKv(Path dir) {
        return KvStore.open(
                KvOptions.builder(dir).durability(Durability.NO_SYNC).build());
    }

    private static void deleteTree(Path dir) throws IOException {
        try (Stream<Path> files = Files.walk(dir)) {
            for (Path f : (Iterable<Path>) files.sorted(Comparator.reverseOrder())::iterator) {
                Files.delete(f);
            }
        }
    }

    private static byte[] meta(String name) {
        byte[] n = name.getBytes(StandardCharsets.UTF_8);
        byte[] k = new byte[n.length + 1];
        k[0] = META;
        System.arraycopy(n, 0, k, 1, n.length);
        return k;
    }

    /** The tagged key of {@code tp}'s committed offset (cached: Kafka Streams commits the same partitions). */
    private byte[] offsetKey(TopicPartition tp) {
        return offsetKeyCache.computeIfAbsent(tp, FerrumKeyValueStore::newOffsetKey);
    }

    private static byte[] newOffsetKey(TopicPartition tp) {
        byte[] n = tp.toString().getBytes(StandardCharsets.UTF_8);
        byte[] k = Arrays.copyOf(OFFSET_PREFIX, OFFSET_PREFIX.length + n.length);
        System.arraycopy(n, 0, k, OFFSET_PREFIX.length, n.length);
        return k;
    }

    /** The user key {@code key} in the Ferrum store: {@link #USER} then its bytes. */
    private byte[] tag(byte[] key) {
        if (key.length > maxUserKeyBytes) {
            throw new IllegalArgumentException("key of " + key.length + " bytes exceeds the " + maxUserKeyBytes
                    + " bytes store " + name + " takes (the Ferrum store's maxKeyBytes, " + (maxUserKeyBytes + 1)
                    + ", minus the one-byte key-space tag)");
        }
        byte[] k = new byte[key.length + 1];
        k[0] = USER;
        System.arraycopy(key, 0, k, 1, key.length);
        return k;
    }

    /** Applies a restored changelog batch as one Ferrum write batch (a null value deletes). */
    void restoreAll(Collection<KeyValue<byte[], byte[]>> records) {
        KvStore store = store();
        WriteBatch batch = new WriteBatch();
        for (KeyValue<byte[], byte[]> r : records) {
            if (r.value == null) {
                batch.delete(tag(r.key));
            } else {
                batch.put(tag(r.key), r.value);
            }
        }
        store.write(batch);
        for (KeyValue<byte[], byte[]> r : records) {
            if (r.value == null) {
                sorted.remove(Bytes.wrap(r.key));
            } else {
                sorted.putIfAbsent(Bytes.wrap(r.key), Boolean.TRUE);
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
        byte[] k = tag(key.get());
        // The sorted set holds exactly the live user keys (Kafka Streams writes a task's store from one thread),
        // so only a key the hash index does not have yet needs the skip-list insert: an overwrite, the common
        // case, costs one hash lookup instead of a skip-list search.
        if (value == null) {
            if (s.delete(k)) {
                sorted.remove(key);
            }
        } else {
            boolean known = s.contains(k);
            s.put(k, value);
            if (!known) {
                sorted.putIfAbsent(key, Boolean.TRUE);
            }
        }
        updatePosition();
    }

    @Override
    public byte[] putIfAbsent(Bytes key, byte[] value) {
        Objects.requireNonNull(key, "key cannot be null");
        byte[] old = store().get(tag(key.get()));
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
                batch.delete(tag(e.key.get()));
            } else {
                batch.put(tag(e.key.get()), e.value);
            }
        }
        s.write(batch);
        for (KeyValue<Bytes, byte[]> e : entries) {
            if (e.value == null) {
                sorted.remove(e.key);
            } else {
                sorted.putIfAbsent(e.key, Boolean.TRUE);
            }
        }
        updatePosition();
    }

    @Override
    public byte[] delete(Bytes key) {
        Objects.requireNonNull(key, "key cannot be null");
        KvStore s = store();
        byte[] k = tag(key.get());
        byte[] old = s.get(k);
        if (old != null) {
            s.delete(k);
            sorted.remove(key);
        }
        updatePosition();
        return old;
    }

    // ---------------------------------------------------------------- reads

    @Override
    public byte[] get(Bytes key) {
        Objects.requireNonNull(key, "key cannot be null");
        return store().get(tag(key.get()));
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
        return register(new FerrumIterator(
                sorted.navigableKeySet().tailSet(Bytes.wrap(p), true).iterator(), p));
    }

    private KeyValueIterator<Bytes, byte[]> scan(Bytes from, Bytes to, boolean reverse) {
        store();
        NavigableSet<Bytes> keys = sorted.navigableKeySet();
        NavigableSet<Bytes> view;
        if (from != null && to != null && from.compareTo(to) > 0) {
            view = Collections.emptyNavigableSet();
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

    /** The number of user keys: the Ferrum store's key count less this store's metadata keys. */
    @Override
    public long approximateNumEntries() {
        long n = store().size() - offsetKeys.size() - 1; // - 1: the status key, written at open
        return Math.max(0, n);
    }

    // ---------------------------------------------------------------- lifecycle

    /**
     * Forces the store to disk. Kafka Streams 4.4 calls {@link #commit} instead (which does not force); kept for
     * callers that ask for a flush explicitly.
     *
     * @deprecated as {@link StateStore#flush()}: use {@link #commit}
     */
    @Deprecated
    @Override
    public void flush() {
        store().sync();
    }

    /** True: the changelog offsets live in the store, beside the data (Kafka Streams 4.4's contract). */
    @Override
    @SuppressWarnings("deprecation") // deprecated because every new store must return true, as this one does
    public boolean managesOffsets() {
        return true;
    }

    /**
     * Appends the changelog offsets to the log after every record written so far, in one write batch, without
     * forcing: a log prefix that survives a crash never carries an offset newer than its data. As RocksDB's store:
     * an empty map removes every committed offset, a null offset removes that partition's, partitions not in
     * the map keep theirs, and a closed store ignores the call.
     */
    @Override
    public void commit(Map<TopicPartition, Long> changelogOffsets) {
        KvStore s = kv;
        if (!open || s == null) {
            return; // as RocksDB's store: a commit after close has nothing to write
        }
        WriteBatch batch = new WriteBatch();
        List<Bytes> removed = new ArrayList<>();
        List<Bytes> added = new ArrayList<>();
        if (changelogOffsets.isEmpty()) {
            for (Bytes k : offsetKeys) {
                batch.delete(k.get());
                removed.add(k);
            }
        } else {
            for (Map.Entry<TopicPartition, Long> e : changelogOffsets.entrySet()) {
                byte[] k = offsetKey(e.getKey());
                if (e.getValue() == null) {
                    batch.delete(k);
                    removed.add(Bytes.wrap(k));
                } else {
                    batch.put(k, encode(e.getValue()));
                    added.add(Bytes.wrap(k));
                }
            }
        }
        if (batch.size() > 0) {
            s.write(batch);
        }
        offsetKeys.removeAll(removed);
        offsetKeys.addAll(added);
    }

    /** The offset last {@link #commit committed} for {@code partition}, surviving a reopen; null if none. */
    @Override
    public Long committedOffset(TopicPartition partition) {
        byte[] v = store().get(offsetKey(partition));
        return v == null ? null : decode(v);
    }

    private static byte[] encode(long v) {
        byte[] b = new byte[Long.BYTES];
        for (int i = 0; i < Long.BYTES; i++) {
            b[i] = (byte) (v >>> (56 - 8 * i));
        }
        return b;
    }

    private static long decode(byte[] b) {
        long v = 0;
        for (byte x : b) {
            v = (v << 8) | (x & 0xff);
        }
        return v;
    }

    /**
     * Closes every iterator still open, marks the store closed cleanly, then closes the Ferrum store (which forces
     * it). Idempotent.
     */
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
            try {
                s.put(STATUS_KEY, CLOSED);
            } finally {
                s.close();
            }
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
                byte[] v = store().get(tag(k.get()));
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

    /**
     * The sorted, distinct user keys as a read-once {@link SortedMap} in natural order, for {@link
     * ConcurrentSkipListMap#ConcurrentSkipListMap(SortedMap)}, which builds the skip list in one linear pass from
     * {@link #comparator()} and {@link #entrySet()} (no search per key, unlike inserting them one by one).
     */
    @SuppressWarnings("JdkObsolete") // the linear-build constructor takes a SortedMap, not a NavigableMap
    private static final class SortedKeys extends AbstractMap<Bytes, Boolean> implements SortedMap<Bytes, Boolean> {
        private final Bytes[] keys;

        SortedKeys(Bytes[] keys) {
            this.keys = keys;
        }

        @Override
        public Comparator<? super Bytes> comparator() {
            return null;
        }

        @Override
        public Set<Map.Entry<Bytes, Boolean>> entrySet() {
            return new AbstractSet<>() {
                @Override
                public Iterator<Map.Entry<Bytes, Boolean>> iterator() {
                    return Arrays.stream(keys)
                            .map(k -> Map.entry(k, Boolean.TRUE))
                            .iterator();
                }

                @Override
                public int size() {
                    return keys.length;
                }
            };
        }

        @Override
        public SortedMap<Bytes, Boolean> subMap(Bytes fromKey, Bytes toKey) {
            throw new UnsupportedOperationException();
        }

        @Override
        public SortedMap<Bytes, Boolean> headMap(Bytes toKey) {
            throw new UnsupportedOperationException();
        }

        @Override
        public SortedMap<Bytes, Boolean> tailMap(Bytes fromKey) {
            throw new UnsupportedOperationException();
        }

        @Override
        public Bytes firstKey() {
            if (keys.length == 0) {
                throw new NoSuchElementException();
            }
            return keys[0];
        }

        @Override
        public Bytes lastKey() {
            if (keys.length == 0) {
                throw new NoSuchElementException();
            }
            return keys[keys.length - 1];
        }
    }
}
