/*
 * Copyright 2026 the Ferrum authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.ferrum.kv;

/** A store operation failed: I/O error, store closed, or a corrupt record met on a read. */
public class KvStoreException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public KvStoreException(String message) {
        super(message);
    }

    public KvStoreException(String message, Throwable cause) {
        super(message, cause);
    }
}
