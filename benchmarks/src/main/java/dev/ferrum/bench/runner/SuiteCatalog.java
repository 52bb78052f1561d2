/*
 * Copyright 2026 the Ferrum authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.ferrum.bench.runner;

import dev.ferrum.bench.report.Headline;
import dev.ferrum.bench.support.Suite;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The suites Ferrum knows about, in report order. A suite's class lives in its own package and is
 * looked up by name, so adding a suite touches only that package.
 */
public final class SuiteCatalog {

    /**
     * A known suite.
     *
     * @param name      the {@code --suite} name
     * @param className the implementing class
     * @param module    the library module it measures
     * @param issue     the issue that adds it
     * @param headlines the rows the root README quotes for this module, as (row id, short label) pairs
     */
    public record Entry(String name, String className, String module, int issue, List<Headline> headlines) {}

    public static final List<Entry> ENTRIES = List.of(
            new Entry(
                    "arena",
                    "dev.ferrum.bench.arena.ArenaSuite",
                    "arena",
                    3,
                    List.of(
                            new Headline("arena.alloc16.a8.offset_vs_malloc", "16 B allocation"),
                            new Headline("arena.alloc16.a8.offset_vs_slicing", "16 B allocation"))),
            new Entry(
                    "queue",
                    "dev.ferrum.bench.queue.QueueSuite",
                    "lockfree-queue",
                    4,
                    List.of(
                            new Headline("queue.spsc.throughput.vs_abq", "SPSC throughput"),
                            new Headline("queue.spsc.throughput.vs_jctools", "SPSC throughput"))),
            new Entry(
                    "parser",
                    "dev.ferrum.bench.parser.ParserSuite",
                    "zerocopy-parser",
                    5,
                    List.of(
                            new Headline("parser.file.throughput", "parsing a 64 MiB capture"),
                            new Headline("parser.file.vs_pcap4j", "same file"))),
            new Entry(
                    "kv",
                    "dev.ferrum.bench.kv.KvSuite",
                    "kvstore",
                    6,
                    List.of(
                            new Headline("kv.get.vs_rocksdb", "point get"),
                            new Headline("kv.put.nosync.vs_rocksdb", "put, no fsync"))),
            new Entry(
                    "units",
                    "dev.ferrum.bench.units.UnitsSuite",
                    "units",
                    7,
                    List.of(
                            new Headline("units.nbody.typed_vs_raw", "typed n-body step"),
                            new Headline("units.kinematics.typed_vs_indriya", "kinematics step"))),
            new Entry(
                    "matrix",
                    "dev.ferrum.bench.matrix.MatrixSuite",
                    "matrix",
                    8,
                    List.of(
                            new Headline("matrix.mult256.vs_ejml", "256x256 multiply"),
                            new Headline("matrix.mult4x4.vs_ejml_ddf4", "4x4 multiply"))));

    private SuiteCatalog() {}

    /** The entry with this name, if any. */
    public static Optional<Entry> entry(String name) {
        return ENTRIES.stream().filter(e -> e.name().equals(name)).findFirst();
    }

    /** The suite's implementation, or empty while its issue has not added it yet. */
    public static Optional<Suite> load(Entry entry) {
        try {
            Class<?> type = Class.forName(entry.className());
            return Optional.of((Suite) type.getDeclaredConstructor().newInstance());
        } catch (ClassNotFoundException e) {
            return Optional.empty();
        } catch (ReflectiveOperationException | ClassCastException e) {
            throw new IllegalStateException(
                    "suite " + entry.name() + " (" + entry.className() + ") exists but cannot be created: " + e, e);
        }
    }

    /** Each suite's README headline rows, by suite name. */
    public static Map<String, List<Headline>> headlines() {
        Map<String, List<Headline>> all = new LinkedHashMap<>();
        ENTRIES.forEach(e -> all.put(e.name(), e.headlines()));
        return all;
    }

    /** All names, for messages. */
    public static List<String> names() {
        List<String> names = new ArrayList<>();
        ENTRIES.forEach(e -> names.add(e.name()));
        return names;
    }
}
