/*
 * Copyright 2026 the Ferrum authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.ferrum.kv;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.From;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.Size;

/**
 * Model-based test: random sequences of put/get/delete/reopen/compact against a {@link HashMap},
 * with tiny segments so rolls, hint files and multi-segment compaction are exercised.
 */
class KvStoreModelTest {

    enum Kind {
        PUT,
        GET,
        DELETE,
        REOPEN,
        COMPACT,
        BATCH
    }

    record Op(Kind kind, int key, int valueLength, int seed) {}

    @Provide
    Arbitrary<Op> ops() {
        Arbitrary<Kind> kinds = Arbitraries.frequencyOf(
                net.jqwik.api.Tuple.of(40, Arbitraries.just(Kind.PUT)),
                net.jqwik.api.Tuple.of(25, Arbitraries.just(Kind.GET)),
                net.jqwik.api.Tuple.of(15, Arbitraries.just(Kind.DELETE)),
                net.jqwik.api.Tuple.of(4, Arbitraries.just(Kind.REOPEN)),
                net.jqwik.api.Tuple.of(4, Arbitraries.just(Kind.COMPACT)),
                net.jqwik.api.Tuple.of(6, Arbitraries.just(Kind.BATCH)));
        return Combinators.combine(
                        kinds,
                        Arbitraries.integers().between(0, 40),
                        Arbitraries.integers().between(0, 700),
                        Arbitraries.integers())
                .as(Op::new);
    }

    static byte[] key(int k) {
        return ("key-" + k + (k % 3 == 0 ? "-with-a-longer-suffix" : "")).getBytes(StandardCharsets.UTF_8);
    }

    static byte[] value(int len, int seed) {
        byte[] v = new byte[len];
        for (int i = 0; i < len; i++) {
            v[i] = (byte) (seed * 31 + i);
        }
        return v;
    }

    static KvStore open(Path dir, Durability d) {
        return KvStore.open(KvOptions.builder(dir)
                .durability(d)
                .segmentBytes(4096)
                .maxKeyBytes(64)
                .maxValueBytes(1024)
                .expectedKeys(4)
                .build());
    }

    @Property(tries = 60)
    void behavesLikeAHashMap(@ForAll @Size(min = 1, max = 250) List<@From("ops") Op> ops, @ForAll Durability durability)
            throws IOException {
        Path dir = Files.createTempDirectory("kv-model");
        Map<Integer, byte[]> model = new HashMap<>();
        KvStore kv = open(dir, durability);
        try {
            for (Op op : ops) {
                switch (op.kind()) {
                    case PUT -> {
                        byte[] v = value(op.valueLength(), op.seed());
                        kv.put(key(op.key()), v);
                        model.put(op.key(), v);
                    }
                    case GET -> assertThat(kv.get(key(op.key()))).isEqualTo(model.get(op.key()));
                    case DELETE -> assertThat(kv.delete(key(op.key()))).isEqualTo(model.remove(op.key()) != null);
                    case REOPEN -> {
                        kv.close();
                        kv = open(dir, durability);
                        assertThat(kv.recoveryReport().corruptions()).isEmpty();
                        assertThat(kv.recoveryReport().tornTailBytes()).isZero();
                    }
                    case COMPACT -> {
                        kv.compact();
                        assertThat(kv.stats().keys()).isEqualTo(model.size());
                    }
                    case BATCH -> {
                        WriteBatch b = new WriteBatch();
                        for (int i = 0; i < 5; i++) {
                            int k = (op.key() + i * 7) % 41;
                            if ((op.seed() >> i & 1) == 0) {
                                byte[] v = value((op.valueLength() + i * 13) % 300, op.seed() + i);
                                b.put(key(k), v);
                                model.put(k, v);
                            } else {
                                b.delete(key(k));
                                model.remove(k);
                            }
                        }
                        kv.write(b);
                    }
                }
                assertThat(kv.size()).isEqualTo(model.size());
            }
            kv.close();
            kv = open(dir, durability);
            Map<String, byte[]> seen = new HashMap<>();
            kv.forEach((k, v) -> seen.put(new String(k, StandardCharsets.UTF_8), v));
            assertThat(seen).hasSize(model.size());
            for (var e : model.entrySet()) {
                assertThat(seen.get(new String(key(e.getKey()), StandardCharsets.UTF_8)))
                        .as("key %d", e.getKey())
                        .isEqualTo(e.getValue());
                assertThat(Arrays.equals(kv.get(key(e.getKey())), e.getValue())).isTrue();
            }
            KvStats st = kv.stats();
            assertThat(st.keys()).isEqualTo(model.size());
            assertThat(st.liveBytes()).isNotNegative();
            assertThat(st.deadBytes()).isNotNegative();
        } finally {
            kv.close();
            try (Stream<Path> walk = Files.walk(dir)) {
                walk.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            }
        }
    }
}
