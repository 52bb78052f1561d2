/*
 * Copyright 2026 the Ferrum authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.ferrum.bench.support;

import dev.ferrum.bench.report.Score;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.openjdk.jmh.results.BenchmarkResult;
import org.openjdk.jmh.results.Result;
import org.openjdk.jmh.results.RunResult;

/** JMH results by {@link #key key}, with the GC profiler's B/op attached. */
public final class Measurements {

    private final Map<String, Score> scores = new LinkedHashMap<>();

    /**
     * The stable key of a benchmark: {@code SimpleClass.method} plus its parameters sorted by name,
     * e.g. {@code AllocBench.bumpOffset[align=8,size=16]}.
     */
    public static String key(String benchmark, Map<String, String> params) {
        String[] parts = benchmark.split("\\.");
        String shortName = parts.length >= 2 ? parts[parts.length - 2] + "." + parts[parts.length - 1] : benchmark;
        if (params == null || params.isEmpty()) {
            return shortName;
        }
        return shortName
                + new TreeMap<>(params)
                        .entrySet().stream()
                                .map(e -> e.getKey() + "=" + e.getValue())
                                .collect(Collectors.joining(",", "[", "]"));
    }

    /** Adds every result of a JMH run, primary and secondary ({@code key:label}). */
    public void addAll(Collection<RunResult> results) {
        for (RunResult run : results) {
            var params = run.getParams();
            Map<String, String> p = new TreeMap<>();
            for (String name : params.getParamsKeys()) {
                p.put(name, params.getParam(name));
            }
            String key = key(params.getBenchmark(), p);
            BenchmarkResult aggregated = run.getAggregatedResult();
            Result<?> primary = aggregated.getPrimaryResult();
            double alloc = Double.NaN;
            for (Map.Entry<String, Result> e : aggregated.getSecondaryResults().entrySet()) {
                String label = e.getKey();
                if (label.endsWith("gc.alloc.rate.norm")) {
                    alloc = e.getValue().getScore();
                }
            }
            put(key, new Score(primary.getScore(), primary.getScoreError(), primary.getScoreUnit(), alloc));
            for (Map.Entry<String, Result> e : aggregated.getSecondaryResults().entrySet()) {
                Result<?> r = e.getValue();
                put(
                        key + ":" + e.getKey().replace("\u00b7", ""),
                        new Score(r.getScore(), r.getScoreError(), r.getScoreUnit(), alloc));
            }
        }
    }

    /** Records a score under a key (also used by suites for measurements made outside JMH). */
    public void put(String key, Score score) {
        scores.put(key, score);
    }

    /** The score for a key, if that benchmark ran. */
    public Optional<Score> get(String key) {
        return Optional.ofNullable(scores.get(key));
    }

    /** All keys, in the order measured. */
    public Collection<String> keys() {
        return scores.keySet();
    }
}
