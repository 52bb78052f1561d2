/*
 * Copyright 2026 the Ferrum authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.ferrum.parser;

import dev.ferrum.parser.internal.Bytes;
import java.io.IOException;
import java.io.InputStream;
import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Arrays;
import java.util.Objects;

/**
 * Walks the packet records of a classic pcap or pcapng capture held in one {@link MemorySegment}, usually a
 * read-only mapping of the whole file ({@link #open}); offsets are {@code long}, so files beyond 2 GiB work.
 *
 * <p>Two ways to walk: {@link #forEach(PacketVisitor)}, or a cursor ({@link #next()} then {@link #packet()}).
 * Either way the reader re-wraps one {@link Packet} flyweight per record and allocates nothing per packet.
 *
 * <h2>Formats</h2>
 * Classic pcap with the four magics (micro- or nanosecond timestamps, either byte order); pcapng with
 * any number of sections, each with its own byte order (from its section header's byte-order magic) and its
 * own interfaces ({@code if_tsresol}, {@code if_tsoffset} honoured), enhanced, simple and obsolete (type 2)
 * packet blocks; other block types are skipped by their length.
 *
 * <h2>Framing errors and content anomalies</h2>
 * Two kinds of trouble are kept apart. A <em>framing</em> error means the file itself is broken (a length
 * running past the end, a block whose trailer disagrees, a packet block naming an unknown interface): in
 * {@link ParseMode#STRICT} the first one throws {@link MalformedCaptureException} naming the byte offset; in
 * {@link ParseMode#LAX} it goes to {@link PacketVisitor#malformed} and the walk continues with the next record
 * when the framing still says where it is, or ends. Every record the reader skips this way is counted
 * ({@link #skippedCount()}). A content <em>anomaly</em> (an IPv4 total length of 0, a captured length above the
 * snap length, a header contradicting itself) is never fatal in either mode: the packet is delivered, decoded
 * as far as possible and flagged in {@link Packet#anomalies()} ({@link #anomalyCount()} counts such packets).
 * Every step advances by at least one record header, so a walk always terminates; every read is checked
 * against the end of the bytes first, so no input produces an {@link IndexOutOfBoundsException}.
 *
 * <h2>Streams</h2>
 * {@link #stream(InputStream, ParseMode)} reads a capture that cannot be mapped (a pipe, standard input, a
 * decompressing stream) by copying it through one reused buffer: each record is read into the buffer and
 * decoded there, so {@link Packet#segment()} is that buffer and a packet's views are valid until the next
 * record only. Error offsets are stream offsets either way.
 *
 * <h2>Ownership and threads</h2>
 * The reader never closes the segment's arena; the caller does, after the walk. Not thread-safe: one
 * reader per thread (readers over the same read-only segment can run in parallel).
 */
public final class CaptureReader {

    private static final int PCAP_HEADER_BYTES = 24;
    private static final int PCAP_RECORD_HEADER_BYTES = 16;
    private static final int PCAPNG_SECTION_HEADER = 0x0A0D0D0A;
    private static final int PCAPNG_INTERFACE_DESCRIPTION = 1;
    private static final int PCAPNG_OBSOLETE_PACKET = 2;
    private static final int PCAPNG_SIMPLE_PACKET = 3;
    private static final int PCAPNG_ENHANCED_PACKET = 6;
    private static final int PCAPNG_BYTE_ORDER_MAGIC = 0x1A2B3C4D;
    /** Largest captured length accepted (libpcap's own limit is 256 KiB for most link types). */
    static final long MAX_CAPTURED_BYTES = 256L << 20;

    private static final int STREAM_BUFFER_BYTES = 1 << 20;

    private MemorySegment segment;
    private long end;
    private final ParseMode mode;

    // Streaming (null source: the whole capture is in the segment). The buffer holds stream bytes from base on.
    private final InputStream source;
    private byte[] buffer;
    private long base;
    private boolean sourceEnded;
    private long skippedCount;
    private long anomalyCount;
    private final Packet packet = new Packet();

    private CaptureFormat format;
    private long position;
    private boolean finished;
    private boolean bigEndian;
    private PacketVisitor errorSink;
    private long errorCount;
    private MalformedCaptureException firstError;
    private long packetCount;
    private long releaseBytes;
    private long releasedUpTo;

    // Classic pcap global header.
    private boolean nanosecond;
    private long snapLength;
    private int pcapLinkType;

