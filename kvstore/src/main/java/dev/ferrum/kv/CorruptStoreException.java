/*
 * Copyright 2026 the Ferrum authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.ferrum.kv;

/**
 * The store's files do not match what it wrote: a segment the manifest lists is missing, truncated,
 * replaced or swapped, a sealed segment has damaged records, or the manifest itself is damaged. Thrown by
 * {@link KvStore#open} instead of serving what is left (which could resurrect deleted keys or older
 * values). {@link #report()} lists the findings; open with {@link KvOptions.Builder#salvage(boolean)} to
 * serve the surviving records anyway.
 */
public final class CorruptStoreException extends KvStoreException {

    private static final long serialVersionUID = 1L;

    private final transient RecoveryReport report;

    public CorruptStoreException(String message, RecoveryReport report) {
        super(message);
        this.report = report;
    }

    /** What recovery found, or {@code null} if it stopped before (a damaged manifest, an old format). */
    public RecoveryReport report() {
        return report;
    }
}
