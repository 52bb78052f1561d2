/*
 * Copyright 2026 the Ferrum authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.ferrum.kv.server.internal;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * The replies of one event-loop pass, RESP2-encoded into one growable array (owned by the loop thread,
 * reused for every connection): all replies to the requests of one read go out in one {@code write}.
 */
public final class Reply {

    static final int INITIAL = 64 * 1024;

    private static final byte[] CRLF = {'\r', '\n'};
    private static final byte[] OK = "+OK\r\n".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] NULL_BULK = "$-1\r\n".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] NULL_ARRAY = "*-1\r\n".getBytes(StandardCharsets.US_ASCII);

    byte[] buf = new byte[INITIAL];
    int size;

    /** Bytes encoded so far. */
    public int size() {
        return size;
    }

    void reset() {
        size = 0;
        if (buf.length > 4 * INITIAL) {
            buf = new byte[INITIAL]; // a huge reply (KEYS, a large value) does not pin its buffer
        }
    }

    private void ensure(int more) {
        if (buf.length - size < more) {
            long cap = Math.max((long) buf.length * 2, (long) size + more);
            if (cap > Integer.MAX_VALUE - 16) {
                throw new IllegalStateException("reply larger than 2 GiB");
            }
            buf = Arrays.copyOf(buf, (int) cap);
        }
    }

    private void raw(byte[] b, int off, int len) {
        ensure(len);
        System.arraycopy(b, off, buf, size, len);
        size += len;
    }

    private void ascii(String s) {
        int n = s.length();
        ensure(n);
        for (int i = 0; i < n; i++) {
            buf[size++] = (byte) s.charAt(i);
        }
    }

    private void number(long v) {
        ensure(20);
        if (v == Long.MIN_VALUE) {
            ascii("-9223372036854775808");
            return;
        }
        if (v < 0) {
            buf[size++] = '-';
            v = -v;
        }
        int digits = 1;
        for (long t = v; t >= 10; t /= 10) {
            digits++;
        }
        int end = size + digits;
        for (int i = end - 1; i >= size; i--) {
            buf[i] = (byte) ('0' + v % 10);
            v /= 10;
        }
        size = end;
    }

    private void crlf() {
        ensure(2);
        buf[size++] = '\r';
        buf[size++] = '\n';
    }

    public void ok() {
        raw(OK, 0, OK.length);
    }

    public void simple(String s) {
        ensure(1);
        buf[size++] = '+';
        ascii(s);
        crlf();
    }

    /** An error reply; {@code s} starts with its code ({@code ERR ...}, {@code NOPROTO ...}). */
    public void error(String s) {
        ensure(1);
        buf[size++] = '-';
        byte[] b = s.replace('\r', ' ').replace('\n', ' ').getBytes(StandardCharsets.UTF_8);
        raw(b, 0, b.length);
        crlf();
    }

    public void integer(long v) {
        ensure(1);
        buf[size++] = ':';
        number(v);
        crlf();
    }

    public void bulk(byte[] b) {
        if (b == null) {
            nullBulk();
        } else {
            bulk(b, 0, b.length);
        }
    }

    public void bulk(byte[] b, int off, int len) {
        ensure(len + 16);
        buf[size++] = '$';
        number(len);
        crlf();
        raw(b, off, len);
        raw(CRLF, 0, 2);
    }

    public void bulk(String s) {
        bulk(s.getBytes(StandardCharsets.UTF_8));
    }

    public void nullBulk() {
        raw(NULL_BULK, 0, NULL_BULK.length);
    }

    public void nullArray() {
        raw(NULL_ARRAY, 0, NULL_ARRAY.length);
    }

    public void arrayHeader(long n) {
        ensure(1);
        buf[size++] = '*';
        number(n);
        crlf();
    }
}
