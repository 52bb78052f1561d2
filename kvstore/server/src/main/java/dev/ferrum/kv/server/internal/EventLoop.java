/*
 * Copyright 2026 the Ferrum authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.ferrum.kv.server.internal;

import java.io.IOException;
import java.net.StandardSocketOptions;
import java.nio.ByteBuffer;
import java.nio.channels.ClosedSelectorException;
import java.nio.channels.SelectionKey;
import java.nio.channels.Selector;
import java.nio.channels.SocketChannel;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.Set;
import java.util.concurrent.ConcurrentLinkedQueue;

/**
 * One I/O thread: a {@link Selector} over a share of the connections, Redis-style. A readable connection
 * is read into the loop's one input buffer, every complete request in it is executed at once (so a
 * complete PING followed by half a SET is answered immediately), all replies go out in one write, and
 * only the bytes of an incomplete request are kept, in a buffer of the connection's own.
 *
 * <p>Back-pressure: when a client does not read its replies, the unsent bytes are kept (charged to the
 * all-clients budget), the connection stops being read, and requests already received wait until the
 * replies are written. Per connection the server therefore holds at most one incomplete request, the
 * replies of one read, and no buffer at all when idle.
 */
public final class EventLoop implements Runnable {

    /** Size of the loop's input buffer: one read takes at most this much. */
    static final int READ_BUFFER = 64 * 1024;

    /** Replies buffered beyond this are written before more requests are executed. */
    static final int OUT_HIGH_WATER = 256 * 1024;

    /** The first unexpected error is printed (with its stack trace) once per process; later ones are not. */
    private static volatile boolean unexpectedLogged;

    private final ServerState st;
    private final Selector selector;
    private final ConcurrentLinkedQueue<SocketChannel> incoming = new ConcurrentLinkedQueue<>();
    private final byte[] rbuf = new byte[READ_BUFFER];
    private final ByteBuffer rbb = ByteBuffer.wrap(rbuf);
    private final Reply out = new Reply();
    private final Commands commands;
    private final Set<Connection> connections = new HashSet<>();
    private volatile boolean closed;
    private long lastSweep = System.nanoTime();

    public EventLoop(ServerState st) throws IOException {
        this.st = st;
        this.selector = Selector.open();
        this.commands = new Commands(st, out);
    }

    /** Hands over an accepted connection (from the acceptor thread). */
    public void adopt(SocketChannel ch) {
        incoming.add(ch);
        selector.wakeup();
    }

    /** Stops the loop; it closes its connections and its selector on the way out. */
    public void shutdown() {
        closed = true;
        selector.wakeup();
    }

    @Override
    public void run() {
        try {
            while (!closed) {
                selector.select(this::ready, st.idleTimeoutNanos > 0 ? 1000 : 0);
                adoptIncoming();
                if (st.idleTimeoutNanos > 0) {
                    sweepIdle();
                }
            }
        } catch (IOException | ClosedSelectorException e) {
            // selector failure: nothing more can be served by this loop
        } finally {
            for (Connection c : new ArrayList<>(connections)) {
                close(c);
            }
            for (SocketChannel ch; (ch = incoming.poll()) != null; ) {
                closeQuietly(ch);
                st.connected.decrementAndGet();
            }
            try {
                selector.close();
            } catch (IOException ignored) {
                // exiting
            }
        }
    }

    private void adoptIncoming() {
        for (SocketChannel ch; (ch = incoming.poll()) != null; ) {
            try {
                ch.configureBlocking(false);
                ch.setOption(StandardSocketOptions.TCP_NODELAY, true);
                Connection c = new Connection(st.nextClientId.incrementAndGet(), ch);
                c.lastActiveNanos = System.nanoTime();
                c.key = ch.register(selector, SelectionKey.OP_READ, c);
                connections.add(c);
            } catch (IOException e) {
                closeQuietly(ch);
                st.connected.decrementAndGet();
            }
        }
    }

