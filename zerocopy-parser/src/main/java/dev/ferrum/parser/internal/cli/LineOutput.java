/*
 * Copyright 2026 the Ferrum authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.ferrum.parser.internal.cli;

import java.io.PrintStream;

/**
 * Buffered output of whole lines: text is appended as ASCII bytes to a 64 KiB buffer that is written only at
 * line boundaries, so an error that stops a command leaves no torn last line once {@link #flush()} ran. A
 * closed pipe ({@code dump | head -1}) is noticed at the next write through the stream's error state, and the
 * command stops instead of decoding the rest of the file for nobody.
 */
final class LineOutput {

    private static final int BUFFER_BYTES = 1 << 16;

    private final PrintStream out;
    private final byte[] buffer = new byte[BUFFER_BYTES];
    private int used;
    private boolean broken;

    LineOutput(PrintStream out) {
        this.out = out;
    }

    /**
     * Appends {@code line} and a newline (fields are ASCII; anything else is written as '?').
     *
     * @return false once the output is gone (broken pipe): the caller should stop
     */
    boolean line(CharSequence line) {
        int length = line.length();
        if (used + length + 1 > buffer.length && !flush()) {
            return false;
        }
        if (length + 1 > buffer.length) {
            for (int i = 0; i < length; i++) {
                char c = line.charAt(i);
                out.write(c < 128 ? c : '?');
            }
            out.write('\n');
            return flush();
        }
        for (int i = 0; i < length; i++) {
            char c = line.charAt(i);
            buffer[used++] = (byte) (c < 128 ? c : '?');
        }
        buffer[used++] = '\n';
        return true;
    }

    /**
     * Writes the buffered lines.
     *
     * @return false if the output is gone (a closed pipe); true otherwise
     */
    boolean flush() {
        if (broken) {
            return false;
        }
        if (used > 0) {
            out.write(buffer, 0, used);
            used = 0;
        }
        // checkError flushes the stream and reports an earlier IOException (EPIPE) that PrintStream swallowed.
        broken = out.checkError();
        return !broken;
    }

    /** Whether a write failed (the reader of the output went away). */
    boolean isBroken() {
        return broken;
    }
}
