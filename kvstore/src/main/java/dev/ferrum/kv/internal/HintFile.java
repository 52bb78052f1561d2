/*
 * Copyright 2026 the Ferrum authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.ferrum.kv.internal;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.zip.CRC32C;

/**
 * Hint file next to a sealed segment ({@code X.seg} - {@code X.hint}): the segment's record offsets in
 * file order, so recovery rebuilds the index without reading values.
 *
 * <pre>
 * "FKVH" | int32 version=2 | int32 segment salt | int64 dataEnd | int32 count
 *        | count x (int64 offset | tombstone&lt;&lt;63, int32 CRC32C of the record's header and key)
 *        | int32 CRC32C of everything before it
 * </pre>
 * (little-endian). A hint is only a shortcut and is never trusted alone: it must carry its segment's
 * salt and {@code dataEnd} (the manifest's), and every entry is checked against the segment when it is
 * applied (the record there must carry the salt, plausible lengths and the same header+key CRC), so a
 * flipped key byte, a swapped or truncated segment, or a stale hint makes recovery scan the segment
 * instead. A hint that is missing, short or fails its own CRC is ignored the same way.
 */
public final class HintFile {

    private static final int MAGIC = 0x48564B46; // "FKVH" little-endian
    private static final int VERSION = 2;
    private static final int HEADER = 4 + 4 + 4 + 8 + 4;
    private static final int ENTRY = 12;
    private static final long TOMBSTONE_BIT = 1L << 63;

    /**
     * Offsets, header+key CRCs and dataEnd read from a hint whose own CRC is valid. The arrays are handed
     * over, not copied (a hint can hold millions of entries); hints are never compared or hashed.
     */
    @SuppressWarnings("ArrayRecordComponent")
    public record Hint(int salt, long dataEnd, long[] entries, int[] keyCrcs) {
        public static long offset(long entry) {
            return entry & ~TOMBSTONE_BIT;
        }

        public static boolean tombstone(long entry) {
            return entry < 0;
        }
    }

    private HintFile() {}

    public static Path pathFor(Path segment) {
        String name = segment.getFileName().toString();
        return segment.resolveSibling(name.substring(0, name.length() - ".seg".length()) + ".hint");
    }

    public static long entry(long offset, boolean tombstone) {
        return tombstone ? offset | TOMBSTONE_BIT : offset;
    }

    /** Writes the hint (to a temporary name first, then renamed; not forced, see below). */
    public static void write(Path segment, int salt, long dataEnd, long[] entries, int[] keyCrcs, int count)
            throws IOException {
        ByteBuffer b = ByteBuffer.allocate(HEADER + count * ENTRY + 4).order(ByteOrder.LITTLE_ENDIAN);
        b.putInt(MAGIC).putInt(VERSION).putInt(salt).putLong(dataEnd).putInt(count);
        for (int i = 0; i < count; i++) {
            b.putLong(entries[i]).putInt(keyCrcs[i]);
        }
        CRC32C crc = new CRC32C();
        crc.update(b.array(), 0, b.position());
        b.putInt((int) crc.getValue());
        b.flip();
        Path target = pathFor(segment);
        Path tmp = target.resolveSibling(target.getFileName() + ".tmp");
        try {
            try (FileChannel ch = FileChannel.open(
                    tmp, StandardOpenOption.CREATE, StandardOpenOption.WRITE, StandardOpenOption.TRUNCATE_EXISTING)) {
                while (b.hasRemaining()) {
                    ch.write(b);
                }
                // Not forced: a hint lost or half-written by an OS crash fails its checks and is ignored
                // (the segment is scanned), so an fsync per sealed segment would buy nothing.
            }
            Files.move(tmp, target, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            Files.deleteIfExists(tmp);
            throw e;
        }
    }

    /** Reads a hint, or returns {@code null} if absent or invalid in itself. */
    public static Hint read(Path segment, long segmentSize) {
        Path p = pathFor(segment);
        try {
            if (!Files.exists(p)) {
                return null;
            }
            byte[] bytes = Files.readAllBytes(p);
            if (bytes.length < HEADER + 4) {
                return null;
            }
            ByteBuffer b = ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN);
            if (b.getInt() != MAGIC || b.getInt() != VERSION) {
                return null;
            }
            int salt = b.getInt();
            long dataEnd = b.getLong();
            int count = b.getInt();
            if (count < 0
                    || bytes.length != HEADER + (long) count * ENTRY + 4
                    || dataEnd < SegmentHeader.BYTES
                    || dataEnd > segmentSize) {
                return null;
            }
            CRC32C crc = new CRC32C();
            crc.update(bytes, 0, bytes.length - 4);
            if ((int) crc.getValue() != b.getInt(bytes.length - 4)) {
                return null;
            }
            long[] entries = new long[count];
            int[] crcs = new int[count];
            for (int i = 0; i < count; i++) {
                entries[i] = b.getLong();
                crcs[i] = b.getInt();
                if (Hint.offset(entries[i]) >= dataEnd || Hint.offset(entries[i]) < SegmentHeader.BYTES) {
                    return null;
                }
            }
            return new Hint(salt, dataEnd, entries, crcs);
        } catch (IOException e) {
            return null;
        }
    }
}
