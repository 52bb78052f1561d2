/*
 * Copyright 2026 the Ferrum authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.ferrum.kv.server.internal;

/** Integer parsing exactly as strict as Redis's {@code string2ll}: what INCR and friends accept. */
final class Strict {

    /** Not a number in the accepted form (one shared instance: no stack trace, nothing to allocate). */
    static final class NotANumber extends Exception {
        private static final long serialVersionUID = 1L;

        private NotANumber() {
            super("not an integer", null, false, false);
        }
    }

    // One shared instance by design: it carries no stack trace and no state, so sharing it is safe, and the
    // number parsers on the request path allocate nothing.
    @SuppressWarnings("StaticAssignmentOfThrowable")
    static final NotANumber BAD = new NotANumber();

    private Strict() {}

    /**
     * A signed 64-bit decimal: optional '-', no '+', no spaces, no leading zeros ("0" alone is fine, "-0"
     * is not), at most 20 characters, no overflow.
     */
    static long parseLong(byte[] b, int off, int len) throws NotANumber {
        if (len == 0 || len > 20) {
            throw BAD;
        }
        if (len == 1 && b[off] == '0') {
            return 0;
        }
        int i = off;
        int end = off + len;
        boolean neg = false;
        if (b[i] == '-') {
            neg = true;
            i++;
            if (i == end) {
                throw BAD;
            }
        }
        if (b[i] < '1' || b[i] > '9') {
            throw BAD;
        }
        long v = 0; // accumulated negatively: covers Long.MIN_VALUE
        for (; i < end; i++) {
            int d = b[i] - '0';
            if (d < 0 || d > 9) {
                throw BAD;
            }
            if (v < (Long.MIN_VALUE + d) / 10) {
                throw BAD;
            }
            v = v * 10 - d;
        }
        if (neg) {
            return v;
        }
        if (v == Long.MIN_VALUE) {
            throw BAD;
        }
        return -v;
    }

    /** An unsigned 64-bit decimal (a SCAN cursor). */
    static long parseUnsigned(byte[] b, int off, int len) throws NotANumber {
        if (len == 0 || len > 20) {
            throw BAD;
        }
        long v = 0;
        for (int i = off; i < off + len; i++) {
            int d = b[i] - '0';
            if (d < 0 || d > 9) {
                throw BAD;
            }
            long next = v * 10 + d;
            if (Long.compareUnsigned(v, Long.divideUnsigned(-1L, 10)) > 0 || Long.compareUnsigned(next, v) < 0) {
                throw BAD;
            }
            v = next;
        }
        return v;
    }
}
