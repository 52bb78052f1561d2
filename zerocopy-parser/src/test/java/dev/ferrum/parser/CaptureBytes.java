/*
 * Copyright 2026 the Ferrum authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.ferrum.parser;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;

/** Builds small captures and frames byte by byte for tests (framing in any byte order, headers big-endian). */
final class CaptureBytes {

    private CaptureBytes() {}

    /** A classic pcap writer. */
    static final class Pcap {
        private final ByteArrayOutputStream out = new ByteArrayOutputStream();
        private final ByteOrder order;

        Pcap(ByteOrder order, boolean nanosecond, int snapLength, int linkType) {
            this.order = order;
            put(ByteBuffer.allocate(24)
                    .order(order)
                    .putInt(nanosecond ? 0xA1B23C4D : 0xA1B2C3D4)
                    .putShort((short) 2)
                    .putShort((short) 4)
                    .putInt(0)
                    .putInt(0)
                    .putInt(snapLength)
                    .putInt(linkType));
        }

        Pcap record(long seconds, long fraction, byte[] data, int originalLength) {
            put(ByteBuffer.allocate(16)
                    .order(order)
                    .putInt((int) seconds)
                    .putInt((int) fraction)
                    .putInt(data.length)
                    .putInt(originalLength));
            out.writeBytes(data);
            return this;
        }

        Pcap record(long seconds, long fraction, byte[] data) {
            return record(seconds, fraction, data, data.length);
        }

        Pcap raw(byte[] bytes) {
            out.writeBytes(bytes);
            return this;
        }

        byte[] bytes() {
            return out.toByteArray();
        }

        private void put(ByteBuffer b) {
            out.writeBytes(b.array());
        }
    }

    /** A pcapng writer; each section may use its own byte order. */
    static final class Pcapng {
        private final ByteArrayOutputStream out = new ByteArrayOutputStream();
        private ByteOrder order = ByteOrder.LITTLE_ENDIAN;

        Pcapng section(ByteOrder sectionOrder) {
            this.order = sectionOrder;
            ByteBuffer body = buffer(16)
                    .putInt(0x1A2B3C4D)
                    .putShort((short) 1)
                    .putShort((short) 0)
                    .putLong(-1);
            return block(0x0A0D0D0A, body);
        }

        Pcapng interfaceDescription(int linkType, int snapLength, Integer tsresol, Long tsoffset) {
            ByteBuffer body = buffer(8 + 8 + 12 + 4)
                    .putShort((short) linkType)
                    .putShort((short) 0)
                    .putInt(snapLength);
            if (tsresol != null) {
                body.putShort((short) 9)
                        .putShort((short) 1)
                        .put(tsresol.byteValue())
                        .put(new byte[3]);
            }
            if (tsoffset != null) {
                body.putShort((short) 14).putShort((short) 8).putLong(tsoffset);
            }
            body.putShort((short) 0).putShort((short) 0);
            return block(1, body);
        }

        Pcapng enhancedPacket(int interfaceId, long timestampUnits, byte[] data, int originalLength) {
            int padded = (data.length + 3) & ~3;
            ByteBuffer body = buffer(20 + padded)
                    .putInt(interfaceId)
                    .putInt((int) (timestampUnits >>> 32))
                    .putInt((int) timestampUnits)
                    .putInt(data.length)
                    .putInt(originalLength)
                    .put(data);
            body.position(20 + padded);
            return block(6, body);
        }

        Pcapng simplePacket(byte[] data, int originalLength) {
            int padded = (data.length + 3) & ~3;
            ByteBuffer body = buffer(4 + padded).putInt(originalLength).put(data);
            body.position(4 + padded);
            return block(3, body);
        }

        Pcapng block(int type, int bodyBytes) {
            ByteBuffer body = buffer(bodyBytes);
            body.position(bodyBytes);
            return block(type, body);
        }

        /** A block of {@code type} whose body is {@code body} up to its position (in the section's order). */
        Pcapng blockWithBody(int type, ByteBuffer body) {
            return block(type, body);
        }

