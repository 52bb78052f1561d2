/*
 * Copyright 2026 the Ferrum authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.ferrum.queue;

import java.io.IOException;

/**
 * A file given to {@link MappedRingBuffer#open} is not a ring buffer file this version can use: wrong
 * magic number, unknown version or kind, a capacity that is not a power of two, or a size that does not
 * match the capacity in its header. The message names the file and what is wrong with it.
 */
public class InvalidRingFileException extends IOException {

    private static final long serialVersionUID = 1L;

    /**
     * Creates the exception.
     *
     * @param message what is wrong, including the file
     */
    public InvalidRingFileException(String message) {
        super(message);
    }
}
