/*
 * Copyright 2026 the Ferrum authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.ferrum.arena;

/**
 * Thrown when a {@link BumpArena} cannot satisfy a request without exceeding its hard limit
 * ({@link BumpArena.Builder#limitBytes(long)}) or its chunk table.
 *
 * <p>The arena is left unchanged and usable: a smaller request, a {@link BumpArena#rewind rewind} or a
 * {@link BumpArena#reset() reset} may succeed afterwards. The message says what was asked and what is left.
 */
public final class ArenaExhaustedException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    /** The requested size in bytes. */
    private final long requestedBytes;
    /** The requested alignment in bytes. */
    private final long requestedAlignment;
    /** Bytes still obtainable: free space in the current chunk plus unreserved bytes under the limit. */
    private final long remainingBytes;

    ArenaExhaustedException(String message, long requestedBytes, long requestedAlignment, long remainingBytes) {
        super(message);
        this.requestedBytes = requestedBytes;
        this.requestedAlignment = requestedAlignment;
        this.remainingBytes = remainingBytes;
    }

    /** Returns the size in bytes of the request that failed. */
    public long requestedBytes() {
        return requestedBytes;
    }

    /** Returns the alignment in bytes of the request that failed. */
    public long requestedAlignment() {
        return requestedAlignment;
    }

    /** Returns bytes still obtainable when the request failed (current chunk's free space plus unreserved budget). */
    public long remainingBytes() {
        return remainingBytes;
    }
}
