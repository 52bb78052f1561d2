/*
 * Copyright 2026 the Ferrum authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.ferrum.kv.server;

import dev.ferrum.kv.KvStore;
import dev.ferrum.kv.KvStoreException;
import dev.ferrum.kv.WriteBatch;
import dev.ferrum.kv.server.internal.RespReader;
import dev.ferrum.kv.server.internal.RespWriter;
import java.io.EOFException;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A RESP2 (Redis protocol) front end for a {@link KvStore}: one virtual thread per connection doing
 * blocking reads, so {@code redis-cli} and {@code redis-benchmark} work against the store.
 *
 * <p>Commands: GET SET DEL EXISTS MGET MSET PING ECHO DBSIZE INFO QUIT, plus CONFIG GET of {@code save}
 * and {@code appendonly} (what {@code redis-benchmark} asks at start-up). Unknown commands get {@code -ERR unknown command}.
 * Pipelining: replies are buffered and flushed only when no further request is already waiting.
 * Malformed input (bad framing, a length over the limit) gets {@code -ERR Protocol error: ...} and the
 * connection is closed; every length is checked before allocation, so a bad client cannot make the
 * server allocate more than {@code maxRequestBytes} for one request.
 */
public final class RespServer implements AutoCloseable {

    private final KvStore store;
    private final ServerSocket server;
    private final long maxBulkBytes;
    private final long maxRequestBytes;
    private final Set<Socket> connections = ConcurrentHashMap.newKeySet();
    private final AtomicLong commands = new AtomicLong();
    private final AtomicLong connectionsAccepted = new AtomicLong();
    private final long started = System.currentTimeMillis();
    private volatile boolean closed;
    private Thread acceptor;

    /** Binds {@code host:port} (port 0 picks a free one). */
    public RespServer(KvStore store, String host, int port, long maxRequestBytes) throws IOException {
        this.store = store;
        this.server = new ServerSocket();
        server.setReuseAddress(true);
        server.bind(new InetSocketAddress(InetAddress.getByName(host), port), 512);
        this.maxBulkBytes =
                Math.max(store.options().maxKeyBytes(), store.options().maxValueBytes());
        this.maxRequestBytes = maxRequestBytes;
    }

    public int port() {
        return server.getLocalPort();
    }

    /** Starts accepting on a platform thread. */
    public RespServer start() {
        acceptor = Thread.ofPlatform().name("ferrum-kv-resp-accept").start(this::acceptLoop);
        return this;
    }

    /** Blocks until the server is closed. */
    public void join() throws InterruptedException {
        acceptor.join();
    }

    private void acceptLoop() {
        while (!closed) {
            try {
                Socket s = server.accept();
                s.setTcpNoDelay(true);
                connections.add(s);
                connectionsAccepted.incrementAndGet();
                Thread.ofVirtual().name("resp-conn").start(() -> serve(s));
            } catch (IOException e) {
                if (closed) {
                    return;
                }
            }
        }
    }

    private void serve(Socket s) {
        try (s) {
            RespReader in = new RespReader(s.getInputStream(), 64 * 1024, 1 << 20, maxBulkBytes, maxRequestBytes);
            RespWriter out = new RespWriter(s.getOutputStream(), 64 * 1024);
            List<List<byte[]>> pending = new ArrayList<>();
            for (; ; ) {
                List<byte[]> args;
                try {
                    args = in.next();
                } catch (RespReader.ProtocolException e) {
                    executeAll(pending, out); // answer what came before the bad frame, in order
                    out.error("ERR Protocol error: " + e.getMessage());
                    out.flush();
                    return;
                }
                if (args == null) {
                    executeAll(pending, out);
                    out.flush();
                    return;
                }
                if (args.isEmpty()) {
                    continue;
                }
                pending.add(args);
                // Pipelining: gather what is already buffered (up to a bound), then execute it in order.
                if (pending.size() < MAX_PIPELINE_BATCH && in.hasBuffered()) {
                    continue;
                }
                boolean keepOpen = executeAll(pending, out);
                if (!keepOpen) {
                    out.flush();
                    return;
                }
                if (!in.hasBuffered()) {
                    out.flush();
                }
            }
        } catch (EOFException | SocketException e) {
            // client went away mid-request: nothing to answer
        } catch (IOException e) {
            // connection-level I/O failure: drop this client, keep serving others
        } finally {
            connections.remove(s);
        }
    }

