/*
 * Copyright 2026 the Ferrum authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.ferrum.bench.runner;

import dev.ferrum.bench.report.MachineFacts;
import dev.ferrum.bench.report.Report;
import dev.ferrum.bench.report.ReportJson;
import dev.ferrum.bench.report.Row;
import dev.ferrum.bench.report.RunComparison;
import dev.ferrum.bench.rust.RustRows;
import dev.ferrum.bench.rust.RustSide;
import dev.ferrum.bench.support.Comparison;
import dev.ferrum.bench.support.Measurements;
import dev.ferrum.bench.support.PeerVersions;
import dev.ferrum.bench.support.RunContext;
import dev.ferrum.bench.support.Suite;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SortedSet;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.results.format.ResultFormatType;
import org.openjdk.jmh.runner.BenchmarkList;
import org.openjdk.jmh.runner.BenchmarkListEntry;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.RunnerException;
import org.openjdk.jmh.runner.format.OutputFormatFactory;
import org.openjdk.jmh.runner.options.ChainedOptionsBuilder;
import org.openjdk.jmh.runner.options.OptionsBuilder;
import org.openjdk.jmh.runner.options.TimeValue;
import org.openjdk.jmh.runner.options.VerboseMode;
import picocli.CommandLine;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * The benchmark report runner: runs the selected suites with JMH and writes the comparison report.
 *
 * <pre>
 * java -jar benchmarks/target/benchmarks.jar [--quick | --full] [--suite NAME[,NAME...]] [--out DIR] [--list]
 * </pre>
 *
 * (options read by picocli; {@code --help} prints them). Results go to {@code DIR/<timestamp>/} (JMH JSON per suite, report.json, report.md, charts/) and are
 * copied to {@code DIR/latest/}.
 */
public final class BenchRunner {

    /**
     * The command line as picocli reads it; {@link Options#parse} turns it into validated {@link Options}.
     */
    @Command(
            name = "java -jar benchmarks.jar",
            mixinStandardHelpOptions = true,
            versionProvider = BenchRunner.Version.class,
            sortOptions = false,
            description = "Runs Ferrum's benchmark suites with JMH and writes the comparison report.",
            footer = "%nResults go to DIR/<timestamp>/ (JMH JSON per suite, report.json, report.md, charts/) and are"
                    + " copied to DIR/latest/.")
    static final class CommandLineOptions {

        static final class Mode {
            @Option(
                    names = "--quick",
                    description = "short warm-up and measurement; each suite's benchmarks run in 2 or more rounds"
                            + " of one fork (ours and the peer's forks alternate), the interval is the range over"
                            + " them")
            boolean quick;

            @Option(
                    names = "--full",
                    description = "JMH defaults of each benchmark, forks included (the default mode; much longer)")
            boolean full;
        }

        @ArgGroup(exclusive = true)
        Mode mode = new Mode();

        @Option(
                names = "--suite",
                split = ",",
                paramLabel = "NAME",
                description = "run only these suites (repeatable or comma-separated): ${COMPLETION-CANDIDATES}",
                completionCandidates = SuiteNames.class)
        List<String> suites = new ArrayList<>();

        @Option(
                names = "--out",
                paramLabel = "DIR",
                description = "results folder (default benchmarks/results); the run writes DIR/<timestamp>/ and"
                        + " copies it to DIR/latest/")
        Path out;

        @Option(names = "--list", description = "list suites, their benchmarks and report rows, then exit")
        boolean list;

        @Option(
                names = "--compare",
                paramLabel = "OLD_REPORT_JSON",
                description = "after the run, print per row the old and new ratio and whether the change is outside"
                        + " the noise (default: docs/report/report.json when there is one)")
        Path compare;

        @Option(
                names = "--to",
                paramLabel = "NEW_REPORT_JSON",
                description = "with --compare: compare with this report instead of running the benchmarks")
        Path to;

        @Option(
                names = "--no-rust",
                description = "skip the same-machine Rust benchmarks (benchmarks/rust, built with cargo --offline)")
        boolean noRust;
    }

    /** Suite names for picocli's help text. */
    static final class SuiteNames implements Iterable<String> {
        @Override
        public java.util.Iterator<String> iterator() {
            return SuiteCatalog.names().iterator();
        }
    }

    /** Validated command line. */
    record Options(boolean quick, List<String> suites, Path out, boolean list, Path compare, Path to, boolean rust) {

        Options(boolean quick, List<String> suites, Path out, boolean list, Path compare, Path to) {
            this(quick, suites, out, list, compare, to, true);
        }

