/*
 * Copyright 2026 the Ferrum authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.ferrum.matrix;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The library as a class-path consumer uses it: a separate JVM runs a one-file program (source-launcher mode)
 * against the built classes, once without any flag and once with {@code --add-modules jdk.incubator.vector}.
 * Without the flag the first multiply used to throw {@code NoClassDefFoundError: jdk/incubator/vector/Vector}.
 */
class ClassPathConsumerTest {

    private static final String CONSUMER = """
            import dev.ferrum.matrix.*;

            public class Consumer {
                public static void main(String[] args) {
                    Matrix<N2, N2> a2 = Matrix.of(N2.SIZE, N2.SIZE, 1, 2, 3, 4);
                    System.out.println("2x2 " + java.util.Arrays.toString(a2.times(a2).toArray()));
                    for (int n : new int[] {3, 4, 64}) {
                        DynMatrix a = DynMatrix.identity(n);
                        DynMatrix b = DynMatrix.random(n, n, 1);
                        System.out.println(n + "x" + n + " " + a.times(b).equals(b));
                    }
                    FloatMatrix<N16, N16> f = FloatMatrix.random(N16.SIZE, N16.SIZE, 1, Storage.OFF_HEAP);
                    FloatMatrix<N16, N16> z = FloatMatrix.zeros(N16.SIZE, N16.SIZE);
                    System.out.println("float " + f.times(z).equals(z));
                    System.out.println(dev.ferrum.matrix.internal.Vectorization.describe());
                }
            }
            """;

    @TempDir
    Path dir;

    private List<String> run(String... jvmFlags) throws IOException, InterruptedException {
        Path source = dir.resolve("Consumer.java");
        Files.writeString(source, CONSUMER);
        Path classes = Path.of(
                Matrix.class.getProtectionDomain().getCodeSource().getLocation().getPath());
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.addAll(List.of(jvmFlags));
        command.addAll(List.of("-Xshare:auto", "-XX:TieredStopAtLevel=1", "-cp", classes.toString()));
        command.add(source.toString());
        Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(p.exitValue()).as(out).isZero();
        return out.lines().toList();
    }

    @Test
    void multipliesOnThePlainClassPathWithoutTheVectorModule() throws Exception {
        List<String> out = run();
        assertThat(out).contains("2x2 [7.0, 10.0, 15.0, 22.0]", "3x3 true", "4x4 true", "64x64 true", "float true");
        assertThat(out).noneMatch(line -> line.contains("NoClassDefFoundError"));
        assertThat(out.getLast()).contains("not available").contains("--add-modules jdk.incubator.vector");
    }

    @Test
    void choosesTheVectorKernelsWhenTheModuleIsAdded() throws Exception {
        List<String> out = run("--add-modules", "jdk.incubator.vector");
        assertThat(out).contains("2x2 [7.0, 10.0, 15.0, 22.0]", "3x3 true", "4x4 true", "64x64 true", "float true");
        assertThat(out.getLast()).endsWith("vector kernels").contains("doubles per vector");
    }
}
