/*
 * Copyright 2026 the Ferrum authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.ferrum.kv.internal;

import dev.ferrum.kv.CorruptStoreException;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.zip.CRC32C;

/**
 * {@code MANIFEST}: the segment files the store expects, so that a missing, truncated or swapped file
 * is reported instead of silently replaying what is left. A small text file, replaced atomically
 * (written to {@code MANIFEST.tmp}, forced, renamed, directory forced) at every change of the segment
 * set: store creation, each roll of the active segment, each compaction commit.
 *
 * <pre>
 * ferrum-kv manifest 2
 * seg 0000000000000001-0000 5f0c33a1 sealed 67108803
 * seg 0000000000000001-0001 77e2a0c9 sealed-unsynced 4211
 * seg 0000000000000002-0000 0d9e1b44 active
 * crc 8a1c02ff
 * </pre>
 * Each line names a segment, its header salt, and for a sealed segment the exact end of its records
 * ({@code dataEnd}). The active segment's end is not recorded (it grows with every write); recovery
 * finds it by scanning.
 */
public final class Manifest {

    public static final String FILE_NAME = "MANIFEST";
    private static final String FIRST_LINE = "ferrum-kv manifest 2";

    /**
     * One expected segment. {@code dataEnd} is -1 for the active segment. {@code synced} is false for a
     * segment sealed under NO_SYNC and not forced yet: after an OS crash it may legitimately come back
     * shorter (the policy's documented loss), so recovery reports that as a cut tail, not as damage.
     */
    public record Entry(String name, int salt, long dataEnd, boolean synced) {
        public boolean sealed() {
            return dataEnd >= 0;
        }
    }

    private Manifest() {}

    /** Writes the manifest atomically and durably. */
    public static void write(Path dir, List<Entry> entries) throws IOException {
        StringBuilder sb = new StringBuilder(FIRST_LINE).append('\n');
        HexFormat hex = HexFormat.of();
        for (Entry e : entries) {
            sb.append("seg ")
                    .append(e.name())
                    .append(' ')
                    .append(hex.toHexDigits(e.salt()))
                    .append(e.sealed() ? (e.synced() ? " sealed " : " sealed-unsynced ") + e.dataEnd() : " active")
                    .append('\n');
        }
        byte[] body = sb.toString().getBytes(StandardCharsets.UTF_8);
        CRC32C crc = new CRC32C();
        crc.update(body);
        byte[] all = (sb + "crc " + hex.toHexDigits((int) crc.getValue()) + "\n").getBytes(StandardCharsets.UTF_8);
        Path tmp = dir.resolve(FILE_NAME + ".tmp");
        try {
            try (FileChannel ch = FileChannel.open(
                    tmp, StandardOpenOption.CREATE, StandardOpenOption.WRITE, StandardOpenOption.TRUNCATE_EXISTING)) {
                ByteBuffer b = ByteBuffer.wrap(all);
                while (b.hasRemaining()) {
                    ch.write(b);
                }
                ch.force(true);
            }
            Files.move(tmp, dir.resolve(FILE_NAME), StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            Files.deleteIfExists(tmp);
            throw e;
        }
        Durable.syncDirectory(dir);
    }

    /**
     * Reads the manifest, or returns {@code null} if there is none.
     *
     * @throws CorruptStoreException if it exists but is not a valid manifest
     */
    public static List<Entry> read(Path dir) throws IOException {
        Path p = dir.resolve(FILE_NAME);
        if (!Files.exists(p)) {
            return null;
        }
        String text = Files.readString(p, StandardCharsets.UTF_8);
        int crcAt = text.lastIndexOf("crc ");
        if (!text.startsWith(FIRST_LINE + "\n") || crcAt < 0 || !text.endsWith("\n")) {
            throw bad(p, "not a version-2 manifest");
        }
        CRC32C crc = new CRC32C();
        crc.update(text.substring(0, crcAt).getBytes(StandardCharsets.UTF_8));
        int stored;
        try {
            stored = HexFormat.fromHexDigits(text.substring(crcAt + 4, text.length() - 1));
        } catch (IllegalArgumentException e) {
            throw bad(p, "unreadable checksum line");
        }
        if (stored != (int) crc.getValue()) {
            throw bad(p, "checksum mismatch");
        }
        List<Entry> out = new ArrayList<>();
        String[] lines = text.substring(FIRST_LINE.length() + 1, crcAt).split("\n", -1);
        for (String line : lines) {
            if (line.isEmpty()) {
                continue;
            }
            String[] f = line.split(" ", -1);
            try {
                if (f.length == 4 && f[0].equals("seg") && f[3].equals("active")) {
                    out.add(new Entry(f[1], HexFormat.fromHexDigits(f[2]), -1, false));
                } else if (f.length == 5 && f[0].equals("seg") && f[3].startsWith("sealed")) {
                    long end = Long.parseLong(f[4]);
                    if (end < 0) {
                        throw bad(p, "negative end in '" + line + "'");
                    }
                    out.add(new Entry(f[1], HexFormat.fromHexDigits(f[2]), end, f[3].equals("sealed")));
                } else {
                    throw bad(p, "unreadable line '" + line + "'");
                }
            } catch (IllegalArgumentException e) {
                throw bad(p, "unreadable line '" + line + "'");
            }
        }
        return out;
    }

    private static CorruptStoreException bad(Path p, String why) {
        return new CorruptStoreException(
                "manifest " + p + " is damaged (" + why + "); reopen with salvage(true) to rebuild it from the"
                        + " segment files",
                null);
    }
}