        /**
         * Parses and validates the arguments.
         *
         * @throws IllegalArgumentException naming the unknown option or suite, or the option missing its value
         */
        static Options parse(String[] args) {
            CommandLineOptions cli = new CommandLineOptions();
            try {
                new CommandLine(cli).parseArgs(args);
            } catch (CommandLine.ParameterException e) {
                throw new IllegalArgumentException(e.getMessage(), e);
            }
            return of(cli);
        }

        static Options of(CommandLineOptions cli) {
            List<String> suites = new ArrayList<>();
            for (String s : cli.suites) {
                String name = s.trim();
                if (name.isEmpty()) {
                    continue;
                }
                if (SuiteCatalog.entry(name).isEmpty()) {
                    throw new IllegalArgumentException(
                            "unknown suite '" + name + "'; known suites: " + String.join(", ", SuiteCatalog.names()));
                }
                suites.add(name);
            }
            if (suites.isEmpty()) {
                suites.addAll(SuiteCatalog.names());
            }
            Path out = cli.out != null
                    ? cli.out
                    : Files.isDirectory(Path.of("benchmarks")) ? Path.of("benchmarks", "results") : Path.of("results");
            if (cli.to != null && cli.compare == null) {
                throw new IllegalArgumentException("--to needs --compare OLD_REPORT_JSON (the report to compare with)");
            }
            for (Path p : new Path[] {cli.compare, cli.to}) {
                if (p != null && !Files.isRegularFile(p)) {
                    throw new IllegalArgumentException(
                            p + " does not exist or is not a file (a report.json is wanted)");
                }
            }
            return new Options(cli.mode.quick, List.copyOf(suites), out, cli.list, cli.compare, cli.to, !cli.noRust);
        }
    }

    /** {@code --version}: the JMH version the build put on the class path. */
    static final class Version implements CommandLine.IVersionProvider {
        @Override
        public String[] getVersion() {
            return new String[] {"Ferrum benchmark runner, JMH " + PeerVersions.of("jmh")};
        }
    }

    private BenchRunner() {}

