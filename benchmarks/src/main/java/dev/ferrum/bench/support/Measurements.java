/*
 * Copyright 2026 the Ferrum authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.ferrum.bench.support;

import dev.ferrum.bench.report.Score;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.openjdk.jmh.results.BenchmarkResult;
import org.openjdk.jmh.results.Result;
import org.openjdk.jmh.results.RunResult;

/**
 * JMH results by {@link #key key}, with the GC profiler's B/op attached and an interval on every score.
 *
 * <p>A benchmark may be measured in several forks, either by JMH in one run or in several runs (rounds) that
 * the runner interleaves so that ours and the peer's forks alternate. Its score is then the mean of the
 * forks' scores and its interval their range (min to max); with a single fork the interval is JMH's 99.9%
 * confidence interval over the fork's iterations (unknown with a single iteration).
 */
public final class Measurements {

    private final Map<String, Score> scores = new LinkedHashMap<>();
    private final Map<String, List<Fork>> forks = new LinkedHashMap<>();

    /** One fork's result for a key: its score, its confidence interval and its B/op. */
    private record Fork(double score, double lo, double hi, String unit, double bytesPerOp) {}

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

    /**
     * Adds every result of a JMH run, primary and secondary ({@code key:label}). Calling it again with another
     * run of the same benchmarks (the next round) adds that run's forks to theirs.
     */
    public void addAll(Collection<RunResult> results) {
        for (RunResult run : results) {
            var params = run.getParams();
            Map<String, String> p = new TreeMap<>();
            for (String name : params.getParamsKeys()) {
                p.put(name, params.getParam(name));
            }
            String key = key(params.getBenchmark(), p);
            Collection<BenchmarkResult> perFork = run.getBenchmarkResults();
            if (perFork.isEmpty()) {
                perFork = List.of(run.getAggregatedResult());
            }
            for (BenchmarkResult fork : perFork) {
                double alloc = allocation(fork);
                addFork(key, fork.getPrimaryResult(), alloc);
                for (Map.Entry<String, Result> e : fork.getSecondaryResults().entrySet()) {
                    addFork(key + ":" + e.getKey().replace("\u00b7", ""), e.getValue(), alloc);
                }
            }
        }
    }

    private static double allocation(BenchmarkResult result) {
        for (Map.Entry<String, Result> e : result.getSecondaryResults().entrySet()) {
            if (e.getKey().endsWith("gc.alloc.rate.norm")) {
                return e.getValue().getScore();
            }
        }
        return Double.NaN;
    }

    private void addFork(String key, Result<?> r, double alloc) {
        double[] ci = r.getScoreConfidence();
        Fork f = new Fork(r.getScore(), ci[0], ci[1], r.getScoreUnit(), alloc);
        List<Fork> list = forks.computeIfAbsent(key, k -> new ArrayList<>());
        list.add(f);
        scores.put(key, combine(list));
    }

    /** Mean of the forks, with their range; a single fork keeps its confidence interval. */
    static Score combine(List<Fork> list) {
        if (list.size() == 1) {
            Fork f = list.get(0);
            return Score.interval(f.score(), finite(f.lo()), finite(f.hi()), f.unit(), f.bytesPerOp());
        }
        double sum = 0;
        double allocSum = 0;
        double min = Double.POSITIVE_INFINITY;
        double max = Double.NEGATIVE_INFINITY;
        for (Fork f : list) {
            sum += f.score();
            allocSum += f.bytesPerOp();
            min = Math.min(min, f.score());
            max = Math.max(max, f.score());
        }
        return Score.interval(sum / list.size(), min, max, list.get(0).unit(), allocSum / list.size());
    }

    private static double finite(double v) {
        return Double.isInfinite(v) ? Double.NaN : v;
    }

    /** Records a score under a key (also used by suites for measurements made outside JMH). */
    public void put(String key, Score score) {
        scores.put(key, score);
    }

    /** The score for a key, if that benchmark ran. */
    public Optional<Score> get(String key) {
        return Optional.ofNullable(scores.get(key));
    }

    /** How many forks the score for a key combines (0 for a key not measured by JMH). */
    public int forks(String key) {
        return forks.getOrDefault(key, List.of()).size();
    }

    /** All keys, in the order measured. */
    public Collection<String> keys() {
        return scores.keySet();
    }
}
