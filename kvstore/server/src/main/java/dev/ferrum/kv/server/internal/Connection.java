/*
 * Copyright 2026 the Ferrum authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.ferrum.kv.server.internal;

import java.nio.ByteBuffer;
import java.nio.channels.SelectionKey;
import java.nio.channels.SocketChannel;
import java.util.Arrays;

/**
 * One client connection, owned by one {@link EventLoop} thread, and its RESP2 request parser.
 *
 * <p>Memory: an idle connection holds no buffer at all. Input is read into the event loop's shared
 * buffer; only the bytes of an incomplete request are kept here ({@link #buf}, sized to what has actually
 * arrived, doubling as more arrives), and unsent reply bytes only while the client is not reading
 * ({@link #pendingOut}). A {@code $16000000} header alone therefore costs nothing.
 *
 * <p>The parser is resumable: when a request is incomplete, the arguments already framed stay recorded
 * (offsets relative to the request's first byte, which is always at index 0 of the buffer holding the
 * remainder), so a large request arriving in many reads is framed once, not re-parsed from its start.
 */
public final class Connection {

    /** Parse results besides a position. */
    static final int INCOMPLETE = -1;

    static final int PROTOCOL_ERROR = -2;

    /** Longest inline request and longest {@code *N} / {@code $N} header line (Redis's PROTO_INLINE_MAX_SIZE). */
    static final int MAX_INLINE = 64 * 1024;

    /** Most arguments in one request. */
    static final int MAX_ARGS = 1024 * 1024;

    final long id;
    final SocketChannel channel;
    SelectionKey key;
    long lastActiveNanos;
    String name;

    /** Unprocessed input (an incomplete request, or requests held back while the client is not reading). */
    byte[] buf;

    int len;

    /** Unsent reply bytes (the client is not reading fast enough); no more input is processed meanwhile. */
    ByteBuffer pendingOut;

    /** Close once the pending output is written (QUIT, protocol error). */
    boolean closeAfterWrite;

    boolean closed;

    /** Bytes charged to the server-wide client-buffer budget for {@link #buf} and {@link #pendingOut}. */
    long charged;

    // ---- the request being framed
    byte[][] argBuf = new byte[4][];
    int[] argOff = new int[4];
    int[] argLen = new int[4];
    int argc;
    /** Arguments announced by the current {@code *N} header, or -1 between requests. */
    private int expected = -1;
    /** Where framing resumes, relative to the request's first byte. */
    private int resumeAt;
    /** Total bytes (from the request's first byte) needed before framing can make progress; 0 = unknown. */
    long need;

    String protocolError;

    Connection(long id, SocketChannel channel) {
        this.id = id;
        this.channel = channel;
    }

    /**
     * Frames the request starting at {@code start}: returns the position after it (arguments in
     * {@link #argc}, {@link #argBuf}, {@link #argOff}, {@link #argLen}; {@code argc == 0} for an empty
     * request, which gets no reply), {@link #INCOMPLETE} (state kept, {@link #need} set when known) or
     * {@link #PROTOCOL_ERROR} ({@link #protocolError} set).
     */
    int parse(byte[] b, int start, int end, long maxBulk, long maxRequest) {
        if (expected < 0) {
            argc = 0;
            need = 0;
            resumeAt = 0;
            if (start >= end) {
                return INCOMPLETE;
            }
            if (b[start] != '*') {
                return inline(b, start, end);
            }
            int cr = indexOfCr(b, start + 1, end);
            if (cr < 0 || cr + 1 >= end) {
                return end - start > MAX_INLINE ? error("too big mbulk count string") : INCOMPLETE;
            }
            long n = parseLength(b, start + 1, cr);
            if (n == BAD || n > MAX_ARGS || b[cr + 1] != '\n') {
                return error("invalid multibulk length");
            }
            if (n <= 0) {
                return cr + 2;
            }
            expected = (int) n;
            resumeAt = cr + 2 - start;
        } else {
            // resuming: every framed argument lives in this (moved) buffer now
            for (int i = 0; i < argc; i++) {
                argBuf[i] = b;
                argOff[i] = start + argOff[i];
            }
            if ((long) end - start < need) {
                toRelative(start);
                return INCOMPLETE;
            }
        }
        int p = start + resumeAt;
        while (argc < expected) {
            if (p >= end) {
                return incomplete(start, p, 0);
            }
            if (b[p] != '$') {
                return error("expected '$', got '" + printable(b[p]) + "'");
            }
            int cr = indexOfCr(b, p + 1, end);
            if (cr < 0 || cr + 1 >= end) {
                return end - p > MAX_INLINE ? error("too big bulk count string") : incomplete(start, p, 0);
            }
            long blen = parseLength(b, p + 1, cr);
            if (blen == BAD || blen < 0 || blen > maxBulk || b[cr + 1] != '\n') {
                return error("invalid bulk length");
            }
            long stop = (long) cr + 2 + blen + 2;
            if (stop - start > maxRequest) {
                return error("request too large (client-query-buffer-limit " + maxRequest + " bytes)");
            }
            if (stop > end) {
                return incomplete(start, p, stop - start);
            }
            int data = cr + 2;
            if (b[data + (int) blen] != '\r' || b[data + (int) blen + 1] != '\n') {
                return error("bulk string not terminated by CRLF");
            }
            addArg(b, data, (int) blen);
            p = (int) stop;
        }
        expected = -1;
        return p;
    }

    /** Keeps the framing state across reads: offsets become relative to the request's first byte. */
    private int incomplete(int start, int p, long needed) {
        resumeAt = p - start;
        need = needed;
        toRelative(start);
        return INCOMPLETE;
    }

    private void toRelative(int start) {
        for (int i = 0; i < argc; i++) {
            argOff[i] -= start;
            argBuf[i] = null;
        }
    }

