/*
 * Copyright 2026 the Ferrum authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.ferrum.queue;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * Two creators of the same ring file at the same instant: exactly one {@code create} succeeds, the other gets
 * {@link FileAlreadyExistsException}, and both end up mapping the same file (the loser opens it). Before the
 * fix, {@code create} renamed its temporary file over the path, so both could succeed and map different files.
 */
@Timeout(value = 3, unit = TimeUnit.MINUTES)
class MappedRingBufferRaceTest {

    static final int THREAD_ROUNDS = Boolean.getBoolean("ferrum.long") ? 3_000 : 300;
    static final int PROCESS_ROUNDS = Boolean.getBoolean("ferrum.long") ? 200 : 20;

    @TempDir
    Path dir;

    /** Result of one racer: whether it created the file, and the mapping it ended with. */
    record Outcome(boolean created, MappedRingBuffer mapping) {}

    static Outcome createOrOpen(Path file) throws Exception {
        try {
            return new Outcome(true, MappedRingBuffer.create(file, 1024, MappedRingBuffer.Kind.SPSC));
        } catch (FileAlreadyExistsException e) {
            return new Outcome(false, MappedRingBuffer.open(file));
        }
    }

    @Test
    void twoThreadsCreatingOneFileExactlyOneWinsAndBothMapIt() throws Exception {
        CyclicBarrier start = new CyclicBarrier(2);
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            for (int round = 0; round < THREAD_ROUNDS; round++) {
                Path file = dir.resolve("race-" + round + ".ring");
                List<Future<Outcome>> racers = new ArrayList<>();
                for (int i = 0; i < 2; i++) {
                    racers.add(pool.submit(() -> {
                        start.await();
                        return createOrOpen(file);
                    }));
                }
                Outcome a = racers.get(0).get(30, TimeUnit.SECONDS);
                Outcome b = racers.get(1).get(30, TimeUnit.SECONDS);
                try {
                    assertThat(a.created() ^ b.created())
                            .as("round %d: exactly one creator wins (a %s, b %s)", round, a.created(), b.created())
                            .isTrue();
                    assertThat(a.mapping().epoch())
                            .as("round %d: both map the file the winner created", round)
                            .isEqualTo(b.mapping().epoch());
                    MemorySegment message = MemorySegment.ofArray(new int[] {round});
                    assertThat(a.mapping().ring().write(1, message)).isTrue();
                    int[] seen = {-1};
                    assertThat(b.mapping()
                                    .ring()
                                    .read((t, buf, off, len) -> seen[0] = buf.get(ValueLayout.JAVA_INT_UNALIGNED, off)))
                            .isEqualTo(1);
                    assertThat(seen[0])
                            .as("round %d: a message crosses the two mappings", round)
                            .isEqualTo(round);
                } finally {
                    a.mapping().close();
                    b.mapping().close();
                }
            }
        } finally {
            pool.shutdownNow();
        }
        try (var files = Files.list(dir)) {
            assertThat(files.filter(p -> p.toString().endsWith(".tmp")))
                    .as("no temporary file left")
                    .isEmpty();
        }
    }

    @Test
    void twoProcessesCreatingOneFileExactlyOneWinsAndBothMapIt() throws Exception {
        Process first = RingChild.start("race", dir.toString(), Integer.toString(PROCESS_ROUNDS));
        Process second = RingChild.start("race", dir.toString(), Integer.toString(PROCESS_ROUNDS));
        try (BufferedReader out1 = new BufferedReader(new InputStreamReader(first.getInputStream()));
                BufferedReader out2 = new BufferedReader(new InputStreamReader(second.getInputStream()))) {
            for (int round = 0; round < PROCESS_ROUNDS; round++) {
                assertThat(out1.readLine()).isEqualTo("ready " + round);
                assertThat(out2.readLine()).isEqualTo("ready " + round);
                Files.createFile(dir.resolve("go-" + round)); // both are polling for it: they create at once
                String[] r1 = out1.readLine().split(" ");
                String[] r2 = out2.readLine().split(" ");
                assertThat(r1[0].equals("created") ^ r2[0].equals("created"))
                        .as("round %d: exactly one process creates (%s / %s)", round, r1[0], r2[0])
                        .isTrue();
                assertThat(r1[2])
                        .as("round %d: both map the same file (epoch)", round)
                        .isEqualTo(r2[2]);
                try (MappedRingBuffer m = MappedRingBuffer.open(dir.resolve("race-" + round + ".ring"))) {
                    assertThat(Long.toString(m.epoch())).isEqualTo(r1[2]);
                }
            }
            assertThat(first.waitFor(60, TimeUnit.SECONDS)).isTrue();
            assertThat(second.waitFor(60, TimeUnit.SECONDS)).isTrue();
            assertThat(first.exitValue()).isZero();
            assertThat(second.exitValue()).isZero();
        } finally {
            first.destroyForcibly();
            second.destroyForcibly();
        }
    }
}
