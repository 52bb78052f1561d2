/*
 * Copyright 2026 the Ferrum authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.ferrum.queue;

/**
 * A {@link RingBuffer} record header that no producer could have written: a length below the header size,
 * above the maximum message size, or running past the end of the ring, or an invalid type. Usually a
 * foreign process wrote into the shared file, or two rings with different layouts were mapped over it.
 * The consumer position is left on the bad record; the ring cannot be read past it. (Named apart from the
 * key-value store's {@code dev.ferrum.kv.CorruptRecordException}, about the store's files.)
 */
public final class CorruptRingRecordException extends IllegalStateException {

    private static final long serialVersionUID = 1L;

    private final long offset;

    /**
     * Creates the exception.
     *
     * @param offset  byte offset of the bad record in the ring's data region
     * @param message what is wrong, including where
     */
    public CorruptRingRecordException(long offset, String message) {
        super(message);
        this.offset = offset;
    }

    /** Byte offset of the bad record in the ring's data region. @return the offset */
    public long offset() {
        return offset;
    }
}
