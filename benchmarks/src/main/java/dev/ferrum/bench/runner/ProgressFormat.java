/*
 * Copyright 2026 the Ferrum authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.ferrum.bench.runner;

import dev.ferrum.bench.report.Format;
import java.io.PrintStream;
import java.time.Duration;
import java.util.Collection;
import java.util.stream.Collectors;
import org.openjdk.jmh.infra.BenchmarkParams;
import org.openjdk.jmh.infra.IterationParams;
import org.openjdk.jmh.results.BenchmarkResult;
import org.openjdk.jmh.results.IterationResult;
import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.runner.format.OutputFormat;

/**
 * A compact JMH output: one line when a benchmark starts ({@code [n/N]}, elapsed, ETA) and one with its
 * score, instead of JMH's page of iteration lines per benchmark.
 */
final class ProgressFormat implements OutputFormat {

    private final PrintStream out;
    private final int total;
    private final long startNanos;
    private final String suite;
    private int done;
    private String round = "";

    /**
     * @param out        where to print
     * @param suite      suite name shown on each line
     * @param doneBefore benchmarks completed by earlier suites of this run
     * @param total      benchmarks in the whole run
     * @param startNanos when the whole run started
     */
    ProgressFormat(PrintStream out, String suite, int doneBefore, int total, long startNanos) {
        this.out = out;
        this.suite = suite;
        this.done = doneBefore;
        this.total = total;
        this.startNanos = startNanos;
    }

    int done() {
        return done;
    }

    /** Marks the following benchmarks as round {@code k} of {@code n} (shown only when there are several). */
    void round(int k, int n) {
        round = n > 1 ? " r" + k + "/" + n : "";
    }

    static String clock(Duration d) {
        long s = Math.max(0, d.toSeconds());
        return String.format("%02d:%02d", s / 60, s % 60);
    }

    @Override
    public void startBenchmark(BenchmarkParams params) {
        Duration elapsed = Duration.ofNanos(System.nanoTime() - startNanos);
        String eta = done == 0 ? "--:--" : clock(elapsed.dividedBy(done).multipliedBy(Math.max(0, total - done)));
        String p = params.getParamsKeys().stream()
                .map(k -> k + "=" + params.getParam(k))
                .collect(Collectors.joining(" "));
        String[] parts = params.getBenchmark().split("\\.");
        String name = parts[parts.length - 2] + "." + parts[parts.length - 1];
        out.printf(
                "[%3d/%d] %-7s %-44s %-24s elapsed %s  ETA %s%n",
                done + 1, total, suite + round, name, p, clock(elapsed), eta);
        out.flush();
    }

    @Override
    public void endBenchmark(BenchmarkResult result) {
        done++;
        if (result == null) {
            out.println("          (no result: the benchmark failed, see the JMH error above)");
            return;
        }
        var primary = result.getPrimaryResult();
        String alloc = result.getSecondaryResults().entrySet().stream()
                .filter(e -> e.getKey().endsWith("gc.alloc.rate.norm"))
                .map(e -> String.format("  %.1f B/op", e.getValue().getScore()))
                .findFirst()
                .orElse("");
        out.printf(
                "          -> %s %s ± %s%s%n",
                Format.num(primary.getScore()), primary.getScoreUnit(), Format.num(primary.getScoreError()), alloc);
        out.flush();
    }

    @Override
    public void iteration(BenchmarkParams benchParams, IterationParams params, int iteration) {}

    @Override
    public void iterationResult(
            BenchmarkParams benchParams, IterationParams params, int iteration, IterationResult data) {}

    @Override
    public void startRun() {}

    @Override
    public void endRun(Collection<RunResult> result) {}

    @Override
    public void print(String s) {}

    @Override
    public void println(String s) {
        // JMH's headers start with '#'; anything else printed here (failures, stack traces,
        // warnings from the forked VM) must stay visible.
        if (s != null && !s.isBlank() && !s.startsWith("#")) {
            out.println("          " + s);
        }
    }

    @Override
    public void flush() {
        out.flush();
    }

    @Override
    public void close() {
        out.flush();
    }

    @Override
    public void verbosePrintln(String s) {}

    @Override
    public void write(int b) {}

    @Override
    public void write(byte[] b) {}
}
