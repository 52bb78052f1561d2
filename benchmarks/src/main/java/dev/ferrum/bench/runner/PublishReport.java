/*
 * Copyright 2026 the Ferrum authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.ferrum.bench.runner;

import dev.ferrum.bench.report.Report;
import dev.ferrum.bench.report.ReportJson;
import dev.ferrum.bench.report.ReportMarkdown;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Publishes one benchmark run into the repository's docs: copies the report, charts and side-by-side tables
 * to {@code docs/report/} and splices each suite's table into {@code docs/rust-to-java.md} between
 * {@code <!-- report:NAME -->} and {@code <!-- /report:NAME -->}.
 *
 * <pre>
 * java -cp benchmarks/target/benchmarks.jar dev.ferrum.bench.runner.PublishReport benchmarks/results/latest .
 * java -cp benchmarks/target/benchmarks.jar dev.ferrum.bench.runner.PublishReport docs/report .   # redraw only
 * </pre>
 *
 * <p>The guide's tables are never typed by hand: {@link #check(Path)} (run by the test build) fails when a
 * table in the guide differs from the committed report's table.
 */
public final class PublishReport {

    static final Pattern BLOCK =
            Pattern.compile("(<!-- report:([\\w-]+) -->\\n)(.*?)(<!-- /report:\\2 -->)", Pattern.DOTALL);

    /** A quoted example in the guide: {@code <!-- snippet:NAME -->}, a java code fence, {@code <!-- /snippet:NAME -->}. */
    static final Pattern SNIPPET =
            Pattern.compile("(<!-- snippet:([\\w-]+) -->\\n)(.*?)(<!-- /snippet:\\2 -->)", Pattern.DOTALL);

    /** A README module-table cell: {@code <!-- headline:NAME -->text<!-- /headline:NAME -->} on one line. */
    static final Pattern HEADLINE = Pattern.compile("(<!-- headline:([\\w-]+) -->)(.*?)(<!-- /headline:\\2 -->)");

    /** Documents whose report blocks and headlines are rewritten from the published tables. */
    static final List<String> DOCS = List.of(
            "docs/rust-to-java.md",
            "README.md",
            "arena/README.md",
            "lockfree-queue/README.md",
            "zerocopy-parser/README.md",
            "kvstore/README.md",
            "units/README.md",
            "matrix/README.md");

    /** Where the guide's examples live; they are compiled and run by the test build. */
    static final String EXAMPLES = "benchmarks/src/test/java/dev/ferrum/guide";

    private static final Pattern TAG = Pattern.compile(
            "^[ \\t]*// tag::([\\w-]+)\\[\\]\\n(.*?)^[ \\t]*// end::\\1\\[\\]", Pattern.DOTALL | Pattern.MULTILINE);

    private PublishReport() {}

    public static void main(String[] args) throws IOException {
        if (args.length == 2 && args[0].equals("--snippets-only")) {
            Path guide = Path.of(args[1]).resolve("docs/rust-to-java.md");
            Files.writeString(guide, spliceSnippets(Files.readString(guide), snippets(Path.of(args[1]))));
            System.out.println("Updated the examples quoted in " + guide);
            return;
        }
        if (args.length != 2) {
            System.err.println("usage: PublishReport <results-dir, e.g. benchmarks/results/latest> <repository root>");
            System.err.println("       PublishReport --snippets-only <repository root>");
            System.exit(2);
        }
        Path results = Path.of(args[0]);
        Path root = Path.of(args[1]);
        for (String needed : List.of("report.json", "report.md", "tables")) {
            if (!Files.exists(results.resolve(needed))) {
                System.err.println(results.resolve(needed) + " does not exist: is " + results
                        + " the folder of a finished benchmark run?");
                System.exit(2);
            }
        }
        publish(results, root);
        System.out.println("Published " + results + " to " + root.resolve("docs/report") + " and updated "
                + String.join(", ", DOCS));
    }

    /**
     * Copies the run in {@code results} to {@code root/docs/report}, redraws its tables and charts with the current
     * formatting code and splices them into the docs. {@code results} may be {@code docs/report} itself: that
     * republishes the committed report in the current table format without a new run.
     */
    static void publish(Path results, Path root) throws IOException {
        Path docs = root.resolve("docs");
        Path target = docs.resolve("report");
        Files.createDirectories(target);
        boolean inPlace = Files.isSameFile(results, target);
        // Only what readers need: JMH's raw per-suite output stays in benchmarks/results. The folders are
        // replaced whole (copyTree deletes the old copy first), so a suite dropped from a run leaves nothing stale.
        for (String part : List.of("report.json", "report.md", "charts", "tables")) {
            if (!inPlace && Files.exists(results.resolve(part))) {
                if (Files.isDirectory(results.resolve(part))) {
                    BenchRunner.copyTree(results.resolve(part), target.resolve(part));
                } else {
                    Files.copy(results.resolve(part), target.resolve(part), StandardCopyOption.REPLACE_EXISTING);
                }
            }
        }
        // Tables and charts are redrawn from the stored numbers, so they follow the current formatting code.
        Report report =
                ReportJson.read(Files.readString(target.resolve("report.json"))).headlines(SuiteCatalog.headlines());
        report.writeTablesAndCharts(target);
        if (inPlace) {
            // report.md quotes the same tables: redraw it too (report.json stays as measured)
            Files.writeString(target.resolve("report.md"), ReportMarkdown.report(report));
        }
        Path guide = docs.resolve("rust-to-java.md");
        String spliced = spliceSnippets(splice(Files.readString(guide), target.resolve("tables")), snippets(root));
        Files.writeString(guide, spliced);
        for (String doc : DOCS.subList(1, DOCS.size())) {
            Path file = root.resolve(doc);
            if (Files.exists(file)) {
                Files.writeString(
                        file,
                        spliceHeadlines(
                                splice(Files.readString(file), target.resolve("tables")), target.resolve("tables")));
            }
        }
    }

