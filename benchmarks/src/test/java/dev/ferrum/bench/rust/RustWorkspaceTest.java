/*
 * Copyright 2026 the Ferrum authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.ferrum.bench.rust;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.fail;

import com.fasterxml.jackson.databind.JsonNode;
import dev.ferrum.bench.parser.BenchFiles;
import dev.ferrum.parser.internal.CaptureGenerator;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The same-machine Rust workspace builds offline from Debian's crate packages, and its pcap walker counts the
 * same packets and captured bytes as the Java reader on the parser suite's generated file. Skips (with the
 * reason) where cargo or the crates are missing, except under {@code CI=true}, where that is a failure.
 */
class RustWorkspaceTest {

    static RustSide rust;

    @BeforeAll
    static void build() {
        ByteArrayOutputStream log = new ByteArrayOutputStream();
        rust = RustSide.prepare(new PrintStream(log, true, StandardCharsets.UTF_8));
        if (!rust.available()) {
            String why = "Rust side not available: " + rust.whyNotRun();
            if ("true".equals(System.getenv("CI"))) {
                fail(why + " (CI=true: .ci/run installs cargo's crate packages, so this must build)");
            }
            Assumptions.abort(why);
        }
    }

    @Test
    void workspaceIsOfflineAgainstDebiansRegistry() throws Exception {
        Path workspace = RustSide.workspace().orElseThrow();
        assertThat(Files.readString(workspace.resolve(".cargo/config.toml")))
                .contains("replace-with = \"debian\"")
                .contains("directory = \"/usr/share/cargo/registry\"")
                .contains("offline = true");
        assertThat(workspace.resolve("Cargo.lock")).exists();
        assertThat(rust.binary()).isExecutable();
    }

    @Test
    void rustAndJavaCountTheSamePacketsOnTheParserSuitesFile() throws Exception {
        Path file = BenchFiles.ensure(RustRows.PARSER_MEGABYTES);
        assertSameCounts(file);
    }

    @Test
    void rustAndJavaAgreeOnBigEndianNanosecondFraming(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("be-ns.pcap");
        CaptureGenerator.write(file, 1 << 20, 7, ByteOrder.BIG_ENDIAN, true);
        assertSameCounts(file);
    }

    @Test
    void rustRejectsATruncatedFileWithTheOffset(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("cut.pcap");
        CaptureGenerator.write(file, 64 << 10, 7);
        byte[] bytes = Files.readAllBytes(file);
        Files.write(file, java.util.Arrays.copyOf(bytes, bytes.length - 5));
        assertThat(org.assertj.core.api.Assertions.catchThrowable(() -> rust.run(60, "parser-count", file.toString())))
                .hasMessageContaining("runs past the end of the file");
    }

    private static void assertSameCounts(Path file) throws Exception {
        Map<String, JsonNode> out = rust.run(120, "parser-count", file.toString());
        JsonNode counts = out.get("parser.counts");
        long[] java = RustRows.javaCounts(file);
        assertThat(counts.path("packets").asLong())
                .as("packets")
                .isEqualTo(java[0])
                .isPositive();
        assertThat(counts.path("captured_bytes").asLong()).as("captured bytes").isEqualTo(java[1]);
        assertThat(counts.path("file_bytes").asLong()).isEqualTo(Files.size(file));
    }
}
