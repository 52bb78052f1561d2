/*
 * Copyright 2026 the Ferrum authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.ferrum.bench.support;

import dev.ferrum.bench.report.Row;
import java.util.List;

/**
 * One module's benchmark suite: which JMH classes to run and how their results become report rows.
 *
 * <p>Each module's issue adds exactly one implementation, named {@code dev.ferrum.bench.<suite>.<Name>Suite}
 * (see {@link SuiteCatalog}); the runner finds it by name, so suites never edit shared files.
 */
public interface Suite {

    /** Short name used by {@code --suite}, e.g. {@code arena}. */
    String name();

    /** One-line title for the report, e.g. "Bump arena vs per-object allocation". */
    String title();

    /** The JMH benchmark classes of this suite; every benchmark method in them is run. */
    List<Class<?>> benchmarks();

    /** Whether to run with JMH's GC profiler ({@code -prof gc}) to report B/op. */
    default boolean profileGc() {
        return true;
    }

    /**
     * Forks per benchmark in quick mode. The runner runs the suite's benchmarks this many times, one fork each
     * time, so ours and the peer's forks alternate and a drift in the machine's load hits both; a score is the
     * mean over the forks and its interval their range. Two is the least that gives a range (a single fork's
     * JMH interval does not see the fork-to-fork swing); two-thread benchmarks on a 2-core machine land in a
     * different state per fork (where the scheduler puts the threads) and ask for more.
     */
    default int quickForks() {
        return 2;
    }

    /** Extra JVM flags for this suite's forks (the runner already adds native access and the Vector API). */
    default List<String> jvmArgs() {
        return List.of();
    }

    /** How JMH results become comparison rows. */
    List<Comparison> comparisons();

    /**
     * Rows measured outside JMH (an external tool such as {@code redis-benchmark}, a second JVM,
     * a latency histogram). Called after this suite's JMH run.
     *
     * @param context the run's mode, output folder and JMH results so far
     * @return rows to add to the report
     * @throws Exception if the measurement fails; the runner records the failure as a note, it does not abort
     */
    default List<Row> extraRows(RunContext context) throws Exception {
        return List.of();
    }

    /** Notes printed under the suite's table (machine caveats such as "2 cores: 1P+1C only"). */
    default List<String> notes() {
        return List.of();
    }
}
