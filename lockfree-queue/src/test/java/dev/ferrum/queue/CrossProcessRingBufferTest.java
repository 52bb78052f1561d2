/*
 * Copyright 2026 the Ferrum authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.ferrum.queue;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ferrum.queue.examples.RingBufferPeer;
import java.io.IOException;
import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * A ring buffer in a memory-mapped file between this JVM and child JVMs running {@link RingBufferPeer}:
 * every message arrives intact (checksum) and in order, in both directions and with two producer processes.
 * Children are bounded (they exit after 60 s without progress) and destroyed in {@code finally}.
 */
@Timeout(value = 5, unit = TimeUnit.MINUTES)
class CrossProcessRingBufferTest {

    static final int MESSAGES = Boolean.getBoolean("ferrum.long") ? 2_000_000 : 100_000;

    @TempDir
    Path dir;

    private static Process startPeer(String... args) throws IOException {
        String java = ProcessHandle.current()
                .info()
                .command()
                .orElse(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        List<String> command = new ArrayList<>(List.of(
                java,
                "--enable-native-access=ALL-UNNAMED",
                "-Xmx64m",
                "-cp",
                System.getProperty("java.class.path"),
                RingBufferPeer.class.getName()));
        command.addAll(List.of(args));
        return new ProcessBuilder(command)
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.PIPE)
                .start();
    }

    /** Waits for the child and returns its output; fails with the output if it did not exit 0. */
    private static String awaitSuccess(Process child) throws Exception {
        boolean exited = child.waitFor(120, TimeUnit.SECONDS);
        String output = new String(child.getInputStream().readAllBytes());
        assertThat(exited).as("child exited in time; output: %s", output).isTrue();
        assertThat(child.exitValue()).as("child exit code; output: %s", output).isZero();
        return output;
    }

    @Test
    void childProducerToThisConsumer() throws Exception {
        Path file = dir.resolve("spsc.ring");
        try (MappedRingBuffer mapped = MappedRingBuffer.create(file, 64 * 1024, MappedRingBuffer.Kind.SPSC)) {
            Process child = startPeer("produce", file.toString(), Integer.toString(MESSAGES), "0");
            try {
                RingBufferPeer.Consumer consumer = new RingBufferPeer.Consumer(1);
                assertThat(consumer.consume(mapped.ring(), MESSAGES)).isNull();
                assertThat(consumer.received()).isEqualTo(MESSAGES);
                assertThat(awaitSuccess(child)).contains("wrote " + MESSAGES);
                assertThat(mapped.ring().read((t, b, o, l) -> {}))
                        .as("nothing after the last message")
                        .isZero();
            } finally {
                child.destroyForcibly();
            }
        }
    }

    @Test
    void thisProducerToChildConsumer() throws Exception {
        Path file = dir.resolve("reverse.ring");
        try (MappedRingBuffer mapped = MappedRingBuffer.create(file, 64 * 1024, MappedRingBuffer.Kind.SPSC);
                Arena arena = Arena.ofConfined()) {
            Process child = startPeer("consume", file.toString(), Integer.toString(MESSAGES));
            try {
                RingBuffer ring = mapped.ring();
                MemorySegment scratch = arena.allocate(RingBufferPeer.MAX_MESSAGE_BYTES);
                long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(120);
                for (int seq = 0; seq < MESSAGES; seq++) {
                    int length = TestMessages.length(0, seq, RingBufferPeer.MAX_MESSAGE_BYTES);
                    TestMessages.write(scratch, 0, seq, length);
                    while (!ring.write(1, scratch, 0, length)) {
                        assertThat(child.isAlive() && System.nanoTime() < deadline)
                                .as("child consumer alive and in time at seq %d", seq)
                                .isTrue();
                        Thread.yield();
                    }
                }
                assertThat(awaitSuccess(child)).contains("consumed " + MESSAGES + " messages, all intact and in order");
                assertThat(ring.consumedBytes()).isEqualTo(ring.producedBytes());
            } finally {
                child.destroyForcibly();
            }
        }
    }

    @Test
    void twoChildProducersIntoOneMpscFile() throws Exception {
        Path file = dir.resolve("mpsc.ring");
        int each = MESSAGES / 2;
        try (MappedRingBuffer mapped = MappedRingBuffer.create(file, 64 * 1024, MappedRingBuffer.Kind.MPSC)) {
            assertThat(mapped.ring()).isInstanceOf(MpscRingBuffer.class);
            Process first = startPeer("produce", file.toString(), Integer.toString(each), "0");
            Process second = startPeer("produce", file.toString(), Integer.toString(each), "1");
            try {
                RingBufferPeer.Consumer consumer = new RingBufferPeer.Consumer(2);
                assertThat(consumer.consume(mapped.ring(), 2L * each)).isNull();
                awaitSuccess(first);
                awaitSuccess(second);
            } finally {
                first.destroyForcibly();
                second.destroyForcibly();
            }
        }
        assertThat(Files.size(file)).isEqualTo(MappedRingBuffer.fileBytes(64 * 1024));
    }
}
