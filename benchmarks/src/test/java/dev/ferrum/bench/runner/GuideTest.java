/*
 * Copyright 2026 the Ferrum authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.ferrum.bench.runner;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Keeps the student guide honest: its numbers are the committed report's, its code is the compiled and tested
 * examples', and every link points at a file that exists.
 */
class GuideTest {

    private static final Path ROOT = Path.of("..").toAbsolutePath().normalize();
    private static final Path GUIDE = ROOT.resolve("docs/rust-to-java.md");
    private static final Pattern LINK = Pattern.compile("\\]\\(([^)\\s]+)\\)");

    @Test
    void guideTablesAndSnippetsMatchTheCommittedReportAndTheExamples() {
        assertThat(PublishReport.check(ROOT)).isEmpty();
    }

    @Test
    void guideHasATableAndAChartForEverySuite() throws IOException {
        String guide = Files.readString(GUIDE);
        for (String suite : SuiteCatalog.names()) {
            assertThat(guide).as("guide table for suite %s", suite).contains("<!-- report:" + suite + " -->");
            assertThat(guide).as("guide chart for suite %s", suite).contains("(report/charts/" + suite + ".png)");
        }
    }

    @Test
    void everyQuotedExampleExistsAndEveryExampleIsQuoted() throws IOException {
        String guide = Files.readString(GUIDE);
        Map<String, String> snippets = PublishReport.snippets(ROOT);
        assertThat(snippets).isNotEmpty();
        for (String name : snippets.keySet()) {
            assertThat(guide).as("the guide quotes example %s", name).contains("<!-- snippet:" + name + " -->");
        }
    }

    @Test
    void everyRelativeLinkInTheDocsPointsAtAnExistingFile() throws IOException {
        List<String> broken = new ArrayList<>();
        List<Path> docs = new ArrayList<>(List.of(ROOT.resolve("docs/ARCHITECTURE.md")));
        PublishReport.DOCS.forEach(d -> docs.add(ROOT.resolve(d)));
        for (Path doc : docs) {
            Matcher m = LINK.matcher(Files.readString(doc));
            while (m.find()) {
                String target = m.group(1);
                if (target.startsWith("http") || target.startsWith("#") || target.startsWith("mailto:")) {
                    continue;
                }
                String file = target.replaceAll("#.*$", "");
                if (!Files.exists(doc.getParent().resolve(file).normalize())) {
                    broken.add(ROOT.relativize(doc) + " -> " + target);
                }
            }
        }
        assertThat(broken).as("links to files that do not exist").isEmpty();
    }

    private static final Pattern CODE = Pattern.compile("`([^`\\n]+)`");
    private static final Pattern FERRUM_NAME = Pattern.compile("dev\\.ferrum(?:\\.[A-Za-z_]\\w*)+");
    private static final Pattern TYPE_DECLARATION = Pattern.compile("(?:class|interface|record|enum)\\s+([A-Z]\\w*)");
    private static final Pattern LEADING_TYPE = Pattern.compile("^@?([A-Z][A-Za-z0-9]*)(?:$|[.<(#\\[])");
    private static final List<String> JDK_PACKAGES = List.of(
            "java.lang.",
            "java.lang.foreign.",
            "java.lang.invoke.",
            "java.lang.annotation.",
            "java.util.",
            "java.util.concurrent.",
            "java.util.concurrent.atomic.",
            "java.util.concurrent.locks.",
            "java.util.function.",
            "java.nio.",
            "java.nio.channels.",
            "java.nio.file.",
            "java.io.",
            "java.time.",
            "jdk.incubator.vector.");