    private void ready(SelectionKey k) {
        Connection c = (Connection) k.attachment();
        try {
            if (k.isValid() && k.isWritable()) {
                onWritable(c);
            }
            if (k.isValid() && k.isReadable() && !c.closed) {
                onReadable(c);
            }
        } catch (IOException e) {
            // connection-level failure (reset by peer, ...): drop this client, keep serving the others
            out.reset();
            close(c);
        } catch (RuntimeException e) {
            // a bug or an unexpected store failure: drop this client, keep serving the others, say why
            if (!unexpectedLogged) {
                unexpectedLogged = true;
                System.err.println("ferrum-kv: closing client " + c.id + " after an unexpected error:");
                e.printStackTrace();
            }
            out.reset();
            close(c);
        }
    }

    private void onReadable(Connection c) throws IOException {
        if (c.pendingOut != null) {
            return; // not reading while replies are pending (OP_READ is off; a stale readiness)
        }
        byte[] work;
        int have;
        ByteBuffer bb;
        if (c.len == 0) {
            work = rbuf;
            have = 0;
            bb = rbb.clear();
        } else if (c.len <= READ_BUFFER / 2 && c.need <= READ_BUFFER) {
            // a small incomplete request: continue it in the loop's buffer
            System.arraycopy(c.buf, 0, rbuf, 0, c.len);
            have = c.len;
            setBuf(c, null);
            c.len = 0;
            work = rbuf;
            bb = rbb.clear().position(have);
        } else {
            if (c.len == c.buf.length && !grow(c)) {
                return;
            }
            work = c.buf;
            have = c.len;
            bb = ByteBuffer.wrap(work, have, work.length - have);
        }
        int n = c.channel.read(bb);
        if (n < 0) {
            close(c);
            return;
        }
        if (n > 0) {
            c.lastActiveNanos = System.nanoTime();
        }
        if (work != c.buf) {
            c.len = 0;
        }
        consume(c, work, have + n);
    }

    /** Executes the complete requests in {@code work[0, end)}, keeps the rest, writes the replies. */
    private void consume(Connection c, byte[] work, int end) throws IOException {
        int p = execute(c, work, end);
        if (c.closeAfterWrite) {
            p = end; // QUIT or a protocol error: whatever follows is not executed
        }
        int left = end - p;
        if (!keep(c, work, p, left)) {
            return;
        }
        if (flush(c) && c.closeAfterWrite) {
            close(c);
        }
    }

    private int execute(Connection c, byte[] work, int end) throws IOException {
        int p = 0;
        while (p < end) {
            int next = c.parse(work, p, end, st.maxBulk, st.maxRequest);
            if (next == Connection.INCOMPLETE) {
                break;
            }
            if (next == Connection.PROTOCOL_ERROR) {
                commands.flushSets();
                out.error("ERR Protocol error: " + c.protocolError);
                c.closeAfterWrite = true;
                return end;
            }
            p = next;
            if (c.argc > 0) {
                st.commands.increment();
                commands.execute(c);
                c.trimArgs();
                if (c.closeAfterWrite) {
                    break;
                }
            }
            if (out.size() > OUT_HIGH_WATER) {
                commands.flushSets();
                if (!flush(c)) {
                    break; // the client is not reading: hold the remaining requests until it does
                }
            }
        }
        commands.flushSets();
        return p;
    }

    /** Keeps the unprocessed {@code left} bytes at {@code work[p..]} in the connection's own buffer. */
    private boolean keep(Connection c, byte[] work, int p, int left) {
        if (left == 0) {
            if (c.buf != null) {
                setBuf(c, null);
            }
            c.len = 0;
            return true;
        }
        if (work == c.buf) {
            if (p > 0) {
                System.arraycopy(work, p, work, 0, left);
            }
            c.len = left;
            if (c.buf.length > 4 * Math.max(left, 4096) && c.need <= 2L * left) {
                return replaceBuf(c, Arrays.copyOf(c.buf, Math.max(left * 2, 4096)), left);
            }
            return true;
        }
        int cap = Math.max(256, Integer.highestOneBit(left) << 1);
        if (c.need > left && c.need < cap) {
            cap = (int) c.need;
        }
        byte[] b = new byte[cap];
        System.arraycopy(work, p, b, 0, left);
        return replaceBuf(c, b, left);
    }

