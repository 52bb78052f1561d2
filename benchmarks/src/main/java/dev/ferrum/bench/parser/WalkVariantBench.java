/*
 * Copyright 2026 the Ferrum authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.ferrum.bench.parser;

import dev.ferrum.parser.CaptureReader;
import dev.ferrum.parser.LinkType;
import dev.ferrum.parser.Packet;
import dev.ferrum.parser.ParseMode;
import dev.ferrum.parser.internal.PacketDecoder;
import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.nio.ByteOrder;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;

/**
 * Splits the gap between {@link ParseFileBench#zeroCopy()} and the Rust zero-copy walker (the Rust benchmark
 * crate's {@code parser::walk} + {@code zero_copy_sum} over a memmap2 mapping of the same file): the Rust walk
 * transcribed to Java (same reads, same checksum) over the mapping, over a heap copy and with byte-wise reads;
 * the bare record framing; the framing plus Ferrum's per-packet decoder; the reader with a visitor that reads
 * only the captured length; and the full benchmark. One operation = one pass over the file. Diagnostic only:
 * not part of {@link ParserSuite}.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
public class WalkVariantBench {

    private static final ValueLayout.OfShort U16_BE = ValueLayout.JAVA_SHORT_UNALIGNED.withOrder(ByteOrder.BIG_ENDIAN);
    private static final ValueLayout.OfInt U32_BE = ValueLayout.JAVA_INT_UNALIGNED.withOrder(ByteOrder.BIG_ENDIAN);
    private static final ValueLayout.OfInt U32_LE = ValueLayout.JAVA_INT_UNALIGNED.withOrder(ByteOrder.LITTLE_ENDIAN);

    /** File size in MiB. */
    @Param("64")
    public int megabytes;

    private Arena arena;
    private MemorySegment file;
    private MemorySegment heap;
    private CaptureReader reader;
    private final PacketDecoder decoder = new PacketDecoder();
    private final ParseFileBench.ChecksumVisitor full = new ParseFileBench.ChecksumVisitor();
    private final CapturedLengthVisitor lengths = new CapturedLengthVisitor();

    /** Reads the one field the reader has before any decoding: the captured length. */
    static final class CapturedLengthVisitor implements dev.ferrum.parser.PacketVisitor {
        long sum;

        @Override
        public void packet(Packet p) {
            sum += p.capturedLength();
        }
    }

    @Setup
    public void setUp() throws Exception {
        arena = Arena.ofShared();
        file = CaptureReader.map(BenchFiles.ensure(megabytes), arena);
        heap = MemorySegment.ofArray(file.toArray(ValueLayout.JAVA_BYTE));
        reader = CaptureReader.of(file, ParseMode.STRICT);
    }

    @TearDown
    public void tearDown() {
        arena.close();
    }

    /** The Rust walk + zero_copy_sum, transcribed, over the mapping (unaligned big-endian layouts). */
    @Benchmark
    public long rustTranscription() {
        return rustChecksum(file);
    }

    /** The same code over a heap copy of the file ({@code MemorySegment.ofArray}). */
    @Benchmark
    public long rustTranscriptionHeap() {
        return rustChecksum(heap);
    }

    /** The same walk over the mapping, assembling every big-endian field from single bytes as the Rust source does. */
    @Benchmark
    public long rustTranscriptionByteWise() {
        return rustChecksumByteWise(file);
    }

    /** Record framing only (the Rust {@code walk} with an empty visitor): sums captured lengths. */
    @Benchmark
    public long framingOnly() {
        MemorySegment data = file;
        long size = data.byteSize();
        boolean le = littleEndian(data);
        long pos = 24;
        long sum = 0;
        while (pos + 16 <= size) {
            long captured = captured(data, pos, le);
            if (pos + 16 + captured > size) {
                throw new IllegalStateException("record at offset " + pos + " runs past the end of the file");
            }
            sum += captured;
            pos += 16 + captured;
        }
        return sum;
    }

    /** The same framing, plus Ferrum's per-packet decoder ({@code internal.PacketDecoder}) on every frame. */
    @Benchmark
    public long framingPlusDecoder() {
        MemorySegment data = file;
        long size = data.byteSize();
        boolean le = littleEndian(data);
        long pos = 24;
        long sum = 0;
        while (pos + 16 <= size) {
            long captured = captured(data, pos, le);
            long original = le ? data.get(U32_LE, pos + 12) & 0xFFFF_FFFFL : data.get(U32_BE, pos + 12) & 0xFFFF_FFFFL;
            if (pos + 16 + captured > size) {
                throw new IllegalStateException("record at offset " + pos + " runs past the end of the file");
            }
            decoder.decode(data, pos + 16, (int) captured, original, LinkType.ETHERNET, 0, false);
            sum += captured + decoder.layers();
            pos += 16 + captured;
        }
        return sum;
    }

    /** Ferrum's reader, visitor reading only the captured length: the reader's own per-record cost. */
    @Benchmark
    public long ferrumRecordsOnly() {
        lengths.sum = 0;
        reader.rewind().forEach(lengths);
        return lengths.sum;
    }

    /** What {@link ParseFileBench#zeroCopy()} does. */
    @Benchmark
    public long ferrumFull() {
        full.sum = 0;
        reader.rewind().forEach(full);
        return full.sum;
    }

    // ---------------------------------------------------------------- the transcription

    static boolean littleEndian(MemorySegment data) {
        if (data.byteSize() < 24) {
            throw new IllegalArgumentException("file shorter than the 24-byte global header");
        }
        int magic = data.get(U32_LE, 0);
        return switch (magic) {
            case 0xA1B2C3D4, 0xA1B23C4D -> true;
            case 0xD4C3B2A1, 0x4D3CB2A1 -> false;
            default -> throw new IllegalArgumentException(String.format("not a pcap file: magic 0x%08x", magic));
        };
    }

    private static long captured(MemorySegment data, long pos, boolean le) {
        return (le ? data.get(U32_LE, pos + 8) : data.get(U32_BE, pos + 8)) & 0xFFFF_FFFFL;
    }

    /** Rust {@code zero_copy}: {@code walk} + wrapping sum of {@code zero_copy_sum} over every frame. */
    static long rustChecksum(MemorySegment data) {
        long size = data.byteSize();
        boolean le = littleEndian(data);
        long pos = 24;
        long sum = 0;
        while (pos + 16 <= size) {
            long captured = captured(data, pos, le);
            if (pos + 16 + captured > size) {
                throw new IllegalStateException("record at offset " + pos + " runs past the end of the file");
            }
            sum += frameSum(data, pos + 16, (int) captured);
            pos += 16 + captured;
        }
        if (pos != size) {
            throw new IllegalStateException((size - pos) + " trailing bytes at offset " + pos);
        }
        return sum;
    }

    /** Rust {@code zero_copy_sum} for the frame at {@code [f, f + len)}. */
    private static long frameSum(MemorySegment d, long f, int len) {
        long s = len;
        if (len < 14) {
            return s;
        }
        int ty = d.get(U16_BE, f + 12) & 0xFFFF;
        int off = 14;
        if (ty == 0x8100 && len >= 18) {
            ty = d.get(U16_BE, f + 16) & 0xFFFF;
            off = 18;
        }
        int proto;
        int l4;
        int end;
        if (ty == 0x0800 && len >= off + 20) {
            int ihl = (d.get(ValueLayout.JAVA_BYTE, f + off) & 0x0F) * 4;
            int total = d.get(U16_BE, f + off + 2) & 0xFFFF;
            s += d.get(U32_BE, f + off + 12) & 0xFFFF_FFFFL;
            proto = d.get(ValueLayout.JAVA_BYTE, f + off + 9) & 0xFF;
            l4 = off + ihl;
            end = Math.min(off + total, len);
        } else if (ty == 0x86DD && len >= off + 40) {
            int total = 40 + (d.get(U16_BE, f + off + 4) & 0xFFFF);
            proto = d.get(ValueLayout.JAVA_BYTE, f + off + 6) & 0xFF;
            l4 = off + 40;
            end = Math.min(off + total, len);
        } else {
            return s;
        }
        if (proto == 6 && l4 + 20 <= end) {
            int hl = ((d.get(ValueLayout.JAVA_BYTE, f + l4 + 12) & 0xFF) >>> 4) * 4;
            s += Math.max(0, end - (l4 + hl));
            s += (d.get(U16_BE, f + l4) & 0xFFFF) + (d.get(U16_BE, f + l4 + 2) & 0xFFFF);
            s += d.get(U32_BE, f + l4 + 4) & 0xFFFF_FFFFL;
        } else if (proto == 17 && l4 + 8 <= end) {
            s += end - l4 - 8;
            s += (d.get(U16_BE, f + l4) & 0xFFFF) + (d.get(U16_BE, f + l4 + 2) & 0xFFFF);
        }
        return s;
    }

    private static int u8(MemorySegment d, long at) {
        return d.get(ValueLayout.JAVA_BYTE, at) & 0xFF;
    }

    private static int be16(MemorySegment d, long at) {
        return (u8(d, at) << 8) | u8(d, at + 1);
    }

    private static long be32(MemorySegment d, long at) {
        return ((long) u8(d, at) << 24) | (u8(d, at + 1) << 16) | (u8(d, at + 2) << 8) | u8(d, at + 3);
    }

    private static long le32(MemorySegment d, long at) {
        return ((long) u8(d, at + 3) << 24) | (u8(d, at + 2) << 16) | (u8(d, at + 1) << 8) | u8(d, at);
    }

    /** {@link #rustChecksum} with every multi-byte field assembled from single-byte reads. */
    static long rustChecksumByteWise(MemorySegment data) {
        long size = data.byteSize();
        boolean le = littleEndian(data);
        long pos = 24;
        long sum = 0;
        while (pos + 16 <= size) {
            long captured = le ? le32(data, pos + 8) : be32(data, pos + 8);
            if (pos + 16 + captured > size) {
                throw new IllegalStateException("record at offset " + pos + " runs past the end of the file");
            }
            sum += frameSumByteWise(data, pos + 16, (int) captured);
            pos += 16 + captured;
        }
        if (pos != size) {
            throw new IllegalStateException((size - pos) + " trailing bytes at offset " + pos);
        }
        return sum;
    }

    private static long frameSumByteWise(MemorySegment d, long f, int len) {
        long s = len;
        if (len < 14) {
            return s;
        }
        int ty = be16(d, f + 12);
        int off = 14;
        if (ty == 0x8100 && len >= 18) {
            ty = be16(d, f + 16);
            off = 18;
        }
        int proto;
        int l4;
        int end;
        if (ty == 0x0800 && len >= off + 20) {
            int ihl = (u8(d, f + off) & 0x0F) * 4;
            int total = be16(d, f + off + 2);
            s += be32(d, f + off + 12);
            proto = u8(d, f + off + 9);
            l4 = off + ihl;
            end = Math.min(off + total, len);
        } else if (ty == 0x86DD && len >= off + 40) {
            int total = 40 + be16(d, f + off + 4);
            proto = u8(d, f + off + 6);
            l4 = off + 40;
            end = Math.min(off + total, len);
        } else {
            return s;
        }
        if (proto == 6 && l4 + 20 <= end) {
            int hl = (u8(d, f + l4 + 12) >>> 4) * 4;
            s += Math.max(0, end - (l4 + hl));
            s += be16(d, f + l4) + be16(d, f + l4 + 2) + be32(d, f + l4 + 4);
        } else if (proto == 17 && l4 + 8 <= end) {
            s += end - l4 - 8;
            s += be16(d, f + l4) + be16(d, f + l4 + 2);
        }
        return s;
    }
}
