/*
 * Copyright 2026 the Ferrum authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.ferrum.bench.kv;

import dev.ferrum.kv.Durability;
import dev.ferrum.kv.KvOptions;
import dev.ferrum.kv.KvStore;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;
import org.h2.mvstore.MVMap;
import org.h2.mvstore.MVStore;
import org.lmdbjava.ByteArrayProxy;
import org.lmdbjava.Dbi;
import org.lmdbjava.DbiFlags;
import org.lmdbjava.Env;
import org.lmdbjava.EnvFlags;
import org.lmdbjava.Txn;
import org.rocksdb.FlushOptions;
import org.rocksdb.Options;
import org.rocksdb.RocksDB;
import org.rocksdb.RocksDBException;
import org.rocksdb.WriteOptions;

/**
 * The same byte[] get/put over each store, configured the way its documentation shows for ordinary
 * use: point reads copy the value into a new {@code byte[]} everywhere, writes are individual
 * (auto-committed) puts.
 */
abstract class KvAdapter implements AutoCloseable {

    final Path dir;

    KvAdapter(Path dir) {
        this.dir = dir;
    }

    abstract byte[] get(byte[] key);

    abstract void put(byte[] key, byte[] value);

    /** Settle after the preload (flush memtables etc.), outside the measurement. */
    void settle() {}

    abstract void closeStore() throws Exception;

    @Override
    public final void close() throws Exception {
        closeStore();
        try (Stream<Path> walk = Files.walk(dir)) {
            walk.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        }
    }

    static KvAdapter open(String name, long keys) throws IOException {
        Path dir = Files.createTempDirectory("kv-bench-" + name);
        return switch (name) {
            case "ferrum" -> new Ferrum(dir, keys, Durability.NO_SYNC);
            case "ferrum-sync" -> new Ferrum(dir, keys, Durability.SYNC_EVERY_WRITE);
            case "ferrum-group" -> new Ferrum(dir, keys, Durability.SYNC_EVERY_N_MS);
            case "rocksdb" -> new Rocks(dir, false);
            case "rocksdb-sync" -> new Rocks(dir, true);
            case "lmdb" -> new Lmdb(dir, true);
            case "lmdb-sync" -> new Lmdb(dir, false);
            case "mvstore" -> new MvStore(dir);
            default -> throw new IllegalArgumentException("unknown store " + name);
        };
    }

    /** Ferrum kvstore: the given durability, CRC checked on every read (the default). */
    static final class Ferrum extends KvAdapter {
        final KvStore kv;

        Ferrum(Path dir, long keys, Durability d) {
            super(dir);
            kv = KvStore.open(KvOptions.builder(dir)
                    .durability(d)
                    .expectedKeys(keys)
                    .segmentBytes(256L << 20)
                    .build());
        }

        @Override
        byte[] get(byte[] key) {
            return kv.get(key);
        }

        @Override
        void put(byte[] key, byte[] value) {
            kv.put(key, value);
        }

        @Override
        void closeStore() {
            kv.close();
        }
    }

    /** RocksDB defaults (WAL on, no fsync per write unless -sync: WriteOptions.setSync(true)). */
    static final class Rocks extends KvAdapter {
        static {
            RocksDB.loadLibrary();
        }

        final Options options = new Options().setCreateIfMissing(true);
        final WriteOptions writeOptions;
        final RocksDB db;

        Rocks(Path dir, boolean sync) {
            super(dir);
            writeOptions = new WriteOptions().setSync(sync);
            try {
                db = RocksDB.open(options, dir.toString());
            } catch (RocksDBException e) {
                throw new IllegalStateException(e);
            }
        }

        @Override
        byte[] get(byte[] key) {
            try {
                return db.get(key);
            } catch (RocksDBException e) {
                throw new IllegalStateException(e);
            }
        }

        @Override
        void put(byte[] key, byte[] value) {
            try {
                db.put(writeOptions, key, value);
            } catch (RocksDBException e) {
                throw new IllegalStateException(e);
            }
        }

        @Override
        void settle() {
            try (FlushOptions f = new FlushOptions().setWaitForFlush(true)) {
                db.flush(f); // reads then come from SST files + block cache, as in a settled store
            } catch (RocksDBException e) {
                throw new IllegalStateException(e);
            }
        }

        @Override
        void closeStore() {
            db.close();
            writeOptions.close();
            options.close();
        }
    }

    /**
     * LMDB through lmdbjava's byte[] proxy. Reads reuse one read-only transaction with reset()/renew()
     * (lmdbjava's documented fast path); each put is its own write transaction. {@code lmdb} opens
     * with MDB_NOSYNC (no fsync at commit, like NO_SYNC), {@code lmdb-sync} with LMDB's default (fsync per commit).
     */
    static final class Lmdb extends KvAdapter {
        final Env<byte[]> env;
        final Dbi<byte[]> db;
        final Txn<byte[]> readTxn;

        Lmdb(Path dir, boolean noSync) {
            super(dir);
            env = noSync
                    ? Env.create(ByteArrayProxy.PROXY_BA)
                            .setMapSize(4L << 30)
                            .setMaxDbs(1)
                            .open(dir.toFile(), EnvFlags.MDB_NOSYNC)
                    : Env.create(ByteArrayProxy.PROXY_BA)
                            .setMapSize(4L << 30)
                            .setMaxDbs(1)
                            .open(dir.toFile());
            db = env.openDbi("kv", DbiFlags.MDB_CREATE);
            readTxn = env.txnRead();
            readTxn.reset();
        }

        @Override
        byte[] get(byte[] key) {
            readTxn.renew();
            try {
                return db.get(readTxn, key);
            } finally {
                readTxn.reset();
            }
        }

        @Override
        void put(byte[] key, byte[] value) {
            db.put(key, value);
        }

        @Override
        void closeStore() {
            readTxn.close();
            db.close();
            env.close();
        }
    }

    /** H2 MVStore defaults (background auto-commit every second). */
    static final class MvStore extends KvAdapter {
        final MVStore store;
        final MVMap<byte[], byte[]> map;

        MvStore(Path dir) {
            super(dir);
            store = new MVStore.Builder()
                    .fileName(dir.resolve("kv.mv").toString())
                    .open();
            map = store.openMap("kv");
        }

        @Override
        byte[] get(byte[] key) {
            return map.get(key);
        }

        @Override
        void put(byte[] key, byte[] value) {
            map.put(key, value);
        }

        @Override
        void settle() {
            store.commit();
        }

        @Override
        void closeStore() {
            store.close();
        }
    }
}