    private static final int MAX_PIPELINE_BATCH = 64;

    /**
     * Executes buffered requests in order; runs of consecutive valid SETs go to the store as one
     * {@link WriteBatch} (one writer-lock acquisition), each still answered {@code +OK}.
     *
     * @return false if a QUIT was executed (the rest is dropped)
     */
    private boolean executeAll(List<List<byte[]>> pending, RespWriter out) throws IOException {
        int n = pending.size();
        int i = 0;
        while (i < n) {
            int run = i;
            while (run < n && batchableSet(pending.get(run))) {
                run++;
            }
            if (run - i >= 2) {
                WriteBatch batch = new WriteBatch();
                for (int j = i; j < run; j++) {
                    batch.put(pending.get(j).get(1), pending.get(j).get(2));
                }
                String error = null;
                try {
                    store.write(batch);
                } catch (KvStoreException | IllegalArgumentException e) {
                    error = "ERR " + e.getMessage();
                }
                for (int j = i; j < run; j++) {
                    commands.incrementAndGet();
                    if (error == null) {
                        out.simple("OK");
                    } else {
                        out.error(error);
                    }
                }
                i = run;
                continue;
            }
            commands.incrementAndGet();
            if (!execute(pending.get(i), out)) {
                pending.clear();
                return false;
            }
            i++;
        }
        pending.clear();
        return true;
    }

    private boolean batchableSet(List<byte[]> args) {
        byte[] cmd = args.get(0);
        return args.size() == 3
                && cmd.length == 3
                && (cmd[0] | 0x20) == 's'
                && (cmd[1] | 0x20) == 'e'
                && (cmd[2] | 0x20) == 't'
                && args.get(1).length >= 1
                && args.get(1).length <= store.options().maxKeyBytes()
                && args.get(2).length <= store.options().maxValueBytes();
    }

    private static String name(byte[] b) {
        return new String(b, StandardCharsets.UTF_8);
    }

