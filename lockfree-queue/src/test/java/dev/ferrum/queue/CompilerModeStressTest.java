/*
 * Copyright 2026 the Ferrum authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.ferrum.queue;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.foreign.Arena;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The stress runs again in child JVMs under each compiler configuration, because the interpreter, C1 and
 * C2 reorder differently and a missing barrier may show under one only (the JDK's own concurrency tests
 * do the same). Smaller counts than {@link QueueStressTest}: the interpreter is slow.
 */
@Timeout(value = 5, unit = TimeUnit.MINUTES)
class CompilerModeStressTest {

    @ParameterizedTest
    @ValueSource(strings = {"-Xint", "-XX:TieredStopAtLevel=1", "-XX:-TieredCompilation"})
    void stressPassesUnderEveryCompiler(String mode) throws Exception {
        String java = ProcessHandle.current()
                .info()
                .command()
                .orElse(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        int elements = mode.equals("-Xint") ? 10_000 : 50_000;
        if (Boolean.getBoolean("ferrum.long")) {
            elements *= 10;
        }
        List<String> command = new ArrayList<>(List.of(
                java,
                mode,
                "--enable-native-access=ALL-UNNAMED",
                "-Xmx256m",
                "-cp",
                System.getProperty("java.class.path"),
                Main.class.getName(),
                Integer.toString(elements)));
        Process child = new ProcessBuilder(command).redirectErrorStream(true).start();
        try {
            boolean exited = child.waitFor(4, TimeUnit.MINUTES);
            String output = new String(child.getInputStream().readAllBytes());
            assertThat(exited)
                    .as("child (%s) finished in time: %s", mode, output)
                    .isTrue();
            assertThat(child.exitValue())
                    .as("child (%s) exit code; output:%n%s", mode, output)
                    .isZero();
            assertThat(output).contains("all passed");
        } finally {
            child.destroyForcibly();
        }
    }

    /** Child entry point: the stress scenarios with {@code args[0]} elements per producer. */
    public static final class Main {
        private Main() {}

        /**
         * Runs the scenarios.
         *
         * @param args elements per producer
         */
        public static void main(String[] args) {
            int n = Integer.parseInt(args[0]);
            try {
                SpscQueue<Long> spsc = new SpscQueue<>(16);
                StressSupport.run(1, 1, n, StressSupport.offering(spsc), StressSupport.polling(spsc));
                SpscQueue<Long> spscBatch = new SpscQueue<>(16);
                StressSupport.run(1, 1, n, StressSupport.filling(spscBatch), StressSupport.draining(spscBatch));
                MpmcQueue<Long> mpmc = new MpmcQueue<>(8);
                StressSupport.run(2, 2, n / 2, StressSupport.offering(mpmc), StressSupport.polling(mpmc));
                try (Arena arena = Arena.ofShared()) {
                    RingBufferConcurrencyTest.run(
                            new SpscRingBuffer(arena.allocate(RingBuffer.bytesFor(1024), 64)), 1, n);
                    RingBufferConcurrencyTest.run(
                            new MpscRingBuffer(arena.allocate(RingBuffer.bytesFor(1024), 64)), 2, n / 2);
                }
                System.out.println("all passed");
                System.exit(0);
            } catch (Throwable t) {
                t.printStackTrace(System.out);
                System.exit(1);
            }
        }
    }
}