        Pcapng raw(byte[] bytes) {
            out.writeBytes(bytes);
            return this;
        }

        byte[] bytes() {
            return out.toByteArray();
        }

        private ByteBuffer buffer(int bytes) {
            return ByteBuffer.allocate(bytes).order(order);
        }

        private Pcapng block(int type, ByteBuffer body) {
            int bodyBytes = body.position();
            int total = 12 + bodyBytes;
            ByteBuffer block = ByteBuffer.allocate(total)
                    .order(order)
                    .putInt(type)
                    .putInt(total)
                    .put(body.array(), 0, bodyBytes)
                    .putInt(total);
            out.writeBytes(block.array());
            return this;
        }
    }

    /** Frame builders; all protocol headers big-endian. */
    static final class Frames {
        private Frames() {}

        /** An Ethernet II frame; with several tags the outer one is 802.1ad (0x88a8), inner ones 802.1Q. */
        static byte[] ethernet(int[] vlanTags, int etherType, byte[] payload) {
            ByteBuffer b = ByteBuffer.allocate(14 + 4 * vlanTags.length + payload.length);
            b.putShort((short) 0x0200).putInt(1).putShort((short) 0x0200).putInt(2);
            if (vlanTags.length > 0) {
                b.putShort((short) (vlanTags.length > 1 ? 0x88A8 : 0x8100));
                for (int i = 0; i < vlanTags.length; i++) {
                    b.putShort((short) vlanTags[i]).putShort((short) (i == vlanTags.length - 1 ? etherType : 0x8100));
                }
            } else {
                b.putShort((short) etherType);
            }
            return b.put(payload).array();
        }

        static byte[] ethernet(int etherType, byte[] payload) {
            return ethernet(new int[0], etherType, payload);
        }

        static byte[] ipv4(
                int source, int destination, int protocol, byte[] options, int fragmentField, byte[] payload) {
            int headerBytes = 20 + options.length;
            ByteBuffer b = ByteBuffer.allocate(headerBytes + payload.length);
            b.put((byte) (0x40 | headerBytes / 4))
                    .put((byte) 0)
                    .putShort((short) (headerBytes + payload.length))
                    .putShort((short) 7)
                    .putShort((short) fragmentField)
                    .put((byte) 64)
                    .put((byte) protocol)
                    .putShort((short) 0)
                    .putInt(source)
                    .putInt(destination)
                    .put(options)
                    .put(payload);
            return b.array();
        }

        static byte[] ipv6(int nextHeader, byte[] extensionsAndPayload) {
            ByteBuffer b = ByteBuffer.allocate(40 + extensionsAndPayload.length);
            b.putInt(0x6000_0000)
                    .putShort((short) extensionsAndPayload.length)
                    .put((byte) nextHeader)
                    .put((byte) 64)
                    .putLong(0x2001_0db8_0000_0000L)
                    .putLong(1)
                    .putLong(0)
                    .putLong(1)
                    .put(extensionsAndPayload);
            return b.array();
        }

        static byte[] tcp(
                int sourcePort, int destinationPort, long seq, long ack, int flags, byte[] options, byte[] payload) {
            int headerBytes = 20 + options.length;
            ByteBuffer b = ByteBuffer.allocate(headerBytes + payload.length);
            b.putShort((short) sourcePort)
                    .putShort((short) destinationPort)
                    .putInt((int) seq)
                    .putInt((int) ack)
                    .putShort((short) ((headerBytes / 4) << 12 | flags))
                    .putShort((short) 1000)
                    .putInt(0)
                    .put(options)
                    .put(payload);
            return b.array();
        }

        static byte[] udp(int sourcePort, int destinationPort, byte[] payload) {
            ByteBuffer b = ByteBuffer.allocate(8 + payload.length);
            b.putShort((short) sourcePort)
                    .putShort((short) destinationPort)
                    .putShort((short) (8 + payload.length))
                    .putShort((short) 0)
                    .put(payload);
            return b.array();
        }

        static byte[] concat(byte[]... parts) {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            for (byte[] p : parts) {
                out.writeBytes(p);
            }
            return out.toByteArray();
        }
    }
}