    /** Executes one command; returns false if the connection should close (QUIT). */
    private boolean execute(List<byte[]> args, RespWriter out) throws IOException {
        String cmd = name(args.get(0)).toUpperCase(Locale.ROOT);
        int n = args.size();
        try {
            switch (cmd) {
                case "PING" -> {
                    if (n == 1) {
                        out.simple("PONG");
                    } else if (n == 2) {
                        out.bulk(args.get(1));
                    } else {
                        arity(out, cmd);
                    }
                }
                case "ECHO" -> {
                    if (n != 2) {
                        arity(out, cmd);
                    } else {
                        out.bulk(args.get(1));
                    }
                }
                case "GET" -> {
                    if (n != 2) {
                        arity(out, cmd);
                    } else {
                        out.bulk(store.get(args.get(1)));
                    }
                }
                case "SET" -> {
                    if (n != 3) {
                        out.error(
                                n < 3
                                        ? "ERR wrong number of arguments for 'set' command"
                                        : "ERR syntax error (SET options are not supported)");
                    } else {
                        store.put(args.get(1), args.get(2));
                        out.simple("OK");
                    }
                }
                case "DEL" -> {
                    if (n < 2) {
                        arity(out, cmd);
                    } else {
                        long c = 0;
                        for (int i = 1; i < n; i++) {
                            c += store.delete(args.get(i)) ? 1 : 0;
                        }
                        out.integer(c);
                    }
                }
                case "EXISTS" -> {
                    if (n < 2) {
                        arity(out, cmd);
                    } else {
                        long c = 0;
                        for (int i = 1; i < n; i++) {
                            c += store.contains(args.get(i)) ? 1 : 0;
                        }
                        out.integer(c);
                    }
                }
                case "MGET" -> {
                    if (n < 2) {
                        arity(out, cmd);
                    } else {
                        out.arrayHeader(n - 1);
                        for (int i = 1; i < n; i++) {
                            out.bulk(store.get(args.get(i)));
                        }
                    }
                }
                case "MSET" -> {
                    if (n < 3 || n % 2 == 0) {
                        arity(out, cmd);
                    } else {
                        WriteBatch b = new WriteBatch();
                        for (int i = 1; i < n; i += 2) {
                            b.put(args.get(i), args.get(i + 1));
                        }
                        store.write(b);
                        out.simple("OK");
                    }
                }
                case "DBSIZE" -> out.integer(store.size());
                case "INFO" -> out.bulk(info().getBytes(StandardCharsets.UTF_8));
                case "CONFIG" -> {
                    if (n == 3 && name(args.get(1)).equalsIgnoreCase("GET")) {
                        // what redis-benchmark asks at start-up; everything else: no such parameter
                        String param = name(args.get(2)).toLowerCase(Locale.ROOT);
                        String value = switch (param) {
                            case "save" -> "";
                            case "appendonly" -> "no";
                            default -> null;
                        };
                        if (value == null) {
                            out.arrayHeader(0);
                        } else {
                            out.arrayHeader(2);
                            out.bulk(param.getBytes(StandardCharsets.UTF_8));
                            out.bulk(value.getBytes(StandardCharsets.UTF_8));
                        }
                    } else {
                        out.error("ERR CONFIG supports only GET here");
                    }
                }
                case "QUIT" -> {
                    out.simple("OK");
                    return false;
                }
                default -> {
                    StringBuilder sb = new StringBuilder("ERR unknown command '")
                            .append(printable(args.get(0)))
                            .append("', with args beginning with:");
                    for (int i = 1; i < Math.min(n, 4); i++) {
                        sb.append(" '").append(printable(args.get(i))).append('\'');
                    }
                    out.error(sb.toString());
                }
            }
        } catch (IllegalArgumentException e) {
            out.error("ERR " + e.getMessage());
        } catch (KvStoreException e) {
            out.error("ERR " + e.getMessage());
        }
        return true;
    }

    private static String printable(byte[] b) {
        String s = name(b.length > 64 ? java.util.Arrays.copyOf(b, 64) : b);
        return s.replaceAll("[^\\x20-\\x7e]", "?");
    }

    private static void arity(RespWriter out, String cmd) throws IOException {
        out.error("ERR wrong number of arguments for '" + cmd.toLowerCase(Locale.ROOT) + "' command");
    }

    private String info() {
        var st = store.stats();
        return "# Server\r\nferrum_kv_version:0.1.0\r\nredis_mode:standalone\r\ntcp_port:" + port()
                + "\r\nuptime_in_seconds:" + (System.currentTimeMillis() - started) / 1000
                + "\r\n# Clients\r\nconnected_clients:" + connections.size()
                + "\r\n# Stats\r\ntotal_connections_received:" + connectionsAccepted.get()
                + "\r\ntotal_commands_processed:" + commands.get()
                + "\r\n# Persistence\r\ndurability:" + st.durability()
                + "\r\nlive_bytes:" + st.liveBytes() + "\r\ndead_bytes:" + st.deadBytes()
                + "\r\nsegments:" + st.segments() + "\r\nindex_bytes:" + st.indexBytes()
                + "\r\n# Keyspace\r\ndb0:keys=" + st.keys() + ",expires=0,avg_ttl=0\r\n";
    }

    /** Stops accepting and closes every connection (the store stays open). */
    @Override
    public void close() throws IOException {
        closed = true;
        server.close();
        for (Socket s : connections) {
            try {
                s.close();
            } catch (IOException ignored) {
                // closing anyway
            }
        }
    }
}