    public static void main(String[] args) {
        CommandLineOptions cli = new CommandLineOptions();
        CommandLine commandLine = new CommandLine(cli);
        commandLine.setExecutionStrategy(parsed -> {
            Integer helpExitCode = CommandLine.executeHelpRequest(parsed);
            if (helpExitCode != null) {
                return helpExitCode;
            }
            Options options;
            try {
                options = Options.of(cli);
            } catch (IllegalArgumentException e) {
                throw new CommandLine.ParameterException(parsed.commandSpec().commandLine(), e.getMessage(), e);
            }
            if (options.list()) {
                list(options, System.out);
                return 0;
            }
            if (options.to() != null) {
                return compare(options.compare(), options.to(), System.out);
            }
            try {
                return run(options, System.out);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        });
        System.exit(commandLine.execute(args));
    }

    static void list(Options options, PrintStream out) {
        for (String name : options.suites()) {
            SuiteCatalog.Entry entry = SuiteCatalog.entry(name).orElseThrow();
            var suite = SuiteCatalog.load(entry);
            if (suite.isEmpty()) {
                out.println(
                        name + ": not yet implemented (module " + entry.module() + ", issue #" + entry.issue() + ")");
                continue;
            }
            Suite s = suite.get();
            out.println(name + ": " + s.title());
            for (BenchmarkListEntry b : find(s)) {
                out.println("    benchmark " + b.getUsername() + paramsText(b));
            }
            for (Comparison c : s.comparisons()) {
                out.println("    row " + c.id() + ": " + c.description());
            }
        }
    }

    private static String paramsText(BenchmarkListEntry b) {
        var params = b.getParams();
        if (!params.hasValue() || params.get().isEmpty()) {
            return "";
        }
        StringBuilder sb = new StringBuilder(" ");
        for (Map.Entry<String, String[]> e : params.get().entrySet()) {
            sb.append(' ').append(e.getKey()).append('=').append(String.join("|", e.getValue()));
        }
        return sb.toString();
    }

    /** Regex that selects exactly the benchmark methods of a suite's classes. */
    static String includeRegex(Suite suite) {
        List<String> parts = new ArrayList<>();
        for (Class<?> c : suite.benchmarks()) {
            parts.add(Pattern.quote(c.getName() + "."));
        }
        return "^(" + String.join("|", parts) + ")[^.]+$";
    }

    static SortedSet<BenchmarkListEntry> find(Suite suite) {
        var format = OutputFormatFactory.createFormatInstance(System.out, VerboseMode.SILENT);
        return BenchmarkList.defaultList().find(format, List.of(includeRegex(suite)), List.of());
    }

    /** Number of JMH runs (one per parameter combination) the suite will make. */
    static int runCount(Suite suite) {
        int n = 0;
        for (BenchmarkListEntry b : find(suite)) {
            int combos = 1;
            var params = b.getParams();
            if (params.hasValue()) {
                for (String[] values : params.get().values()) {
                    combos *= Math.max(1, values.length);
                }
            }
            n += combos;
        }
        return n;
    }

    static int run(Options options, PrintStream out) throws IOException {
        Instant started = Instant.now();
        long startNanos = System.nanoTime();
        String stamp = LocalDateTime.now().format(DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss"));
        Path dir = options.out().resolve(stamp);
        Files.createDirectories(dir);
        String mode = options.quick() ? "quick" : "full";
        Report report = new Report(mode, started, MachineFacts.now(FORK_FLAGS)).headlines(SuiteCatalog.headlines());
        Measurements measurements = new Measurements();

        List<Suite> runnable = new ArrayList<>();
        int total = 0;
        for (String name : options.suites()) {
            SuiteCatalog.Entry entry = SuiteCatalog.entry(name).orElseThrow();
            var suite = SuiteCatalog.load(entry);
            if (suite.isEmpty()) {
                String msg = "not yet implemented: the " + entry.module() + " module's suite arrives with issue #"
                        + entry.issue();
                out.println("suite " + name + ": " + msg);
                report.add(new Report.SuiteResult(name, entry.module(), "not implemented", List.of(), List.of(msg)));
                continue;
            }
            runnable.add(suite.get());
            total += runCount(suite.get()) * rounds(suite.get(), options);
        }
        out.printf(
                "Ferrum benchmarks, %s mode: %d suite(s), %d JMH runs; results in %s%n",
                mode, runnable.size(), total, dir.toAbsolutePath());

        RustSide rust = options.rust() ? RustSide.prepare(out) : RustSide.skipped(out);
        int done = 0;
        int failures = 0;
        for (Suite suite : runnable) {
            List<String> notes = new ArrayList<>(suite.notes());
            String status = "measured";
            ProgressFormat progress = new ProgressFormat(out, suite.name(), done, total, startNanos);
            int rounds = rounds(suite, options);
            try {
                for (int round = 1; round <= rounds && !suite.benchmarks().isEmpty(); round++) {
                    progress.round(round, rounds);
                    Collection<RunResult> results = new Runner(
                                    jmhOptions(suite, options, dir, round, rounds)
                                            .build(),
                                    progress)
                            .run();
                    measurements.addAll(results);
                }
            } catch (RunnerException | RuntimeException e) {
                status = "failed";
                failures++;
                notes.add("JMH run failed: " + e);
                out.println("suite " + suite.name() + " failed: " + e);
            }
            done = Math.max(done + runCount(suite) * rounds, progress.done());
            List<Row> rows = new ArrayList<>(rows(suite, measurements));
            try {
                rows.addAll(suite.extraRows(new RunContext(options.quick(), dir, measurements)));
            } catch (Exception e) {
                notes.add("measurements outside JMH failed: " + e);
                out.println("suite " + suite.name() + ": measurements outside JMH failed: " + e);
            }
            rows.addAll(RustRows.rows(rust, suite.name(), new RunContext(options.quick(), dir, measurements)));
            report.add(new Report.SuiteResult(suite.name(), suite.title(), status, rows, notes));
        }

        report.machineFact("loadAverageAfter", MachineFacts.loadAverage());
        report.write(dir);
        Path baseline = options.compare() != null
                ? options.compare()
                : publishedReport().orElse(null);
        if (baseline != null) {
            try {
                ByteArrayOutputStream text = new ByteArrayOutputStream();
                try (PrintStream both = new PrintStream(text, true, StandardCharsets.UTF_8)) {
                    RunComparison.print(
                            RunComparison.compare(ReportJson.read(Files.readString(baseline)), report),
                            baseline.toString(),
                            dir.resolve("report.json").toString(),
                            both);
                }
                Files.writeString(dir.resolve("compare.txt"), text.toString(StandardCharsets.UTF_8));
            } catch (IOException | IllegalArgumentException e) {
                out.println("cannot compare with " + baseline + ": " + e.getMessage());
                baseline = null;
            }
        }
        Path latest = options.out().resolve("latest");
        copyTree(dir, latest);
        report.print(out);
        if (baseline != null) {
            out.print(Files.readString(dir.resolve("compare.txt")));
        }
        out.println("Report: " + dir.resolve("report.md").toAbsolutePath());
        out.println("        " + dir.resolve("report.json").toAbsolutePath());
        out.println("Charts: " + dir.resolve("charts").toAbsolutePath());
        if (baseline != null) {
            out.println("Compared with " + baseline.toAbsolutePath() + ": "
                    + dir.resolve("compare.txt").toAbsolutePath());
        }
        out.println("Latest copy: " + latest.toAbsolutePath());
        return failures == 0 ? 0 : 1;
    }

    /** The published report of the repository this runs in ({@code docs/report/report.json}), if any. */
    static Optional<Path> publishedReport() {
        for (Path p :
                List.of(Path.of("docs", "report", "report.json"), Path.of("..", "docs", "report", "report.json"))) {
            if (Files.isRegularFile(p)) {
                return Optional.of(p.toAbsolutePath().normalize());
            }
        }
        return Optional.empty();
    }

    /** {@code --compare OLD --to NEW}: prints the row-by-row comparison of two stored reports. */
    static int compare(Path older, Path newer, PrintStream out) {
        try {
            Report a = ReportJson.read(Files.readString(older));
            Report b = ReportJson.read(Files.readString(newer));
            RunComparison.print(RunComparison.compare(a, b), older.toString(), newer.toString(), out);
            return 0;
        } catch (IOException | IllegalArgumentException e) {
            out.println("error: cannot compare " + older + " with " + newer + ": " + e.getMessage());
            return 2;
        }
    }

    /**
     * How many times the suite's benchmarks run, one fork each, in turn (so ours and the peer's forks
     * alternate and a drift in the machine's load hits both): the suite's quick-mode forks in quick mode,
     * once (with JMH's own fork count) in full mode.
     */
    static int rounds(Suite suite, Options options) {
        return options.quick() ? Math.max(1, suite.quickForks()) : 1;
    }

    /** Turns a suite's comparison definitions into rows, marking any benchmark that did not run. */
    static List<Row> rows(Suite suite, Measurements m) {
        List<Row> rows = new ArrayList<>();
        for (Comparison c : suite.comparisons()) {
            var ours = m.get(c.ours());
            if (ours.isEmpty()) {
                rows.add(Row.missing(c.id(), suite.name(), c.description(), "benchmark " + c.ours() + " did not run"));
                continue;
            }
            if (c.peer() == null) {
                rows.add(Row.absolute(c.id(), suite.name(), c.description(), ours.get(), c.target(), c.rust(), null));
                continue;
            }
            var peer = m.get(c.peer());
            if (peer.isEmpty()) {
                rows.add(Row.missing(
                        c.id(), suite.name(), c.description(), "peer benchmark " + c.peer() + " did not run"));
                continue;
            }
            rows.add(Row.compared(
                    c.id(),
                    suite.name(),
                    c.description(),
                    ours.get(),
                    c.peerName(),
                    peer.get(),
                    c.target(),
                    c.rust(),
                    null));
        }
        return rows;
    }

    /** Flags of every benchmark fork (a suite may add its own). */
    static final List<String> FORK_FLAGS = List.of(
            "-Xms1g",
            "-Xmx4g",
            "-Djava.awt.headless=true",
            "--enable-native-access=ALL-UNNAMED",
            "--add-modules=jdk.incubator.vector");

    static ChainedOptionsBuilder jmhOptions(Suite suite, Options options, Path dir, int round, int rounds) {
        List<String> jvmArgs = new ArrayList<>(FORK_FLAGS);
        jvmArgs.addAll(suite.jvmArgs());
        String file =
                rounds == 1 ? "jmh-" + suite.name() + ".json" : "jmh-" + suite.name() + "-round" + round + ".json";
        ChainedOptionsBuilder b = new OptionsBuilder()
                .include(includeRegex(suite))
                .jvmArgsAppend(jvmArgs.toArray(String[]::new))
                .result(dir.resolve(file).toString())
                .resultFormat(ResultFormatType.JSON)
                .shouldFailOnError(false);
        if (suite.profileGc()) {
            b.addProfiler("gc");
        }
        if (options.quick()) {
            b.forks(1)
                    .warmupIterations(2)
                    .warmupTime(TimeValue.milliseconds(500))
                    .measurementIterations(3)
                    .measurementTime(TimeValue.milliseconds(500));
        }
        return b;
    }

    static void copyTree(Path from, Path to) throws IOException {
        if (Files.exists(to)) {
            try (Stream<Path> walk = Files.walk(to)) {
                for (Path p : walk.sorted((a, b) -> b.getNameCount() - a.getNameCount())
                        .toList()) {
                    Files.delete(p);
                }
            }
        }
        try (Stream<Path> walk = Files.walk(from)) {
            for (Path p : walk.toList()) {
                Path target = to.resolve(from.relativize(p).toString());
                if (Files.isDirectory(p)) {
                    Files.createDirectories(target);
                } else {
                    Files.copy(p, target, StandardCopyOption.REPLACE_EXISTING);
                }
            }
        }
    }
}
