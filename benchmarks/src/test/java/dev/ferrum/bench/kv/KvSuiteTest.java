/*
 * Copyright 2026 the Ferrum authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.ferrum.bench.kv;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ferrum.bench.runner.SuiteCatalog;
import dev.ferrum.bench.support.Comparison;
import dev.ferrum.bench.support.Measurements;
import java.lang.reflect.Field;
import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.Param;

/** Every report row names a benchmark key that the suite's JMH classes actually produce. */
class KvSuiteTest {

    /** All keys the benchmark classes generate: method x cartesian product of @Param values. */
    static Set<String> producedKeys(List<Class<?>> classes) {
        Set<String> keys = new HashSet<>();
        for (Class<?> c : classes) {
            List<Map<String, String>> combos = new ArrayList<>();
            combos.add(new TreeMap<>());
            for (Field f : c.getFields()) {
                Param p = f.getAnnotation(Param.class);
                if (p == null) {
                    continue;
                }
                List<Map<String, String>> next = new ArrayList<>();
                for (Map<String, String> combo : combos) {
                    for (String v : p.value()) {
                        Map<String, String> m = new TreeMap<>(combo);
                        m.put(f.getName(), v);
                        next.add(m);
                    }
                }
                combos = next;
            }
            for (Method m : c.getMethods()) {
                if (m.isAnnotationPresent(Benchmark.class)) {
                    for (Map<String, String> combo : combos) {
                        keys.add(Measurements.key(c.getName() + "." + m.getName(), combo));
                    }
                }
            }
        }
        return keys;
    }

    @Test
    void everyComparisonRefersToABenchmarkThatRuns() {
        KvSuite suite = new KvSuite();
        Set<String> produced = producedKeys(suite.benchmarks());
        for (Comparison c : suite.comparisons()) {
            assertThat(produced).as(c.id() + " ours").contains(c.ours());
            if (c.peer() != null) {
                assertThat(produced).as(c.id() + " peer").contains(c.peer());
            }
        }
    }

    @Test
    void suiteIsRegisteredUnderItsName() {
        var entry = SuiteCatalog.entry("kv").orElseThrow();
        assertThat(SuiteCatalog.load(entry)).get().isInstanceOf(KvSuite.class);
        assertThat(new KvSuite().jvmArgs())
                .contains("--add-opens=java.base/java.nio=ALL-UNNAMED", "--add-opens=java.base/sun.nio.ch=ALL-UNNAMED");
    }

    @Test
    void rowIdsAreUnique() {
        List<String> ids =
                new KvSuite().comparisons().stream().map(Comparison::id).toList();
        assertThat(new HashSet<>(ids)).hasSameSizeAs(ids);
    }

    @Test
    void zipfianStreamIsSkewedAndInRange() {
        int[] s = KvData.zipfian(1000, 1);
        int[] counts = new int[1000];
        for (int i : s) {
            counts[i]++;
        }
        int max = 0;
        for (int c : counts) {
            max = Math.max(max, c);
        }
        assertThat(max).as("hottest key's share").isGreaterThan(s.length / 20);
        assertThat(KvData.key(42)).hasSize(16).asString().isEqualTo("key-000000000042");
    }
}
