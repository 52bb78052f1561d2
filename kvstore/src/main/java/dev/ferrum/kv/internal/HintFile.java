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
import java.nio.file.StandardOpenOption;
import java.util.zip.CRC32C;

/**
 * Hint file next to a sealed segment ({@code X.seg} - {@code X.hint}): the segment's record offsets
 * in file order, so recovery rebuilds the index without reading values or checking CRCs.
 *
 * <pre>
 * "FKVH" | int32 version=1 | int64 dataEnd | int32 count | count x int64 (offset | tombstone&lt;&lt;63) | int32 CRC32C
 * </pre>
 * (little-endian; the CRC covers every byte before it). A hint that is missing, short or fails its CRC
 * is ignored and the segment is scanned instead: hints only speed recovery up, the segment is the truth.
 */
public final class HintFile {

    private static final int MAGIC = 0x48564B46; // "FKVH" little-endian
    private static final int VERSION = 1;
    private static final long TOMBSTONE_BIT = 1L << 63;

    /** Offsets and dataEnd read from a valid hint. */
    public record Hint(long dataEnd, long[] entries) {
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

    /** Writes and forces the hint (to a temporary name first, then renamed). */
    public static void write(Path segment, long dataEnd, long[] entries, int count) throws IOException {
        ByteBuffer b = ByteBuffer.allocate(4 + 4 + 8 + 4 + count * 8 + 4).order(ByteOrder.LITTLE_ENDIAN);
        b.putInt(MAGIC).putInt(VERSION).putLong(dataEnd).putInt(count);
        for (int i = 0; i < count; i++) {
            b.putLong(entries[i]);
        }
        CRC32C crc = new CRC32C();
        crc.update(b.array(), 0, b.position());
        b.putInt((int) crc.getValue());
        b.flip();
        Path target = pathFor(segment);
        Path tmp = target.resolveSibling(target.getFileName() + ".tmp");
        try (FileChannel ch = FileChannel.open(
                tmp, StandardOpenOption.CREATE, StandardOpenOption.WRITE, StandardOpenOption.TRUNCATE_EXISTING)) {
            while (b.hasRemaining()) {
                ch.write(b);
            }
            ch.force(true);
        }
        Files.move(tmp, target, java.nio.file.StandardCopyOption.ATOMIC_MOVE);
    }

    /** Reads a hint, or returns {@code null} if absent or invalid. */
    public static Hint read(Path segment, long segmentSize) {
        Path p = pathFor(segment);
        try {
            if (!Files.exists(p)) {
                return null;
            }
            byte[] bytes = Files.readAllBytes(p);
            if (bytes.length < 24) {
                return null;
            }
            ByteBuffer b = ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN);
            if (b.getInt() != MAGIC || b.getInt() != VERSION) {
                return null;
            }
            long dataEnd = b.getLong();
            int count = b.getInt();
            if (count < 0 || bytes.length != 24 + (long) count * 8 || dataEnd < 0 || dataEnd > segmentSize) {
                return null;
            }
            CRC32C crc = new CRC32C();
            crc.update(bytes, 0, bytes.length - 4);
            if ((int) crc.getValue()
                    != ByteBuffer.wrap(bytes, bytes.length - 4, 4)
                            .order(ByteOrder.LITTLE_ENDIAN)
                            .getInt()) {
                return null;
            }
            long[] entries = new long[count];
            for (int i = 0; i < count; i++) {
                entries[i] = b.getLong();
                if (Hint.offset(entries[i]) >= dataEnd) {
                    return null;
                }
            }
            return new Hint(dataEnd, entries);
        } catch (IOException e) {
            return null;
        }
    }
}
