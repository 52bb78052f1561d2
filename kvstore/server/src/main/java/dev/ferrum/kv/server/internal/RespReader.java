/*
 * Copyright 2026 the Ferrum authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.ferrum.kv.server.internal;

import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads RESP2 requests: arrays of bulk strings ({@code *N\r\n$len\r\nbytes\r\n...}), as sent by
 * {@code redis-cli} and {@code redis-benchmark}, and inline commands (one line, words split on spaces).
 * Every length is checked against a limit before anything is allocated.
 *
 * <p>One reader per connection; not thread-safe.
 */
public final class RespReader {

    /** The request violates the protocol; the connection must be closed after replying. */
    public static final class ProtocolException extends Exception {
        private static final long serialVersionUID = 1L;

        public ProtocolException(String message) {
            super(message);
        }
    }

    private final InputStream in;
    private final byte[] buf;
    private int pos;
    private int limit;
    private final int maxArgs;
    private final long maxBulkBytes;
    private final long maxRequestBytes;
    private static final int MAX_LINE = 64 * 1024;

    public RespReader(InputStream in, int bufferBytes, int maxArgs, long maxBulkBytes, long maxRequestBytes) {
        this.in = in;
        this.buf = new byte[bufferBytes];
        this.maxArgs = maxArgs;
        this.maxBulkBytes = maxBulkBytes;
        this.maxRequestBytes = maxRequestBytes;
    }

    /** Whether a complete or partial next request is already buffered (no read would block). */
    public boolean hasBuffered() throws IOException {
        return pos < limit || in.available() > 0;
    }

    private boolean fill() throws IOException {
        if (pos < limit) {
            return true;
        }
        int n = in.read(buf, 0, buf.length);
        if (n <= 0) {
            return false;
        }
        pos = 0;
        limit = n;
        return true;
    }

    private int read() throws IOException {
        if (!fill()) {
            throw new EOFException();
        }
        return buf[pos++] & 0xFF;
    }

    /**
     * The next request's arguments, or {@code null} at a clean end of stream.
     *
     * @throws ProtocolException for malformed or oversized input
     */
    public List<byte[]> next() throws IOException, ProtocolException {
        if (!fill()) {
            return null;
        }
        int first = buf[pos] & 0xFF;
        if (first != '*') {
            return inline();
        }
        pos++;
        long n = readNumber('*');
        if (n > maxArgs) {
            throw new ProtocolException("invalid multibulk length: " + n + " arguments (limit " + maxArgs + ")");
        }
        if (n <= 0) {
            return List.of();
        }
        List<byte[]> args = new ArrayList<>((int) n);
        long total = 0;
        for (long i = 0; i < n; i++) {
            int c = read();
            if (c != '$') {
                throw new ProtocolException("expected '$', got '" + printable(c) + "'");
            }
            long len = readNumber('$');
            if (len < 0 || len > maxBulkBytes) {
                throw new ProtocolException("invalid bulk length: " + len + " (limit " + maxBulkBytes + ")");
            }
            total += len;
            if (total > maxRequestBytes) {
                throw new ProtocolException("request too large: more than " + maxRequestBytes + " bytes");
            }
            byte[] arg = new byte[(int) len];
            int off = 0;
            while (off < len) {
                if (!fill()) {
                    throw new EOFException();
                }
                int chunk = Math.min(limit - pos, (int) len - off);
                System.arraycopy(buf, pos, arg, off, chunk);
                pos += chunk;
                off += chunk;
            }
            if (read() != '\r' || read() != '\n') {
                throw new ProtocolException("bulk string not terminated by CRLF");
            }
            args.add(arg);
        }
        return args;
    }

    private long readNumber(char type) throws IOException, ProtocolException {
        long v = 0;
        boolean neg = false;
        int digits = 0;
        for (; ; ) {
            int c = read();
            if (c == '\r') {
                if (read() != '\n') {
                    throw new ProtocolException("expected LF after CR in " + type + " header");
                }
                break;
            }
            if (c == '-' && digits == 0 && !neg) {
                neg = true;
                continue;
            }
            if (c < '0' || c > '9' || ++digits > 18) {
                throw new ProtocolException("invalid " + (type == '*' ? "multibulk" : "bulk") + " length");
            }
            v = v * 10 + (c - '0');
        }
        if (digits == 0) {
            throw new ProtocolException("invalid " + (type == '*' ? "multibulk" : "bulk") + " length");
        }
        return neg ? -v : v;
    }

    private List<byte[]> inline() throws IOException, ProtocolException {
        byte[] line = new byte[256];
        int n = 0;
        for (; ; ) {
            int c = read();
            if (c == '\n') {
                break;
            }
            if (n == MAX_LINE) {
                throw new ProtocolException("too big inline request");
            }
            if (n == line.length) {
                line = java.util.Arrays.copyOf(line, n * 2);
            }
            line[n++] = (byte) c;
        }
        if (n > 0 && line[n - 1] == '\r') {
            n--;
        }
        List<byte[]> args = new ArrayList<>();
        int i = 0;
        while (i < n) {
            while (i < n && line[i] == ' ') {
                i++;
            }
            int start = i;
            while (i < n && line[i] != ' ') {
                i++;
            }
            if (i > start) {
                args.add(java.util.Arrays.copyOfRange(line, start, i));
            }
        }
        return args;
    }

    private static String printable(int c) {
        return c >= 32 && c < 127 ? Character.toString(c) : String.format("\\x%02x", c);
    }
}