    private boolean replaceBuf(Connection c, byte[] b, int len) {
        long delta = (long) b.length - (c.buf == null ? 0 : c.buf.length);
        if (!st.charge(c, delta)) {
            evict(c);
            return false;
        }
        c.buf = b;
        c.len = len;
        return true;
    }

    private void setBuf(Connection c, byte[] b) {
        st.charge(c, (b == null ? 0 : b.length) - (c.buf == null ? 0 : c.buf.length));
        c.buf = b;
    }

    /** Doubles a full input buffer, up to what the request needs and the request limit. */
    private boolean grow(Connection c) {
        long cap = c.buf.length;
        long want = cap * 2;
        if (c.need > cap) {
            want = Math.min(want, c.need);
        }
        want = Math.min(want, st.maxRequest + Connection.MAX_INLINE);
        if (want <= cap) {
            out.error("ERR Protocol error: request too large (client-query-buffer-limit " + st.maxRequest + " bytes)");
            c.closeAfterWrite = true;
            try {
                flush(c);
            } catch (IOException ignored) {
                // closing anyway
            }
            close(c);
            return false;
        }
        return replaceBuf(c, Arrays.copyOf(c.buf, (int) want), c.len);
    }

    /** Disconnects a client whose buffers would take the all-clients total over maxmemory-clients. */
    private void evict(Connection c) {
        st.clientsEvicted.incrementAndGet();
        out.reset();
        out.error("ERR client buffers over maxmemory-clients (" + st.maxClientBytes + " bytes): closing");
        try {
            c.channel.write(ByteBuffer.wrap(out.buf, 0, out.size()));
        } catch (IOException ignored) {
            // closing anyway
        }
        out.reset();
        close(c);
    }

    /**
     * Writes the buffered replies; what the socket does not take is kept for {@link #onWritable}.
     *
     * @return true if everything was written
     */
    private boolean flush(Connection c) throws IOException {
        int size = out.size();
        if (size == 0) {
            return true;
        }
        ByteBuffer bb = ByteBuffer.wrap(out.buf, 0, size);
        c.channel.write(bb);
        if (!bb.hasRemaining()) {
            out.reset();
            return true;
        }
        byte[] rest = Arrays.copyOfRange(out.buf, bb.position(), size);
        out.reset();
        if (!st.charge(c, rest.length)) {
            evict(c);
            return false;
        }
        c.pendingOut = ByteBuffer.wrap(rest);
        c.key.interestOps(SelectionKey.OP_WRITE);
        return false;
    }

    private void onWritable(Connection c) throws IOException {
        ByteBuffer pending = c.pendingOut;
        if (pending == null) {
            c.key.interestOps(SelectionKey.OP_READ);
            return;
        }
        c.channel.write(pending);
        if (pending.hasRemaining()) {
            return;
        }
        st.charge(c, -pending.capacity());
        c.pendingOut = null;
        if (c.closeAfterWrite) {
            close(c);
            return;
        }
        c.key.interestOps(SelectionKey.OP_READ);
        c.lastActiveNanos = System.nanoTime();
        if (c.len > 0) {
            consume(c, c.buf, c.len); // requests that arrived while the replies were held back
        }
    }

    private void sweepIdle() {
        long now = System.nanoTime();
        if (now - lastSweep < 1_000_000_000L) {
            return;
        }
        lastSweep = now;
        for (Connection c : new ArrayList<>(connections)) {
            if (now - c.lastActiveNanos > st.idleTimeoutNanos) {
                close(c);
            }
        }
    }

    private void close(Connection c) {
        if (c.closed) {
            return;
        }
        c.closed = true;
        if (c.key != null) {
            c.key.cancel();
        }
        closeQuietly(c.channel);
        c.buf = null;
        c.pendingOut = null;
        st.release(c);
        connections.remove(c);
        st.connected.decrementAndGet();
    }

    private static void closeQuietly(SocketChannel ch) {
        try {
            ch.close();
        } catch (IOException ignored) {
            // closing anyway
        }
    }
}
