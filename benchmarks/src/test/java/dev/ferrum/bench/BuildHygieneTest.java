/*
 * Copyright 2026 the Ferrum authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.ferrum.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Project-wide rules that no single module can check for itself: peers stay in benchmarks/, no Unsafe,
 * one exported API package per library, and CI runs the README's test command.
 */
class BuildHygieneTest {

    static final Path ROOT = Path.of("..").toAbsolutePath().normalize();

    static final List<String> LIBRARIES =
            List.of("arena", "lockfree-queue", "zerocopy-parser", "kvstore", "kvstore/server", "units", "matrix");

    static final Pattern PEER =
            Pattern.compile("<artifactId>(jctools-core|agrona|disruptor|rocksdbjni|lmdbjava|mapdb|h2"
                    + "|ejml-[a-z]+|indriya|pcap4j-[a-z-]+|chronicle-map|jmh-core)</artifactId>");

    @Test
    void libraryModulesDoNotDependOnBenchmarkPeers() throws IOException {
        for (String module : LIBRARIES) {
            String pom = Files.readString(ROOT.resolve(module).resolve("pom.xml"));
            Matcher m = PEER.matcher(pom);
            assertThat(m.find())
                    .as("%s/pom.xml must not depend on peer %s", module, m.find(0) ? m.group(1) : "")
                    .isFalse();
        }
    }

    @Test
    void noSourceFileUsesSunMiscUnsafe() throws IOException {
        List<Path> offenders = new ArrayList<>();
        try (Stream<Path> files = Files.walk(ROOT)) {
            for (Path p : files.filter(f -> f.toString().endsWith(".java"))
                    .filter(f -> !f.toString().contains("/target/"))
                    .toList()) {
                String text = Files.readString(p);
                if (text.contains("sun.misc." + "Unsafe")) {
                    offenders.add(ROOT.relativize(p));
                }
            }
        }
        assertThat(offenders).as("files that use the JDK-internal Unsafe class").isEmpty();
    }

    @Test
    void everyLibraryExportsExactlyItsApiPackage() throws IOException {
        Pattern exports = Pattern.compile("^\\s*exports\\s+([\\w.]+)\\s*;", Pattern.MULTILINE);
        for (String module : LIBRARIES) {
            Path info = ROOT.resolve(module).resolve("src/main/java/module-info.java");
            assertThat(info).as("%s has a module-info.java", module).exists();
            Matcher m = exports.matcher(Files.readString(info));
            List<String> exported = new ArrayList<>();
            while (m.find()) {
                exported.add(m.group(1));
            }
            assertThat(exported).as("%s exports", module).hasSize(1);
            assertThat(exported.get(0)).startsWith("dev.ferrum.").doesNotContain("internal");
        }
    }

    @Test
    void ciRunsTheReadmeTestCommandAsWritten() throws IOException {
        String readme = Files.readString(ROOT.resolve("README.md"));
        String ci = Files.readString(ROOT.resolve(".ci/run"));
        Matcher m = Pattern.compile("(?m)^(\\./mvnw -B verify)\\s*$").matcher(readme);
        assertThat(m.find())
                .as("README shows the test command './mvnw -B verify' on a line of its own")
                .isTrue();
        assertThat(ci).containsPattern("(?m)^" + Pattern.quote(m.group(1)) + "\\s*$");
    }
}
