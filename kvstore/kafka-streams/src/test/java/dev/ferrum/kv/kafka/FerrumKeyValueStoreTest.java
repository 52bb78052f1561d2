/*
 * Copyright 2026 the Ferrum authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.ferrum.kv.kafka;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.NoSuchElementException;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.common.utils.Bytes;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.errors.InvalidStateStoreException;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The {@code KeyValueStore} contract as Kafka Streams documents it, on a store opened directly. */
class FerrumKeyValueStoreTest {
    @TempDir
    Path dir;

    FerrumKeyValueStore store;

    static Bytes b(String s) {
        return Bytes.wrap(s.getBytes(StandardCharsets.UTF_8));
    }

    static byte[] v(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    static List<String> keysOf(KeyValueIterator<Bytes, byte[]> it) {
        List<String> out = new ArrayList<>();
        try (it) {
            while (it.hasNext()) {
                KeyValue<Bytes, byte[]> kv = it.next();
                out.add(new String(kv.key.get(), StandardCharsets.UTF_8));
            }
        }
        return out;
    }

    @BeforeEach
    void open() {
        store = (FerrumKeyValueStore) FerrumStores.persistentKeyValueStore("s").get();
        store.openAt(dir);
        for (String k : List.of("b", "a", "c", "aa", "ab", "b0", "d")) {
            store.put(b(k), v("v" + k));
        }
    }

    @AfterEach
    void close() {
        store.close();
    }

    @Test
    void supplierAndStoreIdentity() {
        var supplier = FerrumStores.persistentKeyValueStore("counts");
        assertThat(supplier.name()).isEqualTo("counts");
        assertThat(supplier.metricsScope()).isEqualTo("ferrum");
        assertThat(store.persistent()).isTrue();
        assertThat(store.isOpen()).isTrue();
        assertThat(store.name()).isEqualTo("s");
        assertThatThrownBy(() -> FerrumStores.persistentKeyValueStore(null)).isInstanceOf(NullPointerException.class);
    }

    @Test
    void pointOperations() {
        assertThat(store.get(b("a"))).isEqualTo(v("va"));
        assertThat(store.get(b("zz"))).isNull();
        assertThat(store.putIfAbsent(b("a"), v("other"))).isEqualTo(v("va"));
        assertThat(store.get(b("a"))).isEqualTo(v("va"));
        assertThat(store.putIfAbsent(b("e"), v("ve"))).isNull();
        assertThat(store.get(b("e"))).isEqualTo(v("ve"));
        assertThat(store.delete(b("e"))).isEqualTo(v("ve"));
        assertThat(store.delete(b("e"))).isNull();
        assertThat(store.approximateNumEntries()).isEqualTo(7);
    }

    @Test
    void nullValueDeletesAndNullKeyThrows() {
        store.put(b("a"), null);
        assertThat(store.get(b("a"))).isNull();
        assertThat(keysOf(store.all())).doesNotContain("a");
        store.putAll(List.of(KeyValue.pair(b("x"), v("vx")), KeyValue.pair(b("b"), null)));
        assertThat(store.get(b("x"))).isEqualTo(v("vx"));
        assertThat(store.get(b("b"))).isNull();
        assertThat(keysOf(store.all())).containsExactly("aa", "ab", "b0", "c", "d", "x");

        assertThatThrownBy(() -> store.put(null, v("x"))).isInstanceOf(NullPointerException.class);
        assertThatThrownBy(() -> store.get(null)).isInstanceOf(NullPointerException.class);
        assertThatThrownBy(() -> store.delete(null)).isInstanceOf(NullPointerException.class);
        assertThatThrownBy(() -> store.putIfAbsent(null, v("x"))).isInstanceOf(NullPointerException.class);
        List<KeyValue<Bytes, byte[]>> withNull = new ArrayList<>();
        withNull.add(KeyValue.pair(null, v("x")));
        assertThatThrownBy(() -> store.putAll(withNull)).isInstanceOf(NullPointerException.class);
        assertThatThrownBy(() -> store.put(Bytes.wrap(new byte[65536]), v("x")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("key of 65536 bytes exceeds the 65535 bytes store s takes")
                .hasMessageContaining("one-byte key-space tag");
        store.put(Bytes.wrap(new byte[65535]), v("longest"));
        assertThat(store.get(Bytes.wrap(new byte[65535]))).isEqualTo(v("longest"));
    }

    @Test
    void rangesAreInclusiveOnBothEndsAndNullIsUnbounded() {
        assertThat(keysOf(store.range(b("aa"), b("b0")))).containsExactly("aa", "ab", "b", "b0");
        assertThat(keysOf(store.range(b("a0"), b("b")))).containsExactly("aa", "ab", "b");
        assertThat(keysOf(store.range(null, b("ab")))).containsExactly("a", "aa", "ab");
        assertThat(keysOf(store.range(b("c"), null))).containsExactly("c", "d");
        assertThat(keysOf(store.range(null, null))).containsExactly("a", "aa", "ab", "b", "b0", "c", "d");
        assertThat(keysOf(store.range(b("c"), b("a")))).isEmpty();
        assertThat(keysOf(store.all())).containsExactly("a", "aa", "ab", "b", "b0", "c", "d");
    }

    @Test
    void reverseIteration() {
        assertThat(keysOf(store.reverseRange(b("aa"), b("b0")))).containsExactly("b0", "b", "ab", "aa");
        assertThat(keysOf(store.reverseRange(null, b("aa")))).containsExactly("aa", "a");
        assertThat(keysOf(store.reverseRange(b("c"), null))).containsExactly("d", "c");
        assertThat(keysOf(store.reverseAll())).containsExactly("d", "c", "b0", "b", "ab", "aa", "a");
    }

    @Test
    void unsignedByteOrder() {
        store.put(Bytes.wrap(new byte[] {(byte) 0xff}), v("high"));
        store.put(Bytes.wrap(new byte[] {0x01}), v("low"));
        try (var it = store.all()) {
            assertThat(it.next().key.get()).containsExactly(0x01);
        }
        try (var it = store.reverseAll()) {
            assertThat(it.next().key.get()).containsExactly(0xff);
        }
    }

    @Test
    void prefixScan() {
        assertThat(keysOf(store.prefixScan("a", new StringSerializer()))).containsExactly("a", "aa", "ab");
        assertThat(keysOf(store.prefixScan("b", new StringSerializer()))).containsExactly("b", "b0");
        assertThat(keysOf(store.prefixScan("z", new StringSerializer()))).isEmpty();
        assertThat(keysOf(store.prefixScan("", new StringSerializer()))).hasSize(7);
    }

    @Test
    void iteratorsPeekAndClose() {
        KeyValueIterator<Bytes, byte[]> it = store.range(b("a"), b("aa"));
        assertThat(store.openIteratorCount()).isEqualTo(1);
        assertThat(it.peekNextKey()).isEqualTo(b("a"));
        assertThat(it.next().value).isEqualTo(v("va"));
        assertThat(it.next().key).isEqualTo(b("aa"));
        assertThat(it.hasNext()).isFalse();
        assertThatThrownBy(it::next).isInstanceOf(NoSuchElementException.class);
        assertThatThrownBy(it::peekNextKey).isInstanceOf(NoSuchElementException.class);
        it.close();
        assertThat(store.openIteratorCount()).isZero();
        assertThatThrownBy(it::hasNext).isInstanceOf(InvalidStateStoreException.class);

        KeyValueIterator<Bytes, byte[]> left = store.all();
        store.close();
        assertThat(store.isOpen()).isFalse();
        assertThat(store.openIteratorCount()).isZero();
        assertThatThrownBy(left::hasNext).isInstanceOf(InvalidStateStoreException.class);
        assertThatThrownBy(() -> store.get(b("a"))).isInstanceOf(InvalidStateStoreException.class);
        store.openAt(dir); // for @AfterEach
    }

    @Test
    void anOpenThatFailsHalfWayReleasesTheFerrumStoreAndLeavesThisOneClosed() {
        store.close();
        store.afterOpen = kv -> {
            throw new IllegalStateException("injected failure after the Ferrum store opened");
        };
        assertThatThrownBy(() -> store.openAt(dir)).hasMessageContaining("injected failure");
        assertThat(store.isOpen()).isFalse();
        assertThatThrownBy(() -> store.get(b("a"))).isInstanceOf(InvalidStateStoreException.class);
        // the failed open released the store's lock: a retry (as Kafka Streams makes) opens it with its data
        store.afterOpen = kv -> {};
        store.openAt(dir);
        assertThat(keysOf(store.all())).containsExactly("a", "aa", "ab", "b", "b0", "c", "d");
    }

    @Test
    void iteratorSkipsKeysDeletedWhileOpen() {
        try (var it = store.all()) {
            assertThat(it.next().key).isEqualTo(b("a"));
            store.delete(b("aa"));
            assertThat(it.next().key).isEqualTo(b("ab"));
        }
    }

    @Test
    void reopenRebuildsTheOrderedKeysFromTheStore() {
        store.delete(b("c"));
        store.commit(java.util.Map.of());
        store.close();
        store.openAt(dir);
        assertThat(keysOf(store.all())).containsExactly("a", "aa", "ab", "b", "b0", "d");
        assertThat(store.get(b("d"))).isEqualTo(v("vd"));
    }

    @Test
    void restoreCallbackAppliesABatchWithDeletes() {
        store.restoreAll(
                List.of(KeyValue.pair(v("z"), v("vz")), KeyValue.pair(v("a"), null), KeyValue.pair(v("b"), v("nb"))));
        assertThat(keysOf(store.all())).containsExactly("aa", "ab", "b", "b0", "c", "d", "z");
        assertThat(store.get(b("b"))).isEqualTo(v("nb"));
    }
}
