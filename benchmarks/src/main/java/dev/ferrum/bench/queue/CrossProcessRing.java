/*
 * Copyright 2026 the Ferrum authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.ferrum.bench.queue;

import dev.ferrum.bench.support.ChildJvm;
import dev.ferrum.queue.MappedRingBuffer;
import dev.ferrum.queue.MessageHandler;
import dev.ferrum.queue.MpscRingBuffer;
import dev.ferrum.queue.RingBuffer;
import dev.ferrum.queue.SpscRingBuffer;
import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * The ring buffer between two JVMs through the library's {@link MappedRingBuffer}: this JVM creates the
 * file and consumes ({@link #consume}), a child JVM ({@link #main}) opens it and produces.
 *
 * <p>Message {@code i} (warm-up messages have type {@value #WARMUP_TYPE}, measured ones {@value #MEASURED_TYPE})
 * carries {@code i} in its first long and {@code mix(i)} in its last, so the consumer checks order, count and
 * both ends of every payload. Throughput is timed on the consumer only, from the first measured message to
 * the last: no clock is compared across processes.
 */
public final class CrossProcessRing {

    static final int WARMUP_TYPE = 2;
    static final int MEASURED_TYPE = 1;
    /** The last message: its first long is the number of measured messages sent. */
    static final int END_TYPE = 3;

    private CrossProcessRing() {}

    /**
     * Outcome of one transfer, already verified.
     *
     * @param variant       {@code spsc} or {@code mpsc}
     * @param messageBytes  payload bytes per message
     * @param messages      measured messages received (equal to the count sent, checked)
     * @param warmup        warm-up messages received before them
     * @param nanos         consumer time from the first measured message to the end message
     * @param checksum      sum of the sequence numbers received
     */
    public record Result(String variant, int messageBytes, long messages, long warmup, long nanos, long checksum) {

        /** Messages per second over the timed span (as many intervals as measured messages: the end message closes it). */
        public double messagesPerSecond() {
            return messages / (nanos / 1e9);
        }

        /** Payload megabytes (10^6) per second. */
        public double megabytesPerSecond() {
            return messagesPerSecond() * messageBytes / 1e6;
        }
    }

    /** The value the producer puts in the last long of message {@code i} (a cheap mixing function). */
    static long mix(long i) {
        return i * 0x9E3779B97F4A7C15L ^ 0x5DEECE66DL;
    }

    static RingBuffer wrap(String variant, MemorySegment segment) {
        return switch (variant) {
            case "spsc" -> new SpscRingBuffer(segment);
            case "mpsc" -> new MpscRingBuffer(segment);
            default -> throw new IllegalArgumentException("variant must be spsc or mpsc, was " + variant);
        };
    }

    static MappedRingBuffer.Kind kind(String variant) {
        return switch (variant) {
            case "spsc" -> MappedRingBuffer.Kind.SPSC;
            case "mpsc" -> MappedRingBuffer.Kind.MPSC;
            default -> throw new IllegalArgumentException("variant must be spsc or mpsc, was " + variant);
        };
    }

    /** A path for a new ring file, in /dev/shm (memory, no write-back) when the machine has it. */
    static Path newFile() {
        Path shm = Path.of("/dev/shm");
        Path dir =
                Files.isDirectory(shm) && Files.isWritable(shm) ? shm : Path.of(System.getProperty("java.io.tmpdir"));
        return dir.resolve("ferrum-ring-" + ProcessHandle.current().pid() + "-" + System.nanoTime() + ".bin");
    }

    /**
     * Producer: writes up to {@code warmup} warm-up messages (at most {@code maxNanos / 2}), then up to
     * {@code count} measured ones (at most {@code maxNanos}), then an end message carrying how many measured
     * messages it sent. The time limits keep the run bounded on a loaded machine; the consumer checks the count.
     *
     * @return {@code {measured messages sent, sum of their sequence numbers, warm-up messages sent}}
     */
    static long[] produce(RingBuffer ring, int messageBytes, long warmup, long count, long maxNanos) {
        try (Arena arena = Arena.ofConfined()) {
            MemorySegment source = arena.allocate(messageBytes, 64);
            long start = System.nanoTime();
            long warmed = send(ring, source, WARMUP_TYPE, warmup, start + maxNanos / 2);
            long sent = send(ring, source, MEASURED_TYPE, count, System.nanoTime() + maxNanos);
            source.set(ValueLayout.JAVA_LONG, 0, sent);
            source.set(ValueLayout.JAVA_LONG, messageBytes - Long.BYTES, mix(sent));
            for (int spins = 0; !ring.write(END_TYPE, source, 0, messageBytes); ) {
                spins = PingPong.backOff(spins);
            }
            return new long[] {sent, sent * (sent - 1) / 2, warmed};
        }
    }

