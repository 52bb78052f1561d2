/*
 * Copyright 2026 the Ferrum authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.ferrum.kv.server.internal;

import dev.ferrum.kv.KvStore;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.LongAdder;
import java.util.concurrent.locks.ReentrantLock;

/** What every event loop of one server shares: the store, the limits, the counters and the write lock. */
public final class ServerState {

    public final KvStore store;
    public final int port;
    public final int maxClients;
    public final int configuredMaxClients;
    public final long maxBulk;
    public final long maxRequest;
    public final long maxClientBytes;
    public final long idleTimeoutNanos;
    public final long idleTimeoutSeconds;
    public final int ioThreads;
    public final long startedMillis = System.currentTimeMillis();

    /**
     * Serializes every command that writes: a read-modify-write command (INCR, APPEND, SETNX, SET NX/XX,
     * GETSET, FLUSHDB, ...) reads and writes under it, and plain writes take it too, so no write can land
     * between another command's read and write. Reads do not take it (the store's reads are lock-free).
     */
    public final ReentrantLock writeLock = new ReentrantLock();

    public final AtomicInteger connected = new AtomicInteger();
    public final AtomicLong accepted = new AtomicLong();
    public final AtomicLong rejected = new AtomicLong();
    public final AtomicLong acceptErrors = new AtomicLong();
    public final LongAdder commands = new LongAdder();
    public final AtomicLong clientBytes = new AtomicLong();
    public final AtomicLong clientsEvicted = new AtomicLong();
    public final AtomicLong nextClientId = new AtomicLong();

    public ServerState(
            KvStore store,
            int port,
            int maxClients,
            int configuredMaxClients,
            long maxBulk,
            long maxRequest,
            long maxClientBytes,
            long idleTimeoutSeconds,
            int ioThreads) {
        this.store = store;
        this.port = port;
        this.maxClients = maxClients;
        this.configuredMaxClients = configuredMaxClients;
        this.maxBulk = maxBulk;
        this.maxRequest = maxRequest;
        this.maxClientBytes = maxClientBytes;
        this.idleTimeoutSeconds = idleTimeoutSeconds;
        this.idleTimeoutNanos = idleTimeoutSeconds * 1_000_000_000L;
        this.ioThreads = ioThreads;
    }

    /** Charges {@code bytes} to the all-clients budget; false (nothing charged) if it would go over. */
    boolean charge(Connection c, long bytes) {
        if (bytes <= 0) {
            clientBytes.addAndGet(bytes);
            c.charged += bytes;
            return true;
        }
        long now = clientBytes.addAndGet(bytes);
        if (now > maxClientBytes) {
            clientBytes.addAndGet(-bytes);
            return false;
        }
        c.charged += bytes;
        return true;
    }

    void release(Connection c) {
        clientBytes.addAndGet(-c.charged);
        c.charged = 0;
    }
}
