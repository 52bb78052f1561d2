/*
 * Copyright 2026 the Ferrum authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.ferrum.queue;

import java.io.IOException;
import java.lang.foreign.MemorySegment;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * A child JVM for the crash and race tests of {@link MappedRingBuffer}: in the package, so that it can stop a
 * producer exactly between claim and publish ({@link MpscRingBuffer#claim}).
 *
 * <ul>
 *   <li>{@code race <dir> <rounds>}: per round, prints {@code ready r}, waits for {@code go-r}, then creates
 *       {@code race-r.ring} or (if it exists) opens it, and prints {@code created|opened r <epoch>}.</li>
 *   <li>{@code claim <file>}: opens an MPSC ring, claims space for a 24-byte message without publishing it,
 *       prints {@code claimed <offset>} and sleeps until killed.</li>
 *   <li>{@code own <file>}: creates an MPSC ring, writes one message (type 7), prints {@code created} and
 *       sleeps until killed, leaving the file with a dead owner.</li>
 * </ul>
 */
final class RingChild {

    private RingChild() {}

    static Process start(String... args) throws IOException {
        String java = ProcessHandle.current()
                .info()
                .command()
                .orElse(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        List<String> command = new ArrayList<>(List.of(
                java,
                "--enable-native-access=ALL-UNNAMED",
                "-Xmx32m",
                "-XX:TieredStopAtLevel=1",
                "-Xshare:auto",
                "-cp",
                System.getProperty("java.class.path"),
                RingChild.class.getName()));
        command.addAll(List.of(args));
        return new ProcessBuilder(command)
                .redirectError(ProcessBuilder.Redirect.INHERIT)
                .redirectOutput(ProcessBuilder.Redirect.PIPE)
                .start();
    }

    public static void main(String[] args) throws Exception {
        switch (args[0]) {
            case "race" -> race(Path.of(args[1]), Integer.parseInt(args[2]));
            case "claim" -> {
                MappedRingBuffer m = MappedRingBuffer.open(Path.of(args[1]));
                long offset = ((MpscRingBuffer) m.ring()).claim(8 + 24); // header + payload
                System.out.println("claimed " + offset);
                System.out.flush();
                Thread.sleep(Long.MAX_VALUE);
            }
            case "own" -> {
                MappedRingBuffer m = MappedRingBuffer.create(Path.of(args[1]), 1024, MappedRingBuffer.Kind.MPSC);
                m.ring().write(7, MemorySegment.ofArray(new byte[] {1, 2, 3}));
                System.out.println("created " + m.epoch());
                System.out.flush();
                Thread.sleep(Long.MAX_VALUE);
            }
            default -> System.exit(64);
        }
    }

    private static void race(Path dir, int rounds) throws Exception {
        for (int round = 0; round < rounds; round++) {
            System.out.println("ready " + round);
            System.out.flush();
            Path go = dir.resolve("go-" + round);
            long deadline = System.nanoTime() + 60_000_000_000L;
            while (!Files.exists(go)) {
                if (System.nanoTime() > deadline) {
                    System.exit(2);
                }
                Thread.onSpinWait();
            }
            Path file = dir.resolve("race-" + round + ".ring");
            String what;
            MappedRingBuffer m;
            try {
                m = MappedRingBuffer.create(file, 1024, MappedRingBuffer.Kind.SPSC);
                what = "created";
            } catch (FileAlreadyExistsException e) {
                m = MappedRingBuffer.open(file);
                what = "opened";
            }
            System.out.println(what + " " + round + " " + m.epoch());
            System.out.flush();
            m.close();
        }
    }
}