    private static long send(RingBuffer ring, MemorySegment source, int type, long count, long deadline) {
        int messageBytes = (int) source.byteSize();
        for (long sequence = 0; sequence < count; sequence++) {
            if ((sequence & 1023) == 0 && sequence > 0 && System.nanoTime() - deadline > 0) {
                return sequence;
            }
            source.set(ValueLayout.JAVA_LONG, 0, sequence);
            source.set(ValueLayout.JAVA_LONG, messageBytes - Long.BYTES, mix(sequence));
            for (int spins = 0; !ring.write(type, source, 0, messageBytes); ) {
                spins = PingPong.backOff(spins);
            }
        }
        return count;
    }

    /** Consumer-side handler: verifies each message and keeps the counts and the timing. */
    static final class Verifier implements MessageHandler {
        final int messageBytes;
        long warmupSeen;
        long measuredSeen;
        long checksum;
        long firstNanos;
        long endNanos;
        boolean ended;
        String error;

        Verifier(int messageBytes) {
            this.messageBytes = messageBytes;
        }

        @Override
        public void onMessage(int type, MemorySegment buffer, long offset, int length) {
            long sequence = buffer.get(ValueLayout.JAVA_LONG, offset);
            long tail = buffer.get(ValueLayout.JAVA_LONG, offset + messageBytes - Long.BYTES);
            long expected = switch (type) {
                case WARMUP_TYPE -> warmupSeen;
                case MEASURED_TYPE, END_TYPE -> measuredSeen;
                default -> -1;
            };
            if (error == null && (ended || length != messageBytes || sequence != expected || tail != mix(sequence))) {
                error = "message type " + type + " length " + length + " sequence " + sequence + " (expected "
                        + expected + (ended ? ", after the end message" : "") + "), last long " + tail
                        + " (expected " + mix(sequence) + ")";
            }
            switch (type) {
                case WARMUP_TYPE -> warmupSeen++;
                case MEASURED_TYPE -> {
                    if (measuredSeen == 0) {
                        firstNanos = System.nanoTime();
                    }
                    measuredSeen++;
                    checksum += sequence;
                }
                default -> {
                    endNanos = System.nanoTime();
                    ended = true;
                }
            }
        }
    }

    /**
     * Consumer: reads until the end message, verifying each message.
     *
     * @param producer      the producing process (its death ends the wait), or {@code null}
     * @param timeoutNanos  give up after this long
     * @throws IllegalStateException if a message is wrong, missing, or the time runs out
     */
    static Result consume(RingBuffer ring, String variant, int messageBytes, Process producer, long timeoutNanos) {
        Verifier v = new Verifier(messageBytes);
        long deadline = System.nanoTime() + timeoutNanos;
        int spins = 0;
        while (!v.ended) {
            if (ring.read(v) == 0) {
                spins = PingPong.backOff(spins);
                if ((spins & 1023) == 0 || spins == PingPong.SPINS_BEFORE_YIELD) {
                    if (System.nanoTime() - deadline > 0) {
                        throw new IllegalStateException("timed out after " + v.warmupSeen + " warm-up and "
                                + v.measuredSeen + " measured messages");
                    }
                    if (producer != null && !producer.isAlive() && ring.size() == 0) {
                        throw new IllegalStateException("producer exited (" + producer.exitValue() + ") after "
                                + v.warmupSeen + " + " + v.measuredSeen + " messages, no end message");
                    }
                }
            } else {
                spins = 0;
            }
            if (v.error != null) {
                throw new IllegalStateException("corrupt message: " + v.error);
            }
        }
        long n = v.measuredSeen;
        if (n < 2 || v.checksum != n * (n - 1) / 2) {
            throw new IllegalStateException("received " + v.warmupSeen + " + " + n + " messages, checksum " + v.checksum
                    + "; expected checksum " + n * (n - 1) / 2 + " and at least 2 messages");
        }
        return new Result(variant, messageBytes, n, v.warmupSeen, v.endNanos - v.firstNanos, v.checksum);
    }

