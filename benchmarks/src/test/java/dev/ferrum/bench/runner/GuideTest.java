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
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
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