    /**
     * Every Ferrum module, package and class the docs name in code font exists; ARCHITECTURE.md, which speaks
     * only of Java, names no class that is neither Ferrum's nor the JDK's.
     */
    @Test
    void everyNamedModulePackageAndClassExists() throws IOException {
        Set<String> modules = new HashSet<>();
        Set<String> packages = new HashSet<>();
        Set<String> types = new HashSet<>();
        Pattern moduleDecl = Pattern.compile("^\\s*(?:open\\s+)?module\\s+([\\w.]+)", Pattern.MULTILINE);
        try (Stream<Path> files = Files.walk(ROOT)) {
            for (Path p : files.filter(f -> f.toString().endsWith(".java"))
                    .filter(f -> !f.toString().contains("/.git/"))
                    .filter(f ->
                            !f.toString().contains("/target/") || f.toString().contains("/generated-sources/"))
                    .toList()) {
                String text = Files.readString(p);
                if (p.getFileName().toString().equals("module-info.java")) {
                    Matcher m = moduleDecl.matcher(text);
                    if (m.find()) {
                        modules.add(m.group(1));
                    }
                    continue;
                }
                Matcher pkg = Pattern.compile("^package\\s+([\\w.]+);", Pattern.MULTILINE)
                        .matcher(text);
                String pack = pkg.find() ? pkg.group(1) : "";
                packages.add(pack);
                String simple = p.getFileName().toString().replace(".java", "");
                types.add(simple);
                types.add(pack + "." + simple);
                Matcher decl = TYPE_DECLARATION.matcher(text);
                while (decl.find()) {
                    types.add(decl.group(1));
                    types.add(pack + "." + decl.group(1));
                }
            }
        }
        List<String> unknown = new ArrayList<>();
        List<Path> docs = new ArrayList<>(List.of(ROOT.resolve("docs/ARCHITECTURE.md")));
        PublishReport.DOCS.forEach(d -> docs.add(ROOT.resolve(d)));
        for (Path doc : docs) {
            boolean javaOnly = doc.endsWith("ARCHITECTURE.md");
            Matcher code = CODE.matcher(Files.readString(doc));
            while (code.find()) {
                String token = code.group(1).trim();
                Matcher name = FERRUM_NAME.matcher(token);
                while (name.find()) {
                    String n = name.group();
                    String last = n.substring(n.lastIndexOf('.') + 1);
                    boolean known = Character.isUpperCase(last.charAt(0))
                            ? types.contains(n)
                                    || types.contains(n.substring(0, n.lastIndexOf('.')))
                                    || packages.contains(n.substring(0, n.lastIndexOf('.'))) && types.contains(last)
                            : modules.contains(n) || packages.contains(n);
                    if (!known) {
                        unknown.add(ROOT.relativize(doc) + ": " + n);
                    }
                }
                Matcher type = LEADING_TYPE.matcher(token);
                if (javaOnly && !token.contains(" ") && type.find() && !isKnownType(type.group(1), types)) {
                    unknown.add(ROOT.relativize(doc) + ": " + type.group(1));
                }
            }
        }
        assertThat(unknown)
                .as("modules, packages and classes the docs name that do not exist")
                .isEmpty();
    }

    private static boolean isKnownType(String simpleName, Set<String> ferrumTypes) {
        if (ferrumTypes.contains(simpleName) || simpleName.matches("N\\d+")) {
            return true;
        }
        for (String pkg : JDK_PACKAGES) {
            try {
                Class.forName(pkg + simpleName, false, GuideTest.class.getClassLoader());
                return true;
            } catch (ClassNotFoundException | LinkageError e) {
                // try the next package
            }
        }
        return false;
    }

    @Test
    void splicingReplacesOnlyTheMarkedBlocks(@TempDir Path dir) throws IOException {
        Files.writeString(dir.resolve("demo.md"), "| a | b |\n");
        String guide = "intro\n<!-- report:demo -->\nold numbers\n<!-- /report:demo -->\noutro\n";
        assertThat(PublishReport.splice(guide, dir))
                .isEqualTo("intro\n<!-- report:demo -->\n| a | b |\n<!-- /report:demo -->\noutro\n");
        String quoted = "<!-- snippet:x -->\nstale\n<!-- /snippet:x -->\n";
        assertThat(PublishReport.spliceSnippets(quoted, Map.of("x", "int a = 1;\n")))
                .isEqualTo("<!-- snippet:x -->\n```java\nint a = 1;\n```\n<!-- /snippet:x -->\n");
        assertThat(PublishReport.dedent("        a();\n          b();\n")).isEqualTo("a();\n  b();\n");
    }
}
