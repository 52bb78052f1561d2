/*
 * Copyright 2026 the Ferrum authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.ferrum.kv;

/**
 * The file system has no room for the next segment (or its hint/manifest). The failed write was not
 * applied and the store is intact: reads keep working, and writes succeed again once space is freed.
 */
public final class StorageFullException extends KvStoreException {

    private static final long serialVersionUID = 1L;

    public StorageFullException(String message, Throwable cause) {
        super(message, cause);
    }
}
