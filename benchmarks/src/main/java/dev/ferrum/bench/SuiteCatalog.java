package dev.ferrum.bench;

import java.util.ArrayList;
import java.util.List;
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
     */
    public record Entry(String name, String className, String module, int issue) {
    }

    public static final List<Entry> ENTRIES = List.of(
            new Entry("arena", "dev.ferrum.bench.arena.ArenaSuite", "arena", 3),
            new Entry("queue", "dev.ferrum.bench.queue.QueueSuite", "lockfree-queue", 4),
            new Entry("parser", "dev.ferrum.bench.parser.ParserSuite", "zerocopy-parser", 5),
            new Entry("kv", "dev.ferrum.bench.kv.KvSuite", "kvstore", 6),
            new Entry("units", "dev.ferrum.bench.units.UnitsSuite", "units", 7),
            new Entry("matrix", "dev.ferrum.bench.matrix.MatrixSuite", "matrix", 8));

    private SuiteCatalog() {
    }

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
            throw new IllegalStateException("suite " + entry.name() + " (" + entry.className()
                    + ") exists but cannot be created: " + e, e);
        }
    }

    /** All names, for messages. */
    public static List<String> names() {
        List<String> names = new ArrayList<>();
        ENTRIES.forEach(e -> names.add(e.name()));
        return names;
    }
}
