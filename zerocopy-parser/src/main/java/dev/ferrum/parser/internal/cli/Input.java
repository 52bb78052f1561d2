/*
 * Copyright 2026 the Ferrum authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.ferrum.parser.internal.cli;

import dev.ferrum.parser.CaptureReader;
import dev.ferrum.parser.ParseMode;
import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.lang.foreign.Arena;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.zip.GZIPInputStream;

/**
 * Opens the capture a command names: a regular file is mapped (zero copy); standard input ({@code -}), a pipe or
 * any other non-regular file, and a gzip-compressed capture ({@code .pcap.gz}, recognised by its magic bytes, not
 * its name) go through the streaming path, which copies records into one reused buffer.
 */
final class Input {

    /** Thrown for an input that cannot be opened; its message is what the user sees. */
    static final class UnusableInputException extends IOException {
        private static final long serialVersionUID = 1L;

        UnusableInputException(String message, Throwable cause) {
            super(message, cause);
        }
    }

    private Input() {}

    /**
     * Opens {@code name} for reading.
     *
     * @param name  a path, or {@code -} for standard input
     * @param arena owns the mapping of a regular file
     * @param mode  strict or lax
     * @param stdin standard input (a parameter so tests can supply one)
     * @return a reader (a streamed file stays open until the process ends: one capture per command)
     * @throws UnusableInputException with "no such file", "is a directory", "permission denied"
     */
    static CaptureReader open(String name, Arena arena, ParseMode mode, InputStream stdin)
            throws UnusableInputException {
        if (name.equals("-")) {
            return stream(stdin, mode, "standard input");
        }
        Path file = Path.of(name);
        try {
            if (Files.isDirectory(file)) {
                throw new UnusableInputException(name + ": is a directory", null);
            }
            if (!Files.exists(file)) {
                throw new UnusableInputException(name + ": no such file", null);
            }
            if (!Files.isReadable(file)) {
                throw new UnusableInputException(name + ": permission denied", null);
            }
            if (!Files.isRegularFile(file) || isGzip(file)) {
                return stream(Files.newInputStream(file), mode, name);
            }
            return CaptureReader.open(file, arena, mode);
        } catch (NoSuchFileException e) {
            throw new UnusableInputException(name + ": no such file", e);
        } catch (AccessDeniedException e) {
            throw new UnusableInputException(name + ": permission denied", e);
        } catch (UnusableInputException e) {
            throw e;
        } catch (IOException e) {
            throw new UnusableInputException(name + ": " + e.getMessage(), e);
        }
    }

    private static boolean isGzip(Path file) throws IOException {
        try (InputStream in = Files.newInputStream(file)) {
            return in.read() == 0x1F && in.read() == 0x8B;
        }
    }

    private static CaptureReader stream(InputStream raw, ParseMode mode, String name) throws UnusableInputException {
        try {
            BufferedInputStream in = new BufferedInputStream(raw, 1 << 16);
            in.mark(2);
            boolean gzip = in.read() == 0x1F && in.read() == 0x8B;
            in.reset();
            return CaptureReader.stream(gzip ? new GZIPInputStream(in, 1 << 16) : in, mode);
        } catch (IOException e) {
            throw new UnusableInputException(name + ": " + e.getMessage(), e);
        }
    }
}