    /**
     * Runs one cross-process transfer: creates the file, starts the producer JVM, consumes here.
     *
     * @param variant      {@code spsc} or {@code mpsc}
     * @param ringBytes    data capacity of the ring
     * @param messageBytes payload bytes, at least 16
     * @param warmup       warm-up messages (not timed)
     * @param count        measured messages, at least 2
     * @param maxSeconds   time budget of each producer phase (warm-up gets half): fewer messages on a loaded machine
     * @param jvmArgs      extra flags for the producer JVM
     * @return the verified result
     */
    public static Result run(
            String variant,
            int ringBytes,
            int messageBytes,
            long warmup,
            long count,
            long maxSeconds,
            List<String> jvmArgs)
            throws Exception {
        if (messageBytes < 2 * Long.BYTES || messageBytes % Long.BYTES != 0 || count < 2) {
            throw new IllegalArgumentException("messageBytes must be a multiple of 8, at least 16, count at least 2");
        }
        Path file = newFile();
        // The consumer creates the file (header + empty ring) before the producer starts, which opens it.
        MappedRingBuffer mapped = MappedRingBuffer.create(file, ringBytes, kind(variant));
        ChildJvm child = ChildJvm.of(CrossProcessRing.class)
                .jvmArgs(jvmArgs)
                .args(
                        variant,
                        file.toString(),
                        Integer.toString(ringBytes),
                        Integer.toString(messageBytes),
                        Long.toString(warmup),
                        Long.toString(count),
                        Long.toString(maxSeconds));
        Path log = Files.createTempFile("ferrum-ring-producer-", ".log");
        Process producer = null;
        try (mapped) {
            producer = child.start(log);
            RingBuffer ring = mapped.ring();
            Result result;
            try {
                result = consume(ring, variant, messageBytes, producer, TimeUnit.SECONDS.toNanos(3 * maxSeconds + 60));
            } catch (IllegalStateException e) {
                producer.destroyForcibly();
                producer.waitFor(10, TimeUnit.SECONDS);
                throw new IllegalStateException(
                        e.getMessage() + "; producer output: "
                                + Files.readString(log, StandardCharsets.UTF_8).strip(),
                        e);
            }
            if (!producer.waitFor(30, TimeUnit.SECONDS) || producer.exitValue() != 0) {
                producer.destroyForcibly();
                throw new IllegalStateException("producer did not exit cleanly: "
                        + Files.readString(log, StandardCharsets.UTF_8).strip());
            }
            String out = Files.readString(log, StandardCharsets.UTF_8);
            String expected = "PRODUCED " + result.messages() + " " + result.checksum() + " " + result.warmup();
            if (!out.contains(expected)) {
                throw new IllegalStateException("producer reported '" + out.strip() + "', expected " + expected);
            }
            return result;
        } finally {
            if (producer != null) {
                producer.destroyForcibly();
            }
            Files.deleteIfExists(file);
            Files.deleteIfExists(log);
        }
    }

    /**
     * Producer JVM: {@code variant file ringBytes messageBytes warmup count maxSeconds}; prints
     * {@code PRODUCED measuredSent checksum warmupSent}.
     *
     * @param args the seven arguments
     * @throws Exception if mapping fails
     */
    public static void main(String[] args) throws Exception {
        if (args.length != 7) {
            System.err.println("usage: CrossProcessRing spsc|mpsc file ringBytes messageBytes warmup count maxSeconds");
            System.exit(2);
        }
        int ringBytes = Integer.parseInt(args[2]);
        int messageBytes = Integer.parseInt(args[3]);
        long warmup = Long.parseLong(args[4]);
        long count = Long.parseLong(args[5]);
        try (MappedRingBuffer mapped = MappedRingBuffer.open(Path.of(args[1]))) {
            if (mapped.kind() != kind(args[0]) || mapped.ring().capacity() != ringBytes) {
                throw new IllegalStateException(
                        "ring file holds " + mapped + ", expected " + args[0] + " of " + ringBytes);
            }
            RingBuffer ring = mapped.ring();
            long[] sent = produce(ring, messageBytes, warmup, count, TimeUnit.SECONDS.toNanos(Long.parseLong(args[6])));
            System.out.println("PRODUCED " + sent[0] + " " + sent[1] + " " + sent[2]);
        }
    }
}
