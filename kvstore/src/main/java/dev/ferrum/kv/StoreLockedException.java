/*
 * Copyright 2026 the Ferrum authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.ferrum.kv;

/** The store directory is already open for writing (by another process, or by this one). */
public final class StoreLockedException extends KvStoreException {

    private static final long serialVersionUID = 1L;

    public StoreLockedException(String message) {
        super(message);
    }
}
