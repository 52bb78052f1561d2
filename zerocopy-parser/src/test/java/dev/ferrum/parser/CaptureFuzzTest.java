/*
 * Copyright 2026 the Ferrum authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.ferrum.parser;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;

import java.lang.foreign.MemorySegment;
import java.nio.ByteOrder;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/**
 * Mutation fuzzing: valid pcap and pcapng captures with random bytes overwritten, truncated or spliced.
 * Strict mode may only throw {@link MalformedCaptureException}; lax mode never throws and always ends.
 * Each try also walks {@link #EXTRA_MUTATIONS} further random mutations of its input (10 by default, 500 with
 * {@code -Dferrum.long=true}).
 */
class CaptureFuzzTest {

    static final int EXTRA_MUTATIONS = Boolean.getBoolean("ferrum.long") ? 500 : 10;

    static final List<byte[]> SEEDS =
            List.of(seedPcap(ByteOrder.LITTLE_ENDIAN), seedPcap(ByteOrder.BIG_ENDIAN), seedPcapng());

    static byte[] seedPcap(ByteOrder order) {
        CaptureBytes.Pcap pcap = new CaptureBytes.Pcap(order, order == ByteOrder.BIG_ENDIAN, 65535, LinkType.ETHERNET);
        for (int i = 0; i < 6; i++) {
            pcap.record(i, i, CaptureReaderTest.tcpFrame(i * 7));
        }
        byte[] v6 = CaptureBytes.Frames.ethernet(
                new int[] {5},
                Packet.ETHERTYPE_IPV6,
                CaptureBytes.Frames.ipv6(
                        0,
                        CaptureBytes.Frames.concat(
                                new byte[] {17, 0, 1, 4, 0, 0, 0, 0}, CaptureBytes.Frames.udp(1, 2, new byte[3]))));
        return pcap.record(9, 9, v6).bytes();
    }

    static byte[] seedPcapng() {
        byte[] f = CaptureReaderTest.tcpFrame(5);
        return new CaptureBytes.Pcapng()
                .section(ByteOrder.LITTLE_ENDIAN)
                .interfaceDescription(1, 0, 9, 5L)
                .enhancedPacket(0, 77, f, f.length)
                .block(0x99, 8)
                .simplePacket(f, f.length)
                .section(ByteOrder.BIG_ENDIAN)
                .interfaceDescription(LinkType.LINUX_SLL, 64, 0x83, null)
                .enhancedPacket(0, 1, Arrays.copyOf(f, 40), f.length)
                .bytes();
    }

    /** A mutated seed: some bytes overwritten, then maybe cut short. */
    @Provide
    Arbitrary<byte[]> mutatedCaptures() {
        Arbitrary<Integer> seed = Arbitraries.integers().between(0, SEEDS.size() - 1);
        Arbitrary<List<int[]>> edits = Arbitraries.integers()
                .between(0, 4095)
                .list()
                .ofMaxSize(3)
                .map(positions ->
                        positions.stream().map(p -> new int[] {p, p * 31 + 7}).toList());
        Arbitrary<List<Integer>> values =
                Arbitraries.integers().between(0, 255).list().ofMinSize(3).ofMaxSize(3);
        Arbitrary<Integer> cut = Arbitraries.integers().between(0, 100);
        return Combinators.combine(seed, edits, values, cut).as((s, e, v, c) -> {
            byte[] bytes = SEEDS.get(s).clone();
            for (int i = 0; i < e.size(); i++) {
                bytes[e.get(i)[0] % bytes.length] = (byte) (int) v.get(i);
            }
            return c < 20 ? Arrays.copyOf(bytes, bytes.length * c / 20) : bytes;
        });
    }

    @Property(tries = 2000)
    void strictModeThrowsOnlyMalformedCaptureException(@ForAll("mutatedCaptures") byte[] input, @ForAll long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        strictWalk(input);
        for (int i = 0; i < EXTRA_MUTATIONS && input.length > 0; i++) {
            byte[] capture = input.clone();
            capture[random.nextInt(capture.length)] = (byte) random.nextInt(256);
            strictWalk(capture);
        }
    }

    @Property(tries = 2000)
    void laxModeNeverThrowsAndTerminates(@ForAll("mutatedCaptures") byte[] input, @ForAll long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        laxWalk(input);
        for (int i = 0; i < EXTRA_MUTATIONS && input.length > 0; i++) {
            byte[] capture = input.clone();
            capture[random.nextInt(capture.length)] = (byte) random.nextInt(256);
            laxWalk(capture);
        }
    }

    static void strictWalk(byte[] capture) {
        CaptureReader reader = CaptureReader.of(MemorySegment.ofArray(capture), ParseMode.STRICT);
        try {
            reader.forEach(CaptureFuzzTest::touchEverything);
        } catch (MalformedCaptureException expected) {
            assertThat(expected.offset()).isBetween(0L, (long) capture.length);
        }
    }

    static void laxWalk(byte[] capture) {
        CaptureReader reader = CaptureReader.of(MemorySegment.ofArray(capture), ParseMode.LAX);
        assertThatCode(() -> reader.forEach(CaptureFuzzTest::touchEverything)).doesNotThrowAnyException();
        // Each record consumes at least 12 bytes of framing, so the count is bounded by the input size.
        assertThat(reader.packetCount()).isLessThanOrEqualTo(capture.length / 12);
        assertThat(reader.next()).isFalse();
    }

    /** Reads every getter a user could call on what the decoder says is present. */
    static void touchEverything(Packet p) {
        long sink = p.timestampSeconds()
                + p.timestampNanos()
                + p.payload().byteSize()
                + p.data().byteSize();
        if (p.payloadLength() < 0
                || p.payload().byteSize() > p.capturedLength()
                || p.timestampNanos() < 0
                || p.timestampNanos() >= 1_000_000_000) {
            throw new AssertionError("inconsistent packet at offset " + p.recordOffset());
        }
        if (p.has(Packet.LAYER_ETHERNET)) {
            sink += p.ethernet().source() + p.ethernet().etherType();
        }
        if (p.has(Packet.LAYER_IPV4)) {
            sink += p.ipv4().source() + p.ipv4().totalLength() + p.ipv4().optionsLength();
        }
        if (p.has(Packet.LAYER_IPV6)) {
            sink += p.ipv6().sourceLow() + p.ipv6().destinationHigh() + p.ipv6().flowLabel();
        }
        if (p.has(Packet.LAYER_TCP)) {
            sink += p.tcp().sequenceNumber()
                    + p.tcp().maximumSegmentSize()
                    + p.tcp().windowScale()
                    + p.tcp().timestampValue()
                    + (p.tcp().sackPermitted() ? 1 : 0);
        }
        if (p.has(Packet.LAYER_UDP)) {
            sink += p.udp().length();
        }
        if ((p.layers() & (Packet.LAYER_ICMP | Packet.LAYER_ICMPV6)) != 0) {
            sink += p.icmp().type();
        }
        if (sink == Long.MIN_VALUE) {
            throw new AssertionError("unreachable sink value");
        }
    }
}