    private int error(String message) {
        protocolError = message;
        expected = -1;
        argc = 0;
        return PROTOCOL_ERROR;
    }

    private void addArg(byte[] b, int off, int n) {
        if (argc == argOff.length) {
            int cap = argc * 2;
            argBuf = Arrays.copyOf(argBuf, cap);
            argOff = Arrays.copyOf(argOff, cap);
            argLen = Arrays.copyOf(argLen, cap);
        }
        argBuf[argc] = b;
        argOff[argc] = off;
        argLen[argc] = n;
        argc++;
    }

    /** Drops argument arrays grown by a huge request, so an idle connection stays small. */
    void trimArgs() {
        if (argOff.length > 64) {
            argBuf = new byte[4][];
            argOff = new int[4];
            argLen = new int[4];
        }
        Arrays.fill(argBuf, 0, Math.min(argc, argBuf.length), null);
    }

    /** An inline request: one line, arguments split on blanks, "..." and '...' quoting as redis-cli sends. */
    private int inline(byte[] b, int start, int end) {
        int nl = -1;
        for (int i = start; i < end; i++) {
            if (b[i] == '\n') {
                nl = i;
                break;
            }
        }
        if (nl < 0) {
            return end - start > MAX_INLINE ? error("too big inline request") : INCOMPLETE;
        }
        int stop = nl > start && b[nl - 1] == '\r' ? nl - 1 : nl;
        byte[] line = Arrays.copyOfRange(b, start, stop);
        if (!splitArgs(line)) {
            return error("unbalanced quotes in request");
        }
        return nl + 1;
    }

    /** Redis's sdssplitargs: blanks separate; "..." understands \n \r \t \b \a \\ \" \xHH; '...' only \'. */
    private boolean splitArgs(byte[] line) {
        int i = 0;
        int n = line.length;
        byte[] cur = new byte[n];
        while (true) {
            while (i < n && isSpace(line[i])) {
                i++;
            }
            if (i >= n) {
                return true;
            }
            int clen = 0;
            boolean inDq = false;
            boolean inSq = false;
            boolean done = false;
            while (!done) {
                if (inDq) {
                    if (i >= n) {
                        return false;
                    }
                    byte c = line[i];
                    if (c == '\\'
                            && i + 3 < n
                            && line[i + 1] == 'x'
                            && hex(line[i + 2]) >= 0
                            && hex(line[i + 3]) >= 0) {
                        cur[clen++] = (byte) (hex(line[i + 2]) * 16 + hex(line[i + 3]));
                        i += 3;
                    } else if (c == '\\' && i + 1 < n) {
                        i++;
                        byte e = line[i];
                        cur[clen++] = switch (e) {
                            case 'n' -> '\n';
                            case 'r' -> '\r';
                            case 't' -> '\t';
                            case 'b' -> '\b';
                            case 'a' -> 7;
                            default -> e;
                        };
                    } else if (c == '"') {
                        if (i + 1 < n && !isSpace(line[i + 1])) {
                            return false; // closing quote must be followed by a space or nothing
                        }
                        done = true;
                    } else {
                        cur[clen++] = c;
                    }
                } else if (inSq) {
                    if (i >= n) {
                        return false;
                    }
                    byte c = line[i];
                    if (c == '\\' && i + 1 < n && line[i + 1] == '\'') {
                        i++;
                        cur[clen++] = '\'';
                    } else if (c == '\'') {
                        if (i + 1 < n && !isSpace(line[i + 1])) {
                            return false;
                        }
                        done = true;
                    } else {
                        cur[clen++] = c;
                    }
                } else {
                    if (i >= n) {
                        done = true;
                        continue;
                    }
                    byte c = line[i];
                    if (isSpace(c)) {
                        done = true;
                    } else if (c == '"') {
                        inDq = true;
                    } else if (c == '\'') {
                        inSq = true;
                    } else {
                        cur[clen++] = c;
                    }
                }
                if (i < n) {
                    i++;
                }
            }
            addArg(Arrays.copyOf(cur, clen), 0, clen);
        }
    }

    private static boolean isSpace(byte c) {
        return c == ' ' || c == '\n' || c == '\r' || c == '\t' || c == 0x0b || c == '\f';
    }

    private static int hex(byte c) {
        if (c >= '0' && c <= '9') {
            return c - '0';
        }
        if (c >= 'a' && c <= 'f') {
            return c - 'a' + 10;
        }
        if (c >= 'A' && c <= 'F') {
            return c - 'A' + 10;
        }
        return -1;
    }

    private static int indexOfCr(byte[] b, int from, int end) {
        // header lines are short: a length is at most 20 characters, anything longer is refused by the caller
        int stop = Math.min(end, from + MAX_INLINE + 1);
        for (int i = from; i < stop; i++) {
            if (b[i] == '\r') {
                return i;
            }
        }
        return -1;
    }

    private static final long BAD = Long.MIN_VALUE;

    /** A decimal length as Redis's string2ll accepts it (optional '-', no '+', no leading zeros). */
    private static long parseLength(byte[] b, int from, int to) {
        int n = to - from;
        if (n <= 0 || n > 19) {
            return BAD;
        }
        boolean neg = b[from] == '-';
        int i = neg ? from + 1 : from;
        if (i == to || (b[i] == '0' && to - i > 1)) {
            return BAD;
        }
        long v = 0;
        for (; i < to; i++) {
            int d = b[i] - '0';
            if (d < 0 || d > 9) {
                return BAD;
            }
            v = v * 10 + d;
        }
        return neg ? -v : v;
    }

    static String printable(byte c) {
        return c >= 32 && c < 127 ? Character.toString(c) : String.format("\\x%02x", c & 0xFF);
    }
}
