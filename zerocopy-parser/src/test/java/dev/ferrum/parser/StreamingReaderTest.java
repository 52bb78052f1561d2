/*
 * Copyright 2026 the Ferrum authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.ferrum.parser;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.ferrum.parser.internal.TsharkFields;
import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.lang.foreign.MemorySegment;
import java.nio.ByteOrder;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** The streaming path gives exactly what the in-place walk gives, whatever the stream's read sizes. */
class StreamingReaderTest {

    /** A stream that returns 1 to 7 bytes per read, like a slow pipe. */
    static InputStream trickle(byte[] bytes, long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        return new ByteArrayInputStream(bytes) {
            @Override
            public synchronized int read(byte[] b, int off, int len) {
                return super.read(b, off, Math.min(len, 1 + random.nextInt(7)));
            }
        };
    }

    static List<String> lines(CaptureReader reader) {
        List<String> lines = new ArrayList<>();
        reader.forEach(p -> lines.add(TsharkFields.line(p) + "|" + p.anomalies()));
        return lines;
    }

    static byte[] sample() {
        byte[] big = CaptureReaderTest.tcpFrame(3 << 20); // one record larger than the 1 MiB buffer
        return new CaptureBytes.Pcapng()
                .section(ByteOrder.BIG_ENDIAN)
                .interfaceDescription(LinkType.ETHERNET, 0, 9, null)
                .enhancedPacket(0, 1_700_000_000_123_456_789L, CaptureReaderTest.tcpFrame(10), 64)
                .simplePacket(CaptureReaderTest.tcpFrame(1), 55)
                .enhancedPacket(0, 1_700_000_001_000_000_000L, big, big.length)
                .section(ByteOrder.LITTLE_ENDIAN)
                .interfaceDescription(LinkType.ETHERNET, 40, null, null)
                .enhancedPacket(0, 1_700_000_002_000_000L, CaptureReaderTest.tcpFrame(100), 154)
                .bytes();
    }

    @Test
    void streamedWalkEqualsTheInPlaceWalk() {
        byte[] capture = sample();
        List<String> inPlace = lines(CaptureReader.of(MemorySegment.ofArray(capture), ParseMode.STRICT));
        assertThat(inPlace).hasSize(4);
        for (long seed = 0; seed < 3; seed++) {
            CaptureReader streamed = CaptureReader.stream(trickle(capture, seed), ParseMode.STRICT);
            assertThat(lines(streamed)).isEqualTo(inPlace);
            assertThat(streamed.position()).isEqualTo(capture.length);
            assertThat(streamed.isStreaming()).isTrue();
        }
        byte[] pcap = new CaptureBytes.Pcap(ByteOrder.LITTLE_ENDIAN, true, 0, LinkType.ETHERNET)
                .record(1, 2, CaptureReaderTest.tcpFrame(5))
                .record(3, 4, CaptureReaderTest.tcpFrame(2 << 20))
                .bytes();
        assertThat(lines(CaptureReader.stream(trickle(pcap, 9), ParseMode.STRICT)))
                .isEqualTo(lines(CaptureReader.of(MemorySegment.ofArray(pcap), ParseMode.STRICT)));
    }

    @Test
    void streamedErrorsNameStreamOffsetsAndRewindIsRefused() {
        byte[] whole = new CaptureBytes.Pcap(ByteOrder.LITTLE_ENDIAN, false, 0, LinkType.ETHERNET)
                .record(1, 0, CaptureReaderTest.tcpFrame(2 << 20))
                .record(2, 0, CaptureReaderTest.tcpFrame(10))
                .bytes();
        byte[] cut = Arrays.copyOf(whole, whole.length - 3);
        long second = 24 + 16 + CaptureReaderTest.tcpFrame(2 << 20).length;
        CaptureReader reader = CaptureReader.stream(trickle(cut, 1), ParseMode.STRICT);
        assertThat(reader.next()).isTrue();
        assertThatThrownBy(reader::next)
                .isInstanceOfSatisfying(
                        MalformedCaptureException.class,
                        e -> assertThat(e.offset()).isEqualTo(second));
        CaptureReader lax = CaptureReader.stream(new ByteArrayInputStream(cut), ParseMode.LAX);
        assertThat(lax.forEach(p -> {})).isEqualTo(1);
        assertThat(lax.firstError().offset()).isEqualTo(second);
        assertThat(lax.skippedCount()).isEqualTo(1);
        assertThatThrownBy(lax::rewind).isInstanceOf(IllegalStateException.class);
    }
}
