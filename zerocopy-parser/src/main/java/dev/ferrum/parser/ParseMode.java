/*
 * Copyright 2026 the Ferrum authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.ferrum.parser;

/** How a {@link CaptureReader} reacts to malformed input. */
public enum ParseMode {
    /** The first problem throws {@link MalformedCaptureException} with its byte offset. */
    STRICT,
    /**
     * Problems are reported to {@link PacketVisitor#malformed} (framing) or on the packet itself
     * ({@link Packet#problem()}, for a header inside a packet), and parsing continues with the next record
     * wherever the framing still says where that record is. Lax parsing never throws for bad input.
     */
    LAX
}
