/*
 * Copyright 2026 the Ferrum authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.ferrum.parser;

/**
 * A capture file (or a packet inside it) is not what its headers claim: truncated, a length that runs past
 * the end, an unknown magic number, a bogus pcapng block length, a header field outside its legal range.
 *
 * <p>The exception names the absolute byte offset in the parsed segment (the file offset when the segment
 * maps a whole file) and what was wrong, e.g. {@code at offset 1048576: record declares 70000 bytes, only 12
 * remain}. It is unchecked so that it can leave a {@link PacketVisitor} callback; in
 * {@link ParseMode#STRICT strict} mode it is the only exception the parser throws for bad input, in
 * {@link ParseMode#LAX lax} mode it is handed to {@link PacketVisitor#malformed} instead of being thrown.
 */
public final class MalformedCaptureException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    /** Byte offset of the offending structure. */
    private final long offset;
    /** What was wrong, without the offset. */
    private final String problem;

    /**
     * Creates the exception.
     *
     * @param offset  byte offset of the offending structure in the parsed segment
     * @param problem what was wrong, e.g. "record declares 70000 bytes, only 12 remain"
     */
    public MalformedCaptureException(long offset, String problem) {
        super("at offset " + offset + ": " + problem);
        this.offset = offset;
        this.problem = problem;
    }

    /** Byte offset of the offending structure in the parsed segment. */
    public long offset() {
        return offset;
    }

    /** What was wrong, without the offset. */
    public String problem() {
        return problem;
    }
}
