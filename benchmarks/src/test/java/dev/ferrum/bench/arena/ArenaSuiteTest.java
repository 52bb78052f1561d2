/*
 * Copyright 2026 the Ferrum authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.ferrum.bench.arena;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ferrum.bench.support.Comparison;
import java.lang.reflect.Field;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.Param;

/** Every report row names a benchmark and parameter combination the suite actually runs. */
class ArenaSuiteTest {

    private final ArenaSuite suite = new ArenaSuite();

    @Test
    void everyRowReferencesAnExistingBenchmarkAndParameterCombination() {
        List<Comparison> rows = suite.comparisons();
        assertThat(rows).isNotEmpty();
        for (Comparison c : rows) {
            assertRunnable(c.ours());
            if (c.peer() != null) {
                assertRunnable(c.peer());
            }
        }
    }

    @Test
    void rowIdsAreUniqueAndPrefixedWithTheSuiteName() {
        Set<String> ids = new HashSet<>();
        for (Comparison c : suite.comparisons()) {
            assertThat(ids.add(c.id())).as("duplicate id %s", c.id()).isTrue();
            assertThat(c.id()).startsWith(suite.name() + ".");
        }
    }

    @Test
    void everySizeAndAlignmentTheIssueNamesHasARow() {
        List<String> ours = suite.comparisons().stream().map(Comparison::ours).toList();
        for (String size : List.of("8", "16", "64", "256")) {
            for (String align : List.of("8", "64")) {
                assertThat(ours).contains("AllocBench.bumpOffset[align=" + align + ",size=" + size + "]");
            }
        }
    }

    private void assertRunnable(String key) {
        String bare = key.contains(":") ? key.substring(0, key.indexOf(':')) : key;
        String name = bare.contains("[") ? bare.substring(0, bare.indexOf('[')) : bare;
        Map<String, String> params = new TreeMap<>();
        if (bare.contains("[")) {
            for (String kv :
                    bare.substring(bare.indexOf('[') + 1, bare.length() - 1).split(",")) {
                String[] p = kv.split("=");
                params.put(p[0], p[1]);
            }
        }
        String[] parts = name.split("\\.");
        Class<?> bench = suite.benchmarks().stream()
                .filter(c -> c.getSimpleName().equals(parts[0]))
                .findFirst()
                .orElseThrow(() -> new AssertionError(key + ": class " + parts[0] + " is not in the suite"));
        assertThat(Arrays.stream(bench.getMethods())
                        .anyMatch(m -> m.getName().equals(parts[1]) && m.isAnnotationPresent(Benchmark.class)))
                .as("%s: no @Benchmark %s", key, parts[1])
                .isTrue();
        Map<String, String[]> declared = new TreeMap<>();
        for (Field f : bench.getFields()) {
            Param p = f.getAnnotation(Param.class);
            if (p != null) {
                declared.put(f.getName(), p.value());
            }
        }
        assertThat(params.keySet()).as("%s: parameters", key).isEqualTo(declared.keySet());
        params.forEach((k, v) -> assertThat(Stream.of(declared.get(k)))
                .as("%s: %s values", key, k)
                .contains(v));
    }
}
