/*
 * Copyright 2026 the Ferrum authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.ferrum.bench.runner;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Publishing a run into a copy of the repository's docs, as the coordinator does after the benchmark run. */
class PublishReportTest {

    private static final Path ROOT = Path.of("..").toAbsolutePath().normalize();

    /** Copies the docs PublishReport rewrites, the committed report and the guide's examples into {@code to}. */
    private static void copyDocs(Path to) throws IOException {
        for (String doc : PublishReport.DOCS) {
            if (Files.exists(ROOT.resolve(doc))) {
                Files.createDirectories(to.resolve(doc).getParent());
                Files.copy(ROOT.resolve(doc), to.resolve(doc));
            }
        }
        BenchRunner.copyTree(ROOT.resolve("docs/report"), to.resolve("docs/report"));
        BenchRunner.copyTree(ROOT.resolve(PublishReport.EXAMPLES), to.resolve(PublishReport.EXAMPLES));
    }

    @Test
    void republishingTheCommittedReportInPlaceRegeneratesTheDocsInSync(@TempDir Path root) throws IOException {
        copyDocs(root);
        String json = Files.readString(root.resolve("docs/report/report.json"));
        PublishReport.publish(root.resolve("docs/report"), root);

        assertThat(PublishReport.check(root)).isEmpty();
        // measured numbers are kept as they were; only the tables are redrawn
        assertThat(root.resolve("docs/report/report.json")).hasContent(json);
        String md = Files.readString(root.resolve("docs/report/report.md"));
        String machine = Files.readString(ROOT.resolve("docs/report/report.md"))
                .lines()
                .filter(l -> l.startsWith("loadAverageBefore:"))
                .findFirst()
                .orElseThrow();
        assertThat(md).contains(machine).contains("|Rust document|Rust (this machine)|");
        assertThat(Files.readString(root.resolve("docs/rust-to-java.md")))
                .contains("| Measurement | Rust document | Rust (this machine) | Ferrum |");
        try (Stream<Path> charts = Files.list(root.resolve("docs/report/charts"))) {
            assertThat(charts.map(p -> p.getFileName().toString()).toList())
                    .contains("arena.png", "arena-side-by-side.png");
        }
    }

    @Test
    void publishingARunFolderCopiesItAndSplicesItsTables(@TempDir Path dir) throws IOException {
        Path root = dir.resolve("repo");
        copyDocs(root);
        Path run = dir.resolve("results/latest");
        for (String part : List.of("report.json", "report.md", "tables")) {
            Path from = ROOT.resolve("docs/report").resolve(part);
            if (Files.isDirectory(from)) {
                BenchRunner.copyTree(from, run.resolve(part));
            } else {
                Files.createDirectories(run);
                Files.copy(from, run.resolve(part));
            }
        }
        PublishReport.publish(run, root);
        assertThat(PublishReport.check(root)).isEmpty();
        assertThat(root.resolve("docs/report/tables/targets.md"))
                .content()
                .contains("| Peer (same run) | Rust (this machine) |");
    }
}