    /** Replaces every report block's body with the matching table file's content. */
    static String splice(String guide, Path tables) {
        Matcher m = BLOCK.matcher(guide);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            String table = read(tables.resolve(m.group(2) + ".md"));
            m.appendReplacement(out, Matcher.quoteReplacement(m.group(1) + table + m.group(4)));
        }
        m.appendTail(out);
        return out.toString();
    }

    /** Replaces every headline cell with the matching {@code headline-NAME.md}. */
    static String spliceHeadlines(String readme, Path tables) {
        Matcher m = HEADLINE.matcher(readme);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            String text = read(tables.resolve("headline-" + m.group(2) + ".md")).strip();
            m.appendReplacement(out, Matcher.quoteReplacement(m.group(1) + text + m.group(4)));
        }
        m.appendTail(out);
        return out.toString();
    }

    /** Replaces every snippet block's body with the tagged region of the examples, as a java code fence. */
    static String spliceSnippets(String guide, Map<String, String> snippets) {
        Matcher m = SNIPPET.matcher(guide);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            String code = snippets.get(m.group(2));
            if (code == null) {
                throw new IllegalArgumentException("the guide quotes snippet '" + m.group(2) + "' but no example in "
                        + EXAMPLES + " has a '// tag::" + m.group(2) + "[]' region");
            }
            m.appendReplacement(out, Matcher.quoteReplacement(m.group(1) + fence(code) + m.group(4)));
        }
        m.appendTail(out);
        return out.toString();
    }

    static String fence(String code) {
        return "```java\n" + code + "```\n";
    }

    /** All tagged regions of the example sources, dedented, by tag name. */
    public static Map<String, String> snippets(Path root) {
        Map<String, String> found = new TreeMap<>();
        Path dir = root.resolve(EXAMPLES);
        if (!Files.isDirectory(dir)) {
            return found;
        }
        try (Stream<Path> walk = Files.walk(dir)) {
            for (Path p :
                    walk.filter(f -> f.toString().endsWith(".java")).sorted().toList()) {
                Matcher m = TAG.matcher(read(p).replace("\r\n", "\n"));
                while (m.find()) {
                    if (found.put(m.group(1), dedent(m.group(2))) != null) {
                        throw new IllegalArgumentException(
                                "snippet tag '" + m.group(1) + "' is used twice (" + p + ")");
                    }
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read examples under " + dir, e);
        }
        return found;
    }

    static String dedent(String block) {
        List<String> lines = block.lines().toList();
        int indent = lines.stream()
                .filter(l -> !l.isBlank())
                .mapToInt(l -> l.length() - l.stripLeading().length())
                .min()
                .orElse(0);
        StringBuilder sb = new StringBuilder();
        for (String l : lines) {
            sb.append(l.isBlank() ? "" : l.substring(indent)).append('\n');
        }
        return sb.toString();
    }

    /**
     * Every report block of the guide against the committed tables.
     *
     * @return one line per block that is missing its table or differs from it; empty when in sync
     */
    public static List<String> check(Path root) {
        Path tables = root.resolve("docs/report/tables");
        String guide = read(root.resolve("docs/rust-to-java.md"));
        List<String> problems = new ArrayList<>();
        for (String doc : DOCS) {
            if (!Files.exists(root.resolve(doc))) {
                continue;
            }
            String text = read(root.resolve(doc));
            Matcher m = BLOCK.matcher(text);
            while (m.find()) {
                Path table = tables.resolve(m.group(2) + ".md");
                if (!Files.exists(table)) {
                    problems.add(doc + ": block report:" + m.group(2) + " has no table " + table);
                } else if (!read(table).equals(m.group(3))) {
                    problems.add(doc + ": block report:" + m.group(2) + " differs from " + table
                            + " (run PublishReport again instead of editing numbers by hand)");
                }
            }
        }
        Matcher h = HEADLINE.matcher(read(root.resolve("README.md")));
        while (h.find()) {
            Path file = tables.resolve("headline-" + h.group(2) + ".md");
            if (!Files.exists(file) || !read(file).strip().equals(h.group(3))) {
                problems.add("README.md: headline:" + h.group(2) + " differs from " + file);
            }
        }
        Map<String, String> snippets = snippets(root);
        Matcher s = SNIPPET.matcher(guide);
        while (s.find()) {
            String code = snippets.get(s.group(2));
            if (code == null) {
                problems.add("snippet:" + s.group(2) + " has no '// tag::" + s.group(2) + "[]' region in " + EXAMPLES);
            } else if (!fence(code).equals(s.group(3))) {
                problems.add("snippet:" + s.group(2) + " differs from its example (run PublishReport again)");
            }
        }
        return problems;
    }

    private static String read(Path p) {
        try {
            return Files.readString(p);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + p, e);
        }
    }
}
