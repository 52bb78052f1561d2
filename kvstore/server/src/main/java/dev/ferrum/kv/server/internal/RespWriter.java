/*
 * Copyright 2026 the Ferrum authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.ferrum.kv.server.internal;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;

/** Writes RESP2 replies into a buffer, flushed by the connection when no request is pending (pipelining). */
public final class RespWriter {

    private static final byte[] CRLF = {'\r', '\n'};
    private final OutputStream out;
    private final byte[] buf;
    private int pos;

    public RespWriter(OutputStream out, int bufferBytes) {
        this.out = out;
        this.buf = new byte[bufferBytes];
    }

    private void put(byte[] b, int off, int len) throws IOException {
        if (len > buf.length - pos) {
            flush();
            if (len > buf.length) {
                out.write(b, off, len);
                return;
            }
        }
        System.arraycopy(b, off, buf, pos, len);
        pos += len;
    }

    private void put(int b) throws IOException {
        if (pos == buf.length) {
            flush();
        }
        buf[pos++] = (byte) b;
    }

    private void putAscii(String s) throws IOException {
        byte[] b = s.getBytes(StandardCharsets.US_ASCII);
        put(b, 0, b.length);
    }

    public void simple(String s) throws IOException {
        put('+');
        putAscii(s);
        put(CRLF, 0, 2);
    }

    public void error(String s) throws IOException {
        put('-');
        putAscii(s.replace('\r', ' ').replace('\n', ' '));
        put(CRLF, 0, 2);
    }

    public void integer(long v) throws IOException {
        put(':');
        putAscii(Long.toString(v));
        put(CRLF, 0, 2);
    }

    public void bulk(byte[] b) throws IOException {
        if (b == null) {
            nullBulk();
            return;
        }
        put('$');
        putAscii(Integer.toString(b.length));
        put(CRLF, 0, 2);
        put(b, 0, b.length);
        put(CRLF, 0, 2);
    }

    public void nullBulk() throws IOException {
        put(new byte[] {'$', '-', '1', '\r', '\n'}, 0, 5);
    }

    public void arrayHeader(int n) throws IOException {
        put('*');
        putAscii(Integer.toString(n));
        put(CRLF, 0, 2);
    }

    public void flush() throws IOException {
        if (pos > 0) {
            out.write(buf, 0, pos);
            pos = 0;
        }
        out.flush();
    }
}
