/*
 * Copyright 2026 the Ferrum authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.ferrum.bench.support;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * A measurement in a second JVM: the same {@code java} and class path as this one, the flags the suite asks
 * for, a main class and its arguments. Children report on a line starting with {@code RESULT } (see
 * {@link #resultFields}); everything else they print is kept for the log.
 *
 * <pre>{@code
 * ChildJvm.Output out = ChildJvm.of(PingPong.class).jvmArgs("-Xmx256m").args("spsc", "1024").run(Duration.ofMinutes(5));
 * Map<String, String> r = out.result().orElseThrow();
 * }</pre>
 *
 * <p>Every launch adds {@code --enable-native-access=ALL-UNNAMED} (the libraries make restricted FFM calls)
 * and never outlives its caller: a child that does not finish in time is killed and reported as such.
 */
public final class ChildJvm {

    private final String mainClass;
    private final List<String> jvmArgs = new ArrayList<>();
    private final List<String> args = new ArrayList<>();
    private String classPath = System.getProperty("java.class.path");

    private ChildJvm(String mainClass) {
        this.mainClass = mainClass;
    }

    /** A child JVM running {@code mainClass}'s {@code main}. */
    public static ChildJvm of(Class<?> mainClass) {
        return new ChildJvm(mainClass.getName());
    }

    /** A child JVM running the named main class (one that is on this JVM's class path). */
    public static ChildJvm of(String mainClass) {
        return new ChildJvm(mainClass);
    }

    /** The {@code java} executable of this JVM, so the child runs on the same JDK. */
    public static String javaExecutable() {
        return ProcessHandle.current()
                .info()
                .command()
                .orElse(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    }

    /** Adds JVM flags ({@code -Xmx256m}, {@code -XX:+UseSerialGC}, ...). */
    public ChildJvm jvmArgs(List<String> flags) {
        jvmArgs.addAll(flags);
        return this;
    }

    /** Adds JVM flags. */
    public ChildJvm jvmArgs(String... flags) {
        return jvmArgs(List.of(flags));
    }

    /** Adds program arguments. */
    public ChildJvm args(List<String> arguments) {
        args.addAll(arguments);
        return this;
    }

    /** Adds program arguments. */
    public ChildJvm args(String... arguments) {
        return args(List.of(arguments));
    }

    /** Replaces the class path (default: this JVM's, which under {@code java -jar} is benchmarks.jar). */
    public ChildJvm classPath(String path) {
        this.classPath = path;
        return this;
    }

    /** The full command line. */
    public List<String> command() {
        List<String> cmd = new ArrayList<>();
        cmd.add(javaExecutable());
        cmd.add("--enable-native-access=ALL-UNNAMED");
        cmd.addAll(jvmArgs);
        cmd.add("-cp");
        cmd.add(classPath);
        cmd.add(mainClass);
        cmd.addAll(args);
        return cmd;
    }

    /** Starts the child with standard output and error merged into {@code log}; the caller waits for it. */
    public Process start(Path log) throws IOException {
        return new ProcessBuilder(command())
                .redirectErrorStream(true)
                .redirectOutput(log.toFile())
                .start();
    }

    /**
     * Runs the child to completion, collecting standard output and error (merged).
     *
     * @param timeout how long it may take; a child still running then is killed
     * @return what it printed and how it exited
     * @throws IllegalStateException if it did not finish within {@code timeout}
     */
    public Output run(Duration timeout) throws IOException, InterruptedException {
        Path log = Files.createTempFile("ferrum-child-", ".log");
        Process p = start(log);
        try {
            if (!p.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
                p.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
                throw new IllegalStateException(mainClass + " did not finish within " + timeout + "; it printed: "
                        + tail(Files.readString(log, StandardCharsets.UTF_8)));
            }
            return new Output(command(), p.exitValue(), Files.readString(log, StandardCharsets.UTF_8));
        } finally {
            p.destroyForcibly();
            Files.deleteIfExists(log);
        }
    }

    private static String tail(String text) {
        String s = text.strip();
        return s.length() <= 2000 ? s : "..." + s.substring(s.length() - 2000);
    }

    /**
     * What a child printed and how it exited.
     *
     * @param command  the command line, for the log
     * @param exitCode its exit status
     * @param text     standard output and error, merged
     */
    public record Output(List<String> command, int exitCode, String text) {

        /** The last {@code RESULT } line, if any. */
        public Optional<String> resultLine() {
            return text.lines().filter(l -> l.startsWith("RESULT ")).reduce((a, b) -> b);
        }

        /** The {@code key=value} fields of the last {@code RESULT } line, if any. */
        public Optional<Map<String, String>> result() {
            return resultLine().map(ChildJvm::resultFields);
        }

        /**
         * The text, unless the child failed.
         *
         * @throws IllegalStateException naming the exit status and quoting the output
         */
        public Output requireSuccess() {
            if (exitCode != 0) {
                throw new IllegalStateException("child JVM exited with status " + exitCode + ": " + tail(text));
            }
            return this;
        }

        /** The command and what it printed, as one log entry. */
        public String log() {
            return "$ " + String.join(" ", command) + "\n" + text + "\n";
        }
    }

    /**
     * The {@code key=value} fields of a {@code RESULT} line ({@code RESULT a=1 b=x}), in order; words without
     * {@code =} are skipped.
     */
    public static Map<String, String> resultFields(String line) {
        Map<String, String> fields = new LinkedHashMap<>();
        String body = line.startsWith("RESULT ") ? line.substring("RESULT ".length()) : line;
        for (String word : body.trim().split("\\s+")) {
            int eq = word.indexOf('=');
            if (eq > 0) {
                fields.put(word.substring(0, eq), word.substring(eq + 1));
            }
        }
        return fields;
    }
}
