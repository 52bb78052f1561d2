/*
 * Copyright 2026 the Ferrum authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.ferrum.parser;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.ferrum.parser.CaptureBytes.Frames;
import java.lang.foreign.MemorySegment;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Each kind of bad input: strict mode names the offset, lax mode reports and goes on where it can. */
class MalformedCaptureTest {

    static byte[] frame(int payload) {
        return CaptureReaderTest.tcpFrame(payload);
    }

    static CaptureReader strict(byte[] capture) {
        return CaptureReader.of(MemorySegment.ofArray(capture), ParseMode.STRICT);
    }

    record LaxResult(long packets, List<MalformedCaptureException> errors) {}

    static LaxResult lax(byte[] capture) {
        List<MalformedCaptureException> errors = new ArrayList<>();
        long packets = CaptureReader.of(MemorySegment.ofArray(capture), ParseMode.LAX)
                .forEach(new PacketVisitor() {
                    @Override
                    public void packet(Packet packet) {}

                    @Override
                    public void malformed(MalformedCaptureException problem) {
                        errors.add(problem);
                    }
                });
        return new LaxResult(packets, errors);
    }

    static void drain(CaptureReader reader) {
        reader.forEach(p -> {});
    }

    @Test
    void rejectsUnknownMagic() {
        byte[] capture = new byte[64];
        assertThatThrownBy(() -> drain(strict(capture)))
                .isInstanceOf(MalformedCaptureException.class)
                .hasMessage("at offset 0: unknown magic number 0x00000000 (neither pcap nor pcapng)");
        assertThat(lax(capture).errors()).hasSize(1);
    }

    @Test
    void rejectsTruncatedGlobalHeader() {
        byte[] capture = Arrays.copyOf(new CaptureBytes.Pcap(ByteOrder.LITTLE_ENDIAN, false, 0, 1).bytes(), 10);
        assertThatThrownBy(() -> drain(strict(capture)))
                .isInstanceOf(MalformedCaptureException.class)
                .hasMessageContaining("global header truncated");
    }

    @Test
    void rejectsRecordLongerThanFile() {
        byte[] whole = new CaptureBytes.Pcap(ByteOrder.LITTLE_ENDIAN, false, 0, 1)
                .record(1, 0, frame(0))
                .record(2, 0, frame(100))
                .bytes();
        byte[] capture = Arrays.copyOf(whole, whole.length - 50);
        long secondRecord = 24 + 16 + frame(0).length;
        assertThatThrownBy(() -> drain(strict(capture)))
                .isInstanceOf(MalformedCaptureException.class)
                .satisfies(e ->
                        assertThat(((MalformedCaptureException) e).offset()).isEqualTo(secondRecord))
                .hasMessageContaining("record declares " + frame(100).length + " bytes, only "
                        + (frame(100).length - 50) + " remain");
        LaxResult result = lax(capture);
        assertThat(result.packets()).isEqualTo(1);
        assertThat(result.errors())
                .singleElement()
                .extracting(MalformedCaptureException::offset)
                .isEqualTo(secondRecord);
    }

    @Test
    void capturedLengthAboveOriginalOrSnapLengthIsAnAnomalyNotAFramingError() {
        byte[] f = frame(4);
        byte[] capture = new CaptureBytes.Pcap(ByteOrder.LITTLE_ENDIAN, false, 60, 1)
                .record(1, 0, f, f.length - 1) // captured > original
                .record(2, 0, f) // captured > snap length 60
                .record(3, 0, Arrays.copyOf(f, 60), f.length)
                .bytes();
        for (ParseMode mode : ParseMode.values()) {
            CaptureReader reader = CaptureReader.of(MemorySegment.ofArray(capture), mode);
            List<Integer> anomalies = new ArrayList<>();
            assertThat(reader.forEach(p -> anomalies.add(p.anomalies()))).isEqualTo(3);
            assertThat(anomalies)
                    .containsExactly(
                            Anomaly.CAPTURED_ABOVE_ORIGINAL | Anomaly.CAPTURED_ABOVE_SNAPLEN,
                            Anomaly.CAPTURED_ABOVE_SNAPLEN,
                            0);
            assertThat(reader.errorCount()).isZero();
            assertThat(reader.anomalyCount()).isEqualTo(2);
        }
    }

    @Test
    void rejectsBogusPcapngBlockLengths() {
        byte[] f = frame(0);
        byte[] good = new CaptureBytes.Pcapng()
                .section(ByteOrder.LITTLE_ENDIAN)
                .interfaceDescription(1, 0, null, null)
                .enhancedPacket(0, 1, f, f.length)
                .bytes();
        int epbOffset = indexOfBlock(good, 6);
        for (int bogus : new int[] {0, 7, 13, Integer.MAX_VALUE, -4}) {
            byte[] capture = good.clone();
            ByteBuffer.wrap(capture).order(ByteOrder.LITTLE_ENDIAN).putInt(epbOffset + 4, bogus);
            assertThatThrownBy(() -> drain(strict(capture)))
                    .as("length %d", bogus)
                    .isInstanceOf(MalformedCaptureException.class)
                    .satisfies(e ->
                            assertThat(((MalformedCaptureException) e).offset()).isEqualTo(epbOffset + 4L));
            assertThat(lax(capture).errors()).hasSize(1);
        }
    }

