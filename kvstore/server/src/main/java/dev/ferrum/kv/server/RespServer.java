/*
 * Copyright 2026 the Ferrum authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.ferrum.kv.server;

import dev.ferrum.kv.KvStore;
import dev.ferrum.kv.server.internal.EventLoop;
import dev.ferrum.kv.server.internal.ServerState;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.StandardSocketOptions;
import java.nio.ByteBuffer;
import java.nio.channels.ClosedChannelException;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * A RESP2 (Redis protocol) front end for a {@link KvStore}, so {@code redis-cli}, {@code redis-benchmark}
 * and Redis client libraries work against the store.
 *
 * <p>Design (as redis-server's): event loops over non-blocking sockets ({@link RespServerConfig#ioThreads()}
 * of them, one by default), fed by one accepting thread. Every complete request in what one read returns is
 * executed at once and all their replies leave in one write; runs of plain SETs become one store batch.
 * Memory is bounded per connection and in total: an idle connection holds no buffer, a partial request is
 * buffered only as far as its bytes have arrived (never at the size its header announces), lengths are
 * checked against {@code proto-max-bulk-len} and {@code client-query-buffer-limit} at their headers, all
 * client buffers together stay under {@code maxmemory-clients}, and at most {@code maxclients} connections are
 * served (one more is answered {@code -ERR max number of clients reached} and closed). Accept failures
 * such as running out of file descriptors back off (up to 1 s) instead of spinning. Commands that write
 * are serialized (INCR, APPEND, SET NX and the like are atomic); reads are lock-free.
 *
 * <p>Commands: GET SET (NX XX GET KEEPTTL) SETNX GETSET MGET MSET STRLEN APPEND INCR DECR INCRBY DECRBY
 * DEL UNLINK EXISTS TYPE TTL PTTL KEYS SCAN DBSIZE FLUSHDB FLUSHALL SELECT PING ECHO QUIT HELLO CLIENT
 * COMMAND INFO CONFIG GET. Keys may be empty, as in Redis. No expiry (EX/PX are refused).
 */
public final class RespServer implements AutoCloseable {

    /** Redis's reply to a connection over {@code maxclients}. */
    static final byte[] MAX_CLIENTS_REPLY =
            "-ERR max number of clients reached\r\n".getBytes(StandardCharsets.US_ASCII);

    /** File descriptors kept free beyond those open at start, for segment files created later. */
    static final int RESERVED_FDS = 32;

    private final ServerSocketChannel server;
    private final ServerState state;
    private final List<EventLoop> loops = new ArrayList<>();
    private final List<Thread> threads = new ArrayList<>();
    private volatile boolean closed;

    /** Binds as configured (port 0 picks a free one); {@link #start()} begins serving. */
    public RespServer(KvStore store, RespServerConfig config) throws IOException {
        this.server = ServerSocketChannel.open();
        try {
            server.setOption(StandardSocketOptions.SO_REUSEADDR, true);
            server.bind(new InetSocketAddress(InetAddress.getByName(config.bind()), config.port()), 511);
            long maxBulk = config.protoMaxBulkLen() > 0
                    ? config.protoMaxBulkLen()
                    : Math.max(store.options().maxKeyBytes(), store.options().maxValueBytes());
            long maxClientBytes = config.maxMemoryClients() > 0
                    ? config.maxMemoryClients()
                    : Runtime.getRuntime().maxMemory() / 4;
            int maxClients = config.maxClients();
            long[] fds = openFiles();
            long room = fds[1] - fds[0] - RESERVED_FDS;
            if (fds[1] > 0 && room < maxClients) {
                maxClients = (int) Math.max(1, room);
            }
            this.state = new ServerState(
                    store,
                    ((InetSocketAddress) server.getLocalAddress()).getPort(),
                    maxClients,
                    config.maxClients(),
                    maxBulk,
                    config.clientQueryBufferLimit(),
                    maxClientBytes,
                    config.idleTimeoutSeconds(),
                    config.ioThreads());
            for (int i = 0; i < config.ioThreads(); i++) {
                loops.add(new EventLoop(state));
            }
        } catch (IOException | RuntimeException e) {
            server.close();
            throw e;
        }
    }

    /**
     * {open now, limit} of the process's file descriptors, or {-1, -1} if the platform does not say. A JVM
     * holds many descriptors of its own (jars, the store's files), so the client limit is what remains of the
     * limit after those and a reserve, not the limit minus 32 as for redis-server.
     */
    static long[] openFiles() {
        try {
            if (ManagementFactory.getOperatingSystemMXBean()
                    instanceof com.sun.management.UnixOperatingSystemMXBean unix) {
                return new long[] {unix.getOpenFileDescriptorCount(), unix.getMaxFileDescriptorCount()};
            }
        } catch (LinkageError e) {
            // jdk.management not present
        }
        return new long[] {-1, -1};
    }

    public int port() {
        return state.port;
    }

    /** The effective client limit: the configured one, lowered to fit the open-file limit. */
    public int maxClients() {
        return state.maxClients;
    }

    /** Connections being served now. */
    public int connectedClients() {
        return state.connected.get();
    }

    /** Bytes held in client buffers now (partial requests, unsent replies). */
    public long clientBufferBytes() {
        return state.clientBytes.get();
    }

    /** Starts the event loops and the accepting thread. */
    public RespServer start() {
        for (int i = 0; i < loops.size(); i++) {
            threads.add(Thread.ofPlatform().name("ferrum-kv-resp-io-" + i).start(loops.get(i)));
        }
        threads.add(Thread.ofPlatform().name("ferrum-kv-resp-accept").start(this::acceptLoop));
        return this;
    }

    /** Blocks until the server is closed. */
    public void join() throws InterruptedException {
        for (Thread t : threads) {
            t.join();
        }
    }

    private void acceptLoop() {
        long backoffMillis = 0;
        int next = 0;
        while (!closed) {
            SocketChannel ch;
            try {
                ch = server.accept();
                backoffMillis = 0;
            } catch (ClosedChannelException e) {
                return;
            } catch (IOException e) {
                // EMFILE/ENFILE ("Too many open files"), ENOBUFS, ...: the pending connection stays queued and
                // accept would fail again at once; wait instead of spinning, 5 ms doubling up to 1 s.
                if (closed) {
                    return;
                }
                state.acceptErrors.incrementAndGet();
                backoffMillis = Math.min(1000, Math.max(5, backoffMillis * 2));
                try {
                    Thread.sleep(backoffMillis);
                } catch (InterruptedException ie) {
                    return;
                }
                continue;
            }
            state.accepted.incrementAndGet();
            if (state.connected.incrementAndGet() > state.maxClients) {
                state.connected.decrementAndGet();
                state.rejected.incrementAndGet();
                reject(ch);
                continue;
            }
            loops.get(next).adopt(ch);
            next = (next + 1) % loops.size();
        }
    }

    /** Answers as Redis does over maxclients, then closes (the socket is fresh: a 36-byte write fits). */
    private static void reject(SocketChannel ch) {
        try (ch) {
            ch.configureBlocking(false);
            ch.write(ByteBuffer.wrap(MAX_CLIENTS_REPLY));
        } catch (IOException ignored) {
            // the client is gone already
        }
    }

    /** Stops accepting and closes every connection (the store stays open). */
    @Override
    public void close() throws IOException {
        closed = true;
        server.close();
        for (EventLoop l : loops) {
            l.shutdown();
        }
        for (Thread t : threads) {
            try {
                t.join(5000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
        }
    }
}
