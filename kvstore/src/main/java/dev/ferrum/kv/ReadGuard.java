/*
 * Copyright 2026 the Ferrum authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.ferrum.kv;

import java.lang.foreign.MemorySegment;

/**
 * A read snapshot of the store's mapped files: while it is open, no segment it can reach is unmapped
 * (compaction defers unmapping retired segments until every guard is closed), so
 * {@link #get(byte[])} can return zero-copy views into the mapped files.
 *
 * <p>Thread model: a guard may be used by the thread that opened it (views may be handed to other
 * threads but stay valid only until {@link #close()}). Holding a guard for long delays the reclamation
 * of compacted files (disk space), never writers or other readers.
 */
public final class ReadGuard implements AutoCloseable {

    private final KvStore store;
    private boolean closed;

    ReadGuard(KvStore store) {
        this.store = store;
    }

    /**
     * A read-only view of the value, valid until this guard is closed, or {@code null} if absent.
     *
     * @throws CorruptRecordException if the record fails its CRC check
     */
    public MemorySegment get(byte[] key) {
        if (closed) {
            throw new IllegalStateException("read guard is closed");
        }
        return store.view(key);
    }

    /** Ends the snapshot; views obtained from it must no longer be used. Idempotent. */
    @Override
    public void close() {
        if (!closed) {
            closed = true;
            store.releaseGuard();
        }
    }
}
