/*
 * Copyright 2026 the Ferrum authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.ferrum.queue;

/**
 * A ring buffer file given to {@link MappedRingBuffer#open} was left by an owner process that died without
 * closing it: its last write may be incomplete. The message names the file and the dead process.
 * {@link MappedRingBuffer#openStale} maps such a file anyway.
 */
public final class StaleRingFileException extends InvalidRingFileException {

    private static final long serialVersionUID = 1L;

    /**
     * Creates the exception.
     *
     * @param message what is wrong, including the file and the owner's pid
     */
    public StaleRingFileException(String message) {
        super(message);
    }
}
