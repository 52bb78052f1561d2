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
 * Project-wide rules that no single module can check for itself: one exported API package per library, one
 * JDK finder for every launcher, and CI runs the README's test command.
 */
class BuildHygieneTest {

    static final Path ROOT = Path.of("..").toAbsolutePath().normalize();

    static final List<String> LIBRARIES =
            List.of("arena", "lockfree-queue", "zerocopy-parser", "kvstore", "kvstore/server", "units", "matrix");

    // Peers in library modules and Unsafe are caught by the build itself (maven-enforcer's bannedDependencies,
    // transitive ones included, and forbiddenapis on the compiled classes): see the root pom.xml.

    @Test
    void everyLauncherUsesTheOneJdkFinder() throws IOException {
        assertThat(ROOT.resolve(".mvn/find-jdk.sh")).exists();
        assertThat(Files.readString(ROOT.resolve("mvnw")))
                .as("mvnw sources .mvn/find-jdk.sh (re-add the two lines after regenerating the wrapper)")
                .contains(". \"$(dirname \"$0\")/.mvn/find-jdk.sh\"")
                .contains("ferrum_find_jdk || exit 1")
                .doesNotContain("ferrum_java_major() {");
        assertThat(Files.readString(ROOT.resolve("mvnw.cmd")))
                .as("mvnw.cmd dot-sources .mvn/find-jdk.ps1 and takes the JAVA_HOME it prints")
                .contains(". \"$scriptDir/.mvn/find-jdk.ps1\"")
                .contains("IF \"%%A\"==\"JAVA_HOME\"");
        try (Stream<Path> files = Files.walk(ROOT, 4)) {
            List<Path> launchers = files.filter(p -> p.getParent() != null
                            && p.getParent().getFileName().toString().equals("bin")
                            && !p.toString().contains("/target/"))
                    .toList();
            assertThat(launchers).as("the CLI launchers").isNotEmpty();
            for (Path launcher : launchers) {
                assertThat(Files.readString(launcher))
                        .as("%s uses .mvn/find-jdk.sh, not a JDK search of its own", ROOT.relativize(launcher))
                        .contains(".mvn/find-jdk.sh")
                        .contains("ferrum_find_jdk")
                        .doesNotContain("/usr/lib/jvm");
            }
        }
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
