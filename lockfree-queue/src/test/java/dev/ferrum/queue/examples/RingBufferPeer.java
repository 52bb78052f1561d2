/*
 * Copyright 2026 the Ferrum authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.ferrum.queue.examples;

import dev.ferrum.queue.MappedRingBuffer;
import dev.ferrum.queue.MessageHandler;
import dev.ferrum.queue.RingBuffer;
import dev.ferrum.queue.TestMessages;
import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;

/**
 * Runnable example: one side of a ring buffer shared between two processes through a memory-mapped file.
 *
 * <pre>
 * java --enable-native-access=ALL-UNNAMED -cp ... dev.ferrum.queue.examples.RingBufferPeer create  /tmp/ring 65536 SPSC
 * java --enable-native-access=ALL-UNNAMED -cp ... dev.ferrum.queue.examples.RingBufferPeer consume /tmp/ring 100000 &amp;
 * java --enable-native-access=ALL-UNNAMED -cp ... dev.ferrum.queue.examples.RingBufferPeer produce /tmp/ring 100000 0
 * </pre>
 *
 * The producer writes {@code count} self-checking messages ({@link TestMessages}: producer id, sequence,
 * filler, FNV-1a checksum); the consumer verifies each one and its order and prints a summary. Exit code
 * 0 on success, 1 on a bad message, 2 on timeout (60 s without progress), 64 on bad arguments.
 */
public final class RingBufferPeer {

    /** Largest test message; both sides must agree on it (the lengths vary with the sequence number). */
    public static final int MAX_MESSAGE_BYTES = 300;

    private static final long STALL_NANOS = TimeUnit.SECONDS.toNanos(60);

    private RingBufferPeer() {}

    /**
     * Entry point.
     *
     * @param args {@code create <file> <capacity> <SPSC|MPSC>}, {@code produce <file> <count> <producerId>}
     *             or {@code consume <file> <count> [producers]}
     * @throws Exception on I/O errors
     */
    public static void main(String[] args) throws Exception {
        if (args.length < 3) {
            System.err.println(
                    "usage: create <file> <capacity> <SPSC|MPSC> | produce <file> <count> <id> | consume <file> <count> [producers]");
            System.exit(64);
        }
        Path file = Path.of(args[1]);
        int code = switch (args[0]) {
            case "create" -> {
                try (MappedRingBuffer m = MappedRingBuffer.create(
                        file, Integer.parseInt(args[2]), MappedRingBuffer.Kind.valueOf(args[3]))) {
                    System.out.println("created " + m);
                }
                yield 0;
            }
            case "produce" -> produce(file, Integer.parseInt(args[2]), Integer.parseInt(args[3]));
            case "consume" -> consume(file, Integer.parseInt(args[2]), args.length > 3 ? Integer.parseInt(args[3]) : 1);
            default -> 64;
        };
        System.exit(code);
    }

    /** Writes {@code count} messages as producer {@code id}. @return the exit code */
    static int produce(Path file, int count, int id) throws Exception {
        try (MappedRingBuffer mapped = MappedRingBuffer.open(file);
                Arena arena = Arena.ofConfined()) {
            RingBuffer ring = mapped.ring();
            MemorySegment scratch = arena.allocate(MAX_MESSAGE_BYTES);
            long start = System.nanoTime();
            for (int seq = 0; seq < count; seq++) {
                int length = TestMessages.length(id, seq, MAX_MESSAGE_BYTES);
                TestMessages.write(scratch, id, seq, length);
                long stalledSince = System.nanoTime();
                int attempt = 0;
                while (!ring.write(1 + id, scratch, 0, length)) { // full: the consumer is behind
                    if (System.nanoTime() - stalledSince > STALL_NANOS) {
                        System.err.println("producer " + id + ": no room for 60 s at seq " + seq);
                        return 2;
                    }
                    idle(attempt++);
                }
            }
            System.out.printf(
                    "producer %d wrote %d messages in %.1f ms%n", id, count, (System.nanoTime() - start) / 1e6);
            return 0;
        }
    }

    /** Reads {@code producers * count} messages, checking each and the per-producer order. @return the exit code */
    static int consume(Path file, int count, int producers) throws Exception {
        try (MappedRingBuffer mapped = MappedRingBuffer.open(file)) {
            Consumer consumer = new Consumer(producers);
            String problem = consumer.consume(mapped.ring(), (long) count * producers);
            if (problem != null) {
                System.err.println(problem);
                return problem.startsWith("timeout") ? 2 : 1;
            }
            System.out.println("consumed " + consumer.received + " messages, all intact and in order");
            return 0;
        }
    }

    /** Checks messages from {@code producers} producers: intact, per-producer sequence 0, 1, 2, ... */
    public static final class Consumer implements MessageHandler {
        private final int[] next;
        private String problem;
        private long received;

        /** @param producers how many producers write (ids 0 .. producers-1) */
        public Consumer(int producers) {
            this.next = new int[producers];
        }

        @Override
        public void onMessage(int type, MemorySegment buffer, long offset, int length) {
            if (problem != null) {
                return;
            }
            String bad = TestMessages.verify(buffer, offset, length, MAX_MESSAGE_BYTES);
            int producer = TestMessages.producer(buffer, offset);
            int seq = TestMessages.seq(buffer, offset);
            if (bad == null && (producer < 0 || producer >= next.length || type != 1 + producer)) {
                bad = "unexpected producer " + producer + " / type " + type;
            }
            if (bad == null && seq != next[producer]) {
                bad = "producer " + producer + ": seq " + seq + " arrived, expected " + next[producer];
            }
            if (bad != null) {
                problem = "message " + received + ": " + bad;
                return;
            }
            next[producer]++;
            received++;
        }

        /**
         * Reads until {@code total} messages arrived, a bad one arrived, or 60 s pass without progress.
         *
         * @param ring  the ring to read
         * @param total messages expected
         * @return null on success, else what went wrong
         */
        public String consume(RingBuffer ring, long total) {
            long lastProgress = System.nanoTime();
            int attempt = 0;
            while (received < total && problem == null) {
                if (ring.read(this, 256) > 0) {
                    lastProgress = System.nanoTime();
                    attempt = 0;
                } else {
                    if (System.nanoTime() - lastProgress > STALL_NANOS) {
                        return "timeout: " + received + " of " + total + " messages after 60 s without progress";
                    }
                    idle(attempt++);
                }
            }
            return problem;
        }

        /** @return messages received intact and in order so far */
        public long received() {
            return received;
        }
    }

    /** Spin briefly, then park a little: two processes on a 2-core machine must not starve each other. */
    private static void idle(int attempt) {
        if (attempt < 64) {
            Thread.onSpinWait();
        } else {
            LockSupport.parkNanos(attempt < 1_000 ? 1_000 : 50_000);
        }
    }
}