    // pcapng: the interfaces of the current section.
    private int interfaceCount;
    private int[] interfaceLinkType = new int[4];
    private long[] interfaceSnapLength = new long[4];
    private int[] interfaceTsKind = new int[4];
    private int[] interfaceTsDigits = new int[4];
    private long[] interfaceTsOffset = new long[4];
    private boolean inSection;

    private CaptureReader(MemorySegment segment, ParseMode mode, InputStream source) {
        this.segment = Objects.requireNonNull(segment, "segment");
        this.mode = Objects.requireNonNull(mode, "mode");
        this.end = source == null ? segment.byteSize() : 0;
        this.source = source;
    }

    /**
     * Maps {@code file} read-only into {@code arena} and returns a reader over the whole mapping.
     *
     * @param file  the capture
     * @param arena owns the mapping; the segment (and every {@link Packet} view into it) is valid until the
     *              arena closes
     * @param mode  strict or lax
     * @return a reader positioned before the first record
     * @throws IOException if the file cannot be opened or mapped
     */
    public static CaptureReader open(Path file, Arena arena, ParseMode mode) throws IOException {
        return new CaptureReader(map(file, arena), mode, null);
    }

    /**
     * Maps a whole file read-only: one segment, 64-bit offsets, pages loaded on first touch.
     *
     * @param file  the file
     * @param arena owns the mapping
     * @return the mapped segment
     * @throws IOException if the file cannot be opened or mapped
     */
    public static MemorySegment map(Path file, Arena arena) throws IOException {
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.READ)) {
            // The mapping outlives the channel: it is unmapped when the arena closes, not when the channel does.
            return channel.map(FileChannel.MapMode.READ_ONLY, 0, channel.size(), arena);
        }
    }

    /**
     * A reader over caller-supplied bytes (a mapping, a heap array wrapped with
     * {@link MemorySegment#ofArray(byte[])}, an off-heap buffer).
     *
     * @param segment the whole capture, from its first byte
     * @param mode    strict or lax
     * @return a reader positioned before the first record
     */
    public static CaptureReader of(MemorySegment segment, ParseMode mode) {
        return new CaptureReader(segment, mode, null);
    }

    /**
     * A reader over a capture that cannot be mapped: a pipe, standard input, a {@link
     * java.util.zip.GZIPInputStream} over a {@code .pcap.gz}. Records are copied into one reused heap buffer
     * (1 MiB, grown only for a larger record) and decoded there; the walk allocates nothing per packet. The
     * reader does not close {@code in}. Reads block until the next record has arrived, so a live pipe works.
     * An {@link IOException} from {@code in} surfaces as {@link java.io.UncheckedIOException}.
     *
     * @param in   the capture, from its first byte
     * @param mode strict or lax
     * @return a reader positioned before the first record; {@link #rewind()} is not supported
     */
    public static CaptureReader stream(InputStream in, ParseMode mode) {
        Objects.requireNonNull(in, "in");
        byte[] buffer = new byte[STREAM_BUFFER_BYTES];
        CaptureReader reader = new CaptureReader(MemorySegment.ofArray(buffer), mode, in);
        reader.buffer = buffer;
        return reader;
    }

    /**
     * The segment being read: the mapping or caller segment, or for a {@linkplain #stream stream} the current
     * buffer.
     */
    public MemorySegment segment() {
        return segment;
    }

    /** Whether this reader copies from a stream ({@link #stream}) instead of reading a whole segment. */
    public boolean isStreaming() {
        return source != null;
    }

    /** The detected format, or {@code null} before the first {@link #next()} or if the magic is unknown. */
    public CaptureFormat format() {
        return format;
    }

    /**
     * Offset of the next unread byte (a stream offset when streaming); grows monotonically to the end of the
     * capture.
     */
    public long position() {
        return base + position;
    }

    /** Packets delivered so far. */
    public long packetCount() {
        return packetCount;
    }

    /** Framing problems reported so far (lax mode; strict mode throws the first). */
    public long errorCount() {
        return errorCount;
    }

    /** The first framing problem met in lax mode, or {@code null}. */
    public MalformedCaptureException firstError() {
        return firstError;
    }

    /** Packet records skipped because their framing could not be trusted (each one also a reported problem). */
    public long skippedCount() {
        return skippedCount;
    }

    /** Packets delivered with at least one {@link Packet#anomalies() anomaly}. */
    public long anomalyCount() {
        return anomalyCount;
    }

    /** The current packet (valid after {@link #next()} returned {@code true}, until the next call). */
    public Packet packet() {
        return packet;
    }

    /** Snap length of the classic pcap header (0 for pcapng or before the header was read). */
    public long snapLength() {
        return snapLength;
    }

    /**
     * Asks the reader to drop already-parsed pages of a file mapping from this process's resident set every
     * {@code bytes} (via {@link MemorySegment#unload()}, i.e. {@code madvise(MADV_DONTNEED)}), so a walk over
     * a file larger than memory keeps a bounded RSS. The pages stay in the page cache and the mapping stays
     * valid: reading them again faults them back in. No effect on segments that are not mapped files.
     *
     * @param bytes release granularity, e.g. 64 MiB; 0 turns it off
     * @return this
     */
    public CaptureReader releaseBehind(long bytes) {
        if (bytes < 0) {
            throw new IllegalArgumentException("release granularity " + bytes + " is negative");
        }
        this.releaseBytes = segment.isMapped() ? bytes : 0;
        return this;
    }

    /**
     * Rewinds to the first record so the same capture can be walked again without a new reader (and without
     * allocating); the error count and first error are cleared too.
     *
     * @return this
     */
    public CaptureReader rewind() {
        if (source != null) {
            throw new IllegalStateException("a streamed capture cannot be rewound");
        }
        format = null;
        position = 0;
        releasedUpTo = 0;
        finished = false;
        bigEndian = false;
        errorCount = 0;
        firstError = null;
        packetCount = 0;
        skippedCount = 0;
        anomalyCount = 0;
        inSection = false;
        interfaceCount = 0;
        return this;
    }

    /**
     * Visits every remaining packet, then returns.
     *
     * @param visitor receives each packet and, in lax mode, each framing problem
     * @return the number of packets visited by this call
     * @throws MalformedCaptureException in strict mode, at the first problem
     */
    public long forEach(PacketVisitor visitor) {
        PacketVisitor previous = errorSink;
        errorSink = visitor;
        long before = packetCount;
        try {
            while (next()) {
                visitor.packet(packet);
            }
        } finally {
            errorSink = previous;
        }
        return packetCount - before;
    }

    /**
     * Advances to the next packet record.
     *
     * @return {@code true} if {@link #packet()} now describes a record, {@code false} at the end
     * @throws MalformedCaptureException in strict mode, at the first problem
     */
    public boolean next() {
        if (finished) {
            return false;
        }
        if (format == null && !readFileHeader()) {
            finished = true;
            return false;
        }
        boolean found = format == CaptureFormat.PCAP ? nextPcapRecord() : nextPcapngPacket();
        if (!found) {
            finished = true;
            return false;
        }
        if (releaseBytes != 0 && packet.recordOffset() - releasedUpTo >= releaseBytes) {
            releaseConsumed();
        }
        packet.decode();
        packetCount++;
        if (packet.anomalies() != 0) {
            anomalyCount++; // content anomalies are flagged on the packet, never fatal
        }
        return true;
    }

    /** Unloads the whole chunks before the current record; the slice only narrows the already-checked range. */
    private void releaseConsumed() {
        long upTo = packet.recordOffset() - packet.recordOffset() % releaseBytes;
        if (upTo > releasedUpTo) {
            segment.asSlice(releasedUpTo, upTo - releasedUpTo).unload();
            releasedUpTo = upTo;
        }
    }

    // ---------------------------------------------------------------- classic pcap and format detection

    private boolean readFileHeader() {
        if (source != null) {
            ensure(PCAP_HEADER_BYTES);
        }
        if (end < 4) {
            return fatal(0, "file of " + end + " bytes is too short for a capture header");
        }
        int magic = Bytes.i32(segment, 0);
        switch (magic) {
            case 0xA1B2C3D4 -> pcapHeader(true, false);
            case 0xD4C3B2A1 -> pcapHeader(false, false);
            case 0xA1B23C4D -> pcapHeader(true, true);
            case 0x4D3CB2A1 -> pcapHeader(false, true);
            case PCAPNG_SECTION_HEADER -> {
                format = CaptureFormat.PCAPNG;
                position = 0;
                return true;
            }
            default -> {
                return fatal(0, String.format("unknown magic number 0x%08x (neither pcap nor pcapng)", magic));
            }
        }
        if (end < PCAP_HEADER_BYTES) {
            format = null;
            return fatal(0, "pcap global header truncated: " + end + " of 24 bytes");
        }
        snapLength = Bytes.u32(segment, 16, bigEndian);
        // The upper bits of the link-type field carry FCS information (pcap-linktype(7)); the type is the low 16.
        pcapLinkType = (int) (Bytes.u32(segment, 20, bigEndian) & 0xFFFF);
        position = PCAP_HEADER_BYTES;
        return true;
    }

    private void pcapHeader(boolean bigEndian, boolean nanosecond) {
        this.format = CaptureFormat.PCAP;
        this.bigEndian = bigEndian;
        this.nanosecond = nanosecond;
    }

    private boolean nextPcapRecord() {
        while (true) {
            if (source != null) {
                ensure(PCAP_RECORD_HEADER_BYTES);
            }
            long at = position;
            long remaining = end - at;
            if (remaining == 0) {
                return false;
            }
            if (remaining < PCAP_RECORD_HEADER_BYTES) {
                position = end;
                return fatal(at, "record header truncated: " + remaining + " of 16 bytes");
            }
            // Two 8-byte loads instead of four 4-byte ones: in file order the first field of each pair sits in
            // the low half of a little-endian load and in the high half of a big-endian one.
            long time = Bytes.i64(segment, at, bigEndian);
            long lengths = Bytes.i64(segment, at + 8, bigEndian);
            long seconds = bigEndian ? time >>> 32 : time & 0xFFFF_FFFFL;
            long fraction = bigEndian ? time & 0xFFFF_FFFFL : time >>> 32;
            long captured = bigEndian ? lengths >>> 32 : lengths & 0xFFFF_FFFFL;
            long original = bigEndian ? lengths & 0xFFFF_FFFFL : lengths >>> 32;
            if (captured <= MAX_CAPTURED_BYTES) {
                if (source != null) {
                    ensure(PCAP_RECORD_HEADER_BYTES + captured);
                }
                at = position; // a stream buffer may have moved
                remaining = end - at;
            }
            long available = remaining - PCAP_RECORD_HEADER_BYTES;
            if (captured > available) {
                position = end;
                skippedCount++;
                return fatal(at, "record declares " + captured + " bytes, only " + available + " remain");
            }
            position = at + PCAP_RECORD_HEADER_BYTES + captured;
            if (captured > MAX_CAPTURED_BYTES) {
                skippedCount++;
                recoverable(at, "record declares " + captured + " captured bytes, above the 256 MiB limit");
                continue;
            }
            int anomalies = (captured > original ? Anomaly.CAPTURED_ABOVE_ORIGINAL : 0)
                    | (snapLength != 0 && captured > snapLength ? Anomaly.CAPTURED_ABOVE_SNAPLEN : 0);
            packet.frame(
                    segment, at, at + PCAP_RECORD_HEADER_BYTES, (int) captured, original, pcapLinkType, 0, anomalies);
            packet.timestamp(nanosecond ? Packet.TS_PCAP_NANO : Packet.TS_PCAP_MICRO, seconds, fraction, 0, 0);
            return true;
        }
    }

    // ---------------------------------------------------------------- pcapng

    private boolean nextPcapngPacket() {
        while (true) {
            if (source != null) {
                ensure(12);
            }
            long at = position;
            long remaining = end - at;
            if (remaining == 0) {
                return false;
            }
            if (remaining < 12) {
                position = end;
                return fatal(at, "block header truncated: " + remaining + " of 12 bytes");
            }
            int type = (int) Bytes.u32(segment, at, bigEndian);
            if (type == PCAPNG_SECTION_HEADER) {
                if (source != null) {
                    ensure(28);
                }
                at = position;
                remaining = end - at;
                if (remaining < 28) {
                    position = end;
                    return fatal(at, "section header block truncated: " + remaining + " of 28 bytes");
                }
                int byteOrderMagic = Bytes.i32(segment, at + 8);
                if (byteOrderMagic == PCAPNG_BYTE_ORDER_MAGIC) {
                    bigEndian = true;
                } else if (byteOrderMagic == Integer.reverseBytes(PCAPNG_BYTE_ORDER_MAGIC)) {
                    bigEndian = false;
                } else {
                    position = end;
                    return fatal(at + 8, String.format("section header has byte-order magic 0x%08x", byteOrderMagic));
                }
                inSection = true;
                interfaceCount = 0;
            } else if (!inSection) {
                position = end;
                return fatal(at, "pcapng data does not start with a section header block");
            }
            long length = Bytes.u32(segment, at + 4, bigEndian);
            if (length <= MAX_CAPTURED_BYTES + 4096) {
                if (source != null) {
                    ensure(length);
                }
                at = position;
                remaining = end - at;
            }
            boolean packetBlock =
                    type == PCAPNG_ENHANCED_PACKET || type == PCAPNG_SIMPLE_PACKET || type == PCAPNG_OBSOLETE_PACKET;
            if (length < 12 || (length & 3) != 0 || length > remaining) {
                position = end;
                skippedCount += packetBlock ? 1 : 0;
                return fatal(
                        at + 4,
                        "block of type " + Integer.toUnsignedString(type) + " declares length " + length
                                + " (must be a multiple of 4, at least 12, at most the " + remaining + " bytes left)");
            }
            position = at + length;
            long trailer = Bytes.u32(segment, at + length - 4, bigEndian);
            if (trailer != length) {
                skippedCount += packetBlock ? 1 : 0;
                recoverable(at + length - 4, "trailing block length " + trailer + " differs from leading " + length);
                continue;
            }
            long body = at + 8;
            long bodyBytes = length - 12;
            switch (type) {
                case PCAPNG_INTERFACE_DESCRIPTION -> interfaceDescription(at, body, bodyBytes);
                case PCAPNG_ENHANCED_PACKET -> {
                    if (enhancedPacket(at, body, bodyBytes, false)) {
                        return true;
                    }
                }
                case PCAPNG_OBSOLETE_PACKET -> {
                    if (enhancedPacket(at, body, bodyBytes, true)) {
                        return true;
                    }
                }
                case PCAPNG_SIMPLE_PACKET -> {
                    if (simplePacket(at, body, bodyBytes)) {
                        return true;
                    }
                }
                default -> {
                    // Section headers were handled above; every other block type is skipped by its length.
                }
            }
        }
    }

    private void interfaceDescription(long at, long body, long bodyBytes) {
        if (bodyBytes < 8) {
            recoverable(at, "interface description block body of " + bodyBytes + " bytes is below 8");
            return;
        }
        int linkType = Bytes.u16(segment, body, bigEndian);
        long snap = Bytes.u32(segment, body + 4, bigEndian);
        int tsKind = Packet.TS_DECIMAL;
        int tsDigits = 6;
        long tsOffset = 0;
        long option = body + 8;
        long optionsEnd = body + bodyBytes;
        while (optionsEnd - option >= 4) {
            int code = Bytes.u16(segment, option, bigEndian);
            int optionLength = Bytes.u16(segment, option + 2, bigEndian);
            if (code == 0) {
                break;
            }
            if (optionLength > optionsEnd - option - 4) {
                recoverable(option, "interface option " + code + " of " + optionLength + " bytes runs past its block");
                break;
            }
            if (code == 9 && optionLength >= 1) {
                int resolution = Bytes.u8(segment, option + 4);
                int digits = resolution & 0x7F;
                if ((resolution & 0x80) != 0) {
                    tsKind = Packet.TS_BINARY;
                    tsDigits = Math.min(digits, 64);
                } else if (digits <= 18) {
                    tsDigits = digits;
                } else {
                    recoverable(option, "if_tsresol 10^-" + digits + " is finer than supported (10^-18)");
                }
            } else if (code == 14 && optionLength >= 8) {
                tsOffset = Bytes.i64(segment, option + 4, bigEndian);
            }
            option += 4 + ((optionLength + 3L) & ~3L);
        }
        if (interfaceCount == interfaceLinkType.length) {
            int size = interfaceCount * 2;
            interfaceLinkType = Arrays.copyOf(interfaceLinkType, size);
            interfaceSnapLength = Arrays.copyOf(interfaceSnapLength, size);
            interfaceTsKind = Arrays.copyOf(interfaceTsKind, size);
            interfaceTsDigits = Arrays.copyOf(interfaceTsDigits, size);
            interfaceTsOffset = Arrays.copyOf(interfaceTsOffset, size);
        }
        interfaceLinkType[interfaceCount] = linkType;
        interfaceSnapLength[interfaceCount] = snap;
        interfaceTsKind[interfaceCount] = tsKind;
        interfaceTsDigits[interfaceCount] = tsDigits;
        interfaceTsOffset[interfaceCount] = tsOffset;
        interfaceCount++;
    }

    /**
     * An enhanced packet block, or an obsolete packet block (type 2): the same layout except that the 32-bit
     * interface id is a 16-bit id followed by a 16-bit drops count.
     */
    private boolean enhancedPacket(long at, long body, long bodyBytes, boolean obsolete) {
        String kind = obsolete ? "obsolete packet block" : "enhanced packet block";
        if (bodyBytes < 20) {
            skippedCount++;
            recoverable(at, kind + " body of " + bodyBytes + " bytes is below 20");
            return false;
        }
        long interfaceId = obsolete ? Bytes.u16(segment, body, bigEndian) : Bytes.u32(segment, body, bigEndian);
        if (interfaceId >= interfaceCount) {
            skippedCount++;
            recoverable(at, kind + " names interface " + interfaceId + " but the section has " + interfaceCount);
            return false;
        }
        int id = (int) interfaceId;
        long tsHigh = Bytes.u32(segment, body + 4, bigEndian);
        long tsLow = Bytes.u32(segment, body + 8, bigEndian);
        long captured = Bytes.u32(segment, body + 12, bigEndian);
        long original = Bytes.u32(segment, body + 16, bigEndian);
        if (captured > bodyBytes - 20 || captured > MAX_CAPTURED_BYTES) {
            skippedCount++;
            recoverable(
                    at,
                    kind + " declares " + captured + " captured bytes, its body holds " + (bodyBytes - 20)
                            + " (limit 256 MiB)");
            return false;
        }
        int anomalies = (captured > original ? Anomaly.CAPTURED_ABOVE_ORIGINAL : 0)
                | (interfaceSnapLength[id] != 0 && captured > interfaceSnapLength[id]
                        ? Anomaly.CAPTURED_ABOVE_SNAPLEN
                        : 0);
        packet.frame(segment, at, body + 20, (int) captured, original, interfaceLinkType[id], id, anomalies);
        packet.timestamp(interfaceTsKind[id], tsHigh, tsLow, interfaceTsDigits[id], interfaceTsOffset[id]);
        return true;
    }

    private boolean simplePacket(long at, long body, long bodyBytes) {
        if (bodyBytes < 4) {
            skippedCount++;
            recoverable(at, "simple packet block body of " + bodyBytes + " bytes is below 4");
            return false;
        }
        if (interfaceCount == 0) {
            skippedCount++;
            recoverable(at, "simple packet block in a section without an interface");
            return false;
        }
        long original = Bytes.u32(segment, body, bigEndian);
        long captured = Math.min(original, bodyBytes - 4);
        if (interfaceSnapLength[0] != 0) {
            captured = Math.min(captured, interfaceSnapLength[0]);
        }
        if (captured > MAX_CAPTURED_BYTES) {
            skippedCount++;
            recoverable(at, "simple packet block holds " + captured + " bytes, above the 256 MiB limit");
            return false;
        }
        packet.frame(segment, at, body + 4, (int) captured, original, interfaceLinkType[0], 0, 0);
        packet.noTimestamp(); // simple packet blocks carry none

        return true;
    }

    // ---------------------------------------------------------------- problems

    /** A problem after which the framing is lost: strict throws, lax reports and the walk ends. */
    private boolean fatal(long at, String what) {
        report(at, what);
        return false;
    }

    /** A problem the framing survives: strict throws, lax reports and continues. */
    private void recoverable(long at, String what) {
        report(at, what);
    }

    /**
     * Streaming only: makes at least {@code bytes} bytes from {@link #position} available in the buffer (fewer
     * at the end of the stream), moving the unread bytes to the buffer's start and growing it for a record
     * larger than the buffer. Callers re-read {@link #position} afterwards. No effect on a whole segment.
     */
    private void ensure(long bytes) {
        if (source == null || end - position >= bytes || sourceEnded) {
            return;
        }
        int unread = (int) (end - position);
        if (bytes > buffer.length) {
            byte[] larger = new byte[(int) Math.max(bytes, Math.min(2L * buffer.length, Integer.MAX_VALUE - 8))];
            System.arraycopy(buffer, (int) position, larger, 0, unread);
            buffer = larger;
            segment = MemorySegment.ofArray(buffer);
        } else {
            System.arraycopy(buffer, (int) position, buffer, 0, unread);
        }
        base += position;
        position = 0;
        end = unread;
        try {
            while (end < bytes) {
                int n = source.read(buffer, (int) end, buffer.length - (int) end);
                if (n < 0) {
                    sourceEnded = true;
                    return;
                }
                end += n;
            }
        } catch (IOException e) {
            throw new java.io.UncheckedIOException("reading the capture stream at offset " + (base + end), e);
        }
    }

    private void report(long at, String what) {
        MalformedCaptureException problem = new MalformedCaptureException(base + at, what);
        if (mode == ParseMode.STRICT) {
            finished = true;
            throw problem;
        }
        errorCount++;
        if (firstError == null) {
            firstError = problem;
        }
        if (errorSink != null) {
            errorSink.malformed(problem);
        }
    }
}
