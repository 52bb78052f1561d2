/*
 * Copyright 2026 the Ferrum authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.ferrum.kv.internal.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
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
}
