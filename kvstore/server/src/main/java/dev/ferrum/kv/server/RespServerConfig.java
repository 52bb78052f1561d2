/*
 * Copyright 2026 the Ferrum authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.ferrum.kv.server;

import java.util.Objects;

/**
 * Settings of a {@link RespServer}, named after the redis.conf settings they mirror.
 *
 * @param bind                   address to listen on
 * @param port                   TCP port (0 picks a free one)
 * @param maxClients             most connections served at once; one more is answered
 *                               {@code -ERR max number of clients reached} and closed (what Redis
 *                               calls maxclients; capped at the process's open-file limit minus 32)
 * @param protoMaxBulkLen        longest bulk string accepted, checked at its {@code $length} header before
 *                               any byte of it is buffered (Redis's {@code proto-max-bulk-len}); 0 = the
 *                               store's largest key or value
 * @param clientQueryBufferLimit most bytes one request may span, and so the most input buffered for one
 *                               client (Redis's {@code client-query-buffer-limit})
 * @param maxMemoryClients       most bytes buffered for all clients together (partial requests and
 *                               unsent replies); a client that would exceed it is disconnected (what Redis
 *                               {@code maxmemory-clients}); 0 = a quarter of the maximum heap
 * @param idleTimeoutSeconds     close a connection idle this long (Redis's {@code timeout}); 0 = never
 * @param ioThreads              event-loop threads, each serving a share of the connections
 */
public record RespServerConfig(
        String bind,
        int port,
        int maxClients,
        long protoMaxBulkLen,
        long clientQueryBufferLimit,
        long maxMemoryClients,
        long idleTimeoutSeconds,
        int ioThreads) {

    /** Validates every setting. */
    public RespServerConfig {
        Objects.requireNonNull(bind, "bind");
        check(port >= 0 && port <= 65535, "port", port);
        check(maxClients >= 1, "maxclients", maxClients);
        check(protoMaxBulkLen >= 0 && protoMaxBulkLen <= Integer.MAX_VALUE - 64, "proto-max-bulk-len", protoMaxBulkLen);
        check(
                clientQueryBufferLimit >= 1024 && clientQueryBufferLimit <= Integer.MAX_VALUE - 64,
                "client-query-buffer-limit",
                clientQueryBufferLimit);
        check(maxMemoryClients >= 0, "maxmemory-clients", maxMemoryClients);
        check(idleTimeoutSeconds >= 0, "timeout", idleTimeoutSeconds);
        check(ioThreads >= 1 && ioThreads <= 256, "io-threads", ioThreads);
    }

    private static void check(boolean ok, String name, long value) {
        if (!ok) {
            throw new IllegalArgumentException(name + " out of range: " + value);
        }
    }

    /** Defaults: 127.0.0.1:6380, 10,000 clients, 64 MiB per request, no idle timeout, one I/O thread. */
    public static Builder builder() {
        return new Builder();
    }

    /** Mutable builder for {@link RespServerConfig}. */
    public static final class Builder {
        private String bind = "127.0.0.1";
        private int port = 6380;
        private int maxClients = 10_000;
        private long protoMaxBulkLen;
        private long clientQueryBufferLimit = 64L << 20;
        private long maxMemoryClients;
        private long idleTimeoutSeconds;
        private int ioThreads = 1;

        Builder() {}

        public Builder bind(String address) {
            this.bind = address;
            return this;
        }

        public Builder port(int port) {
            this.port = port;
            return this;
        }

        public Builder maxClients(int n) {
            this.maxClients = n;
            return this;
        }

        public Builder protoMaxBulkLen(long bytes) {
            this.protoMaxBulkLen = bytes;
            return this;
        }

        public Builder clientQueryBufferLimit(long bytes) {
            this.clientQueryBufferLimit = bytes;
            return this;
        }

        public Builder maxMemoryClients(long bytes) {
            this.maxMemoryClients = bytes;
            return this;
        }

        public Builder idleTimeoutSeconds(long seconds) {
            this.idleTimeoutSeconds = seconds;
            return this;
        }

        public Builder ioThreads(int n) {
            this.ioThreads = n;
            return this;
        }

        public RespServerConfig build() {
            return new RespServerConfig(
                    bind,
                    port,
                    maxClients,
                    protoMaxBulkLen,
                    clientQueryBufferLimit,
                    maxMemoryClients,
                    idleTimeoutSeconds,
                    ioThreads);
        }
    }
}
