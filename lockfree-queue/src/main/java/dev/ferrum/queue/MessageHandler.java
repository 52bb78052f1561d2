/*
 * Copyright 2026 the Ferrum authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.ferrum.queue;

import java.lang.foreign.MemorySegment;

/**
 * Receives messages from {@link RingBuffer#read}. The message is not copied: it is the byte range
 * {@code [offset, offset + length)} of {@code buffer}, the ring's data region, and it is valid only during
 * the call (the ring zeroes and reuses it afterwards). Copy out what must outlive the call.
 */
@FunctionalInterface
public interface MessageHandler {

    /**
     * Handles one message.
     *
     * @param type   the message type given to {@code write}, at least 1
     * @param buffer the ring's data region (the same segment for every call)
     * @param offset where the payload starts in {@code buffer}, 8-byte aligned
     * @param length payload bytes
     */
    void onMessage(int type, MemorySegment buffer, long offset, int length);
}
