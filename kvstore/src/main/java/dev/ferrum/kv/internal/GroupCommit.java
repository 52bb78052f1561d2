/*
 * Copyright 2026 the Ferrum authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.ferrum.kv.internal;

/**
 * Group commit for SYNC_EVERY_N_MS: a daemon thread that every interval forces what was appended to the
 * active segment since its last pass. The range is taken under the writer lock, the msync runs outside
 * it (writers keep appending above it) with the segment pinned ({@link Segment#tryPin()}), so a
 * compaction that retires the segment meanwhile defers its unmap instead of failing the force.
 * Sealed segments need no pass: a roll under this policy forces the segment it seals.
 */
public final class GroupCommit implements AutoCloseable {

    private final Log log;
    private final long intervalMillis;
    private final Thread thread;

    public GroupCommit(Log log, long intervalMillis) {
        this.log = log;
        this.intervalMillis = intervalMillis;
        this.thread = Thread.ofPlatform()
                .daemon()
                .name("ferrum-kv-sync " + log.directory().getFileName())
                .start(this::loop);
    }

    private void loop() {
        while (!log.closed()) {
            try {
                Thread.sleep(intervalMillis);
            } catch (InterruptedException e) {
                return;
            }
            passOnce();
        }
    }

    /** One pass: force the active segment's unforced range. */
    void passOnce() {
        Log.SyncTask task;
        log.writeLock.lock();
        try {
            task = log.beginSyncLocked();
        } finally {
            log.writeLock.unlock();
        }
        if (task == null) {
            return;
        }
        try {
            task.segment().force(task.from(), task.to());
        } finally {
            task.segment().unpin();
        }
        log.writeLock.lock();
        try {
            log.endSyncLocked(task);
        } finally {
            log.writeLock.unlock();
        }
    }

    /** Stops the thread and waits for it. */
    @Override
    public void close() {
        thread.interrupt();
        try {
            thread.join();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
