/*
 * Copyright 2026 the Ferrum authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.ferrum.kv;

/**
 * A record read back from a segment failed its CRC32C or length checks (the file was changed
 * underneath the store). The record is never returned.
 */
public final class CorruptRecordException extends KvStoreException {

    private static final long serialVersionUID = 1L;

    public CorruptRecordException(String message) {
        super(message);
    }
}
