/*
 * Copyright 2026 the Ferrum authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.ferrum.kv.server.internal.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The ferrum-kv command line, run in-process through picocli. */
class FerrumKvTest {

    @TempDir
    Path dir;

    record Result(int code, String out, String err) {}

    Result run(String... args) {
        PrintStream oldOut = System.out;
        PrintStream oldErr = System.err;
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        try {
            System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
            System.setErr(new PrintStream(err, true, StandardCharsets.UTF_8));
            int code = FerrumKv.run(args);
            return new Result(code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
        } finally {
            System.setOut(oldOut);
            System.setErr(oldErr);
        }
    }

    @Test
    void putGetDelScanStatsCompact() {
        String d = dir.toString();
        assertThat(run("-d", d, "put", "hello", "world").code()).isZero();
        assertThat(run("-d", d, "put", "hello", "again").code()).isZero();
        assertThat(run("-d", d, "put", "other", "x").code()).isZero();
        Result get = run("-d", d, "get", "hello");
        assertThat(get.code()).isZero();
        assertThat(get.out().trim()).isEqualTo("again");
        assertThat(run("-d", d, "scan").out()).contains("hello\tagain").contains("other\tx");
        assertThat(run("-d", d, "del", "other").code()).isZero();
        assertThat(run("-d", d, "del", "other").code()).isEqualTo(1);
        Result missing = run("-d", d, "get", "other");
        assertThat(missing.code()).isEqualTo(1);
        assertThat(missing.out().trim()).isEqualTo("(nil)");
        assertThat(run("-d", d, "compact").out()).contains("reclaimed");
        Result stats = run("-d", d, "stats");
        assertThat(stats.out()).contains("keys:            1").contains("damaged regions");
    }

    @Test
    void benchRunsTheSessionAndChecksEveryValue() {
        Result r = run("--durability", "NO_SYNC", "bench", "--keys", "20000", "--warmup", "1000", "--no-progress");
        assertThat(r.code()).isZero();
        assertThat(r.out())
                .contains("Writing 20,000 keys... DONE")
                .contains("Reading 20,000 keys... DONE")
                .contains("Throughput:")
                .contains("Memory Usage:")
                .contains("RESULT warmup=1000 write_s=")
                .doesNotContain("ERROR");
    }

    @Test
    @SuppressWarnings("try") // the open store only holds the lock
    void lockedStoreGivesAClearErrorAndExitCode() {
        try (var kv = dev.ferrum.kv.KvStore.open(dir)) {
            Result r = run("-d", dir.toString(), "get", "k");
            assertThat(r.code()).isEqualTo(2);
            assertThat(r.err()).contains("already open for writing");
        }
    }

    static final List<String> SUBCOMMANDS = List.of("put", "get", "del", "scan", "stats", "compact", "bench", "serve");

    @Test
    void everySubcommandHasHelpAndVersion() {
        for (String sub : SUBCOMMANDS) {
            Result help = run(sub, "--help");
            assertThat(help.code()).as(sub + " --help").isZero();
            assertThat(help.out())
                    .as(sub + " --help")
                    .contains("Usage: ferrum-kv " + sub)
                    .contains("--version");
            assertThat(help.err()).as(sub + " --help").isEmpty();
            Result version = run(sub, "--version");
            assertThat(version.code()).as(sub + " --version").isZero();
            assertThat(version.out()).as(sub + " --version").startsWith("ferrum-kv ");
        }
        assertThat(run("--help").out()).contains("Usage: ferrum-kv");
        assertThat(run("--version").out()).startsWith("ferrum-kv ");
    }

    @Test
    void readOnlyCommandsOnAMistypedDirectoryCreateNothing() throws Exception {
        Path missing = dir.resolve("no-such-store");
        for (List<String> cmd : List.of(
                List.of("get", "k"), List.of("scan"), List.of("stats"), List.of("del", "k"), List.of("compact"))) {
            List<String> args = new java.util.ArrayList<>(List.of("-d", missing.toString()));
            args.addAll(cmd);
            Result r = run(args.toArray(String[]::new));
            assertThat(r.code()).as(cmd.toString()).isEqualTo(2);
            assertThat(r.err()).as(cmd.toString()).contains(missing + " has no store");
            assertThat(missing).as(cmd.toString()).doesNotExist();
        }
        // an existing directory that holds no store: refused, left empty
        Path empty = Files.createDirectory(dir.resolve("empty"));
        Result r = run("-d", empty.toString(), "get", "k");
        assertThat(r.code()).isEqualTo(2);
        assertThat(r.err()).contains("has no store");
        try (var files = Files.list(empty)) {
            assertThat(files).isEmpty();
        }
        // put creates it; then get works
        assertThat(run("-d", missing.toString(), "put", "k", "v").code()).isZero();
        assertThat(run("-d", missing.toString(), "get", "k").out().trim()).isEqualTo("v");
    }

    @Test
    void errorMessagesKeepTheirCause() throws Exception {
        Path file = Files.writeString(dir.resolve("plain-file"), "x");
        Result r = run("-d", file.toString(), "get", "k");
        assertThat(r.code()).isEqualTo(2);
        assertThat(r.err()).contains("not a directory");
        Result put = run("-d", file.resolve("sub").toString(), "put", "k", "v");
        assertThat(put.code()).isEqualTo(2);
        assertThat(put.err()).containsIgnoringCase("not a directory");
    }

    @Test
    void permissionDeniedIsSpelledOut() throws Exception {
        assumeTrue(!"root".equals(System.getProperty("user.name")), "root ignores file permissions");
        Path locked = Files.createDirectory(dir.resolve("locked"));
        Files.setPosixFilePermissions(locked, PosixFilePermissions.fromString("r-x------"));
        try {
            Result r = run("-d", locked.resolve("store").toString(), "put", "k", "v");
            assertThat(r.code()).isEqualTo(2);
            assertThat(r.err()).contains("permission denied");
        } finally {
            Files.setPosixFilePermissions(locked, PosixFilePermissions.fromString("rwx------"));
        }
    }

    @Test
    void invalidNumbersAreRejectedNamingTheOption() {
        String d = dir.toString();
        assertThat(run("-d", d, "put", "k", "v").code()).isZero();
        Result notANumber = run("-d", d, "scan", "--limit", "ten");
        assertThat(notANumber.code()).isEqualTo(2);
        assertThat(notANumber.err()).contains("--limit").contains("ten");
        Result negative = run("-d", d, "scan", "--limit", "-5");
        assertThat(negative.code()).isEqualTo(2);
        assertThat(negative.err()).contains("'--limit'").contains("-5");
        Result port = run("-d", d, "serve", "--port", "70000");
        assertThat(port.code()).isEqualTo(2);
        assertThat(port.err()).contains("'--port'").contains("70000");
        Result keys = run("bench", "--keys", "0");
        assertThat(keys.code()).isEqualTo(2);
        assertThat(keys.err()).contains("'--keys'");
        Result sync = run("-d", d, "--sync-ms", "0", "get", "k");
        assertThat(sync.code()).isEqualTo(2);
        assertThat(sync.err()).contains("'--sync-ms'");
        Result durability = run("-d", d, "--durability", "SOMETIMES", "get", "k");
        assertThat(durability.code()).isEqualTo(2);
        assertThat(durability.err()).contains("--durability").contains("SOMETIMES");
    }

    @Test
    void emptyKeysRoundTrip() {
        String d = dir.toString();
        assertThat(run("-d", d, "put", "", "empty-key value").code()).isZero();
        assertThat(run("-d", d, "get", "").out().trim()).isEqualTo("empty-key value");
        assertThat(run("-d", d, "scan").out()).contains("\tempty-key value");
    }
}