    @Test
    void laxSkipsBlockWhoseTrailerDisagreesAndContinues() {
        byte[] f = frame(0);
        byte[] good = new CaptureBytes.Pcapng()
                .section(ByteOrder.BIG_ENDIAN)
                .interfaceDescription(1, 0, null, null)
                .enhancedPacket(0, 1, f, f.length)
                .enhancedPacket(0, 2, f, f.length)
                .bytes();
        int epbOffset = indexOfBlock(good, 6);
        int length = ByteBuffer.wrap(good).getInt(epbOffset + 4);
        ByteBuffer.wrap(good).putInt(epbOffset + length - 4, length + 4);
        assertThatThrownBy(() -> drain(strict(good)))
                .isInstanceOf(MalformedCaptureException.class)
                .hasMessageContaining("trailing block length");
        LaxResult result = lax(good);
        assertThat(result.packets()).isEqualTo(1);
        assertThat(result.errors()).hasSize(1);
    }

    @Test
    void rejectsPcapngWithoutSectionHeaderAndBadByteOrderMagic() {
        byte[] noSection = new byte[] {1, 0, 0, 0, 12, 0, 0, 0, 12, 0, 0, 0};
        assertThatCode(() -> drain(strict(new CaptureBytes.Pcapng()
                        .section(ByteOrder.LITTLE_ENDIAN)
                        .bytes())))
                .as("a section without packets is a valid, empty capture")
                .doesNotThrowAnyException();
        byte[] badMagic =
                new CaptureBytes.Pcapng().section(ByteOrder.LITTLE_ENDIAN).bytes();
        badMagic[8] = 0x55;
        assertThatThrownBy(() -> drain(strict(badMagic)))
                .isInstanceOf(MalformedCaptureException.class)
                .hasMessageContaining("byte-order magic");
        assertThat(lax(noSection).errors())
                .singleElement()
                .extracting(MalformedCaptureException::problem)
                .asString()
                .contains("unknown magic");
    }

    @Test
    void headerContradictionsAreAnomaliesNotTruncationAndNeverFatal() {
        byte[] badIhl = Frames.ipv4(1, 2, 6, new byte[0], 0, new byte[20]);
        badIhl[0] = 0x43; // IHL 3 words = 12 bytes
        byte[] capture = new CaptureBytes.Pcap(ByteOrder.LITTLE_ENDIAN, false, 0, LinkType.RAW)
                .record(1, 0, badIhl)
                .record(2, 0, Frames.ipv4(1, 2, 17, new byte[0], 0, Frames.udp(1, 2, new byte[4])))
                .bytes();
        for (ParseMode mode : ParseMode.values()) {
            CaptureReader reader = CaptureReader.of(MemorySegment.ofArray(capture), mode);
            assertThat(reader.next()).isTrue();
            Packet p = reader.packet();
            assertThat(p.problem()).isEqualTo("IPv4 header length 12 is below 20");
            assertThat(p.problemOffset()).isEqualTo(24 + 16);
            assertThat(p.anomalies()).isEqualTo(Anomaly.IPV4_LENGTH);
            assertThat(p.networkType()).isEqualTo(Packet.ETHERTYPE_IPV4);
            assertThat(p.isTruncated()).isFalse();
            assertThat(reader.next()).as("the walk goes on").isTrue();
            assertThat(reader.packet().anomalies()).isZero();
            assertThat(reader.packet().udp().destinationPort()).isEqualTo(2);
            assertThat(reader.errorCount()).isZero();
            assertThat(reader.anomalyCount()).isEqualTo(1);
        }
    }

    @Test
    void snapLengthTruncationIsNotAnErrorAndKeepsTheCapturedFields() {
        byte[] f = frame(100);
        byte[] capture = new CaptureBytes.Pcap(ByteOrder.LITTLE_ENDIAN, false, 50, 1)
                .record(1, 0, Arrays.copyOf(f, 48), f.length)
                .bytes();
        CaptureReader reader = strict(capture);
        assertThat(reader.next()).isTrue();
        Packet p = reader.packet();
        assertThat(p.isTruncated()).isTrue();
        assertThat(p.problem()).isNull();
        assertThat(p.anomalies()).isZero();
        assertThat(p.has(Packet.LAYER_IPV4 | Packet.LAYER_TCP)).isTrue();
        // 14 of the 20 TCP header bytes: ports, numbers, data offset and flags are there, the window is not.
        assertThat(p.tcp().destinationPort()).isEqualTo(443);
        assertThat(p.tcp().flags()).isNotNegative();
        assertThat(p.tcp().window()).isEqualTo(-1);
        assertThat(p.payloadLength()).isEqualTo(100);
        assertThat(p.capturedPayloadLength()).isZero();
        assertThat(p.payload().byteSize()).isZero();
    }

    static int indexOfBlock(byte[] capture, int type) {
        ByteBuffer b =
                ByteBuffer.wrap(capture).order(capture[8] == 0x4D ? ByteOrder.LITTLE_ENDIAN : ByteOrder.BIG_ENDIAN);
        int at = 0;
        while (at < capture.length) {
            if (b.getInt(at) == type) {
                return at;
            }
            at += b.getInt(at + 4);
        }
        throw new AssertionError("no block of type " + type);
    }
}
