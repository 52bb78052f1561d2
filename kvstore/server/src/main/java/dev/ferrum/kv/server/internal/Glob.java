/*
 * Copyright 2026 the Ferrum authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.ferrum.kv.server.internal;

/**
 * Redis's glob matching ({@code stringmatchlen}) for KEYS, SCAN MATCH and CONFIG GET: {@code *},
 * {@code ?}, {@code [abc]}, {@code [^a]}, {@code [a-z]} and {@code \} escapes, byte by byte.
 */
public final class Glob {

    private Glob() {}

    public static boolean matches(byte[] pattern, byte[] s, boolean nocase) {
        return match(pattern, 0, s, 0, nocase, 0);
    }

    private static boolean match(byte[] p, int pi, byte[] s, int si, boolean nocase, int depth) {
        if (depth > 1000) {
            return false; // Redis's guard against patterns like *****...: too much recursion
        }
        int plen = p.length;
        int slen = s.length;
        while (pi < plen && si < slen) {
            switch (p[pi]) {
                case '*' -> {
                    while (pi + 1 < plen && p[pi + 1] == '*') {
                        pi++;
                    }
                    if (pi + 1 == plen) {
                        return true;
                    }
                    for (int k = si; k < slen; k++) {
                        if (match(p, pi + 1, s, k, nocase, depth + 1)) {
                            return true;
                        }
                    }
                    return false;
                }
                case '?' -> si++;
                case '[' -> {
                    pi++;
                    boolean not = pi < plen && p[pi] == '^';
                    if (not) {
                        pi++;
                    }
                    boolean hit = false;
                    while (true) {
                        if (pi >= plen) {
                            pi--; // unterminated class: Redis treats the end as the closing bracket
                            break;
                        }
                        if (p[pi] == '\\' && pi + 1 < plen) {
                            pi++;
                            if (eq(p[pi], s[si], nocase)) {
                                hit = true;
                            }
                        } else if (p[pi] == ']') {
                            break;
                        } else if (pi + 2 < plen && p[pi + 1] == '-') {
                            int start = p[pi] & 0xFF;
                            int end = p[pi + 2] & 0xFF;
                            int c = s[si] & 0xFF;
                            if (start > end) {
                                int t = start;
                                start = end;
                                end = t;
                            }
                            if (nocase) {
                                start = Character.toLowerCase(start);
                                end = Character.toLowerCase(end);
                                c = Character.toLowerCase(c);
                            }
                            pi += 2;
                            if (c >= start && c <= end) {
                                hit = true;
                            }
                        } else if (eq(p[pi], s[si], nocase)) {
                            hit = true;
                        }
                        pi++;
                    }
                    if (not) {
                        hit = !hit;
                    }
                    if (!hit) {
                        return false;
                    }
                    si++;
                }
                case '\\' -> {
                    if (pi + 1 < plen) {
                        pi++;
                    }
                    if (!eq(p[pi], s[si], nocase)) {
                        return false;
                    }
                    si++;
                }
                default -> {
                    if (!eq(p[pi], s[si], nocase)) {
                        return false;
                    }
                    si++;
                }
            }
            pi++;
        }
        if (si == slen) {
            while (pi < plen && p[pi] == '*') {
                pi++;
            }
        }
        return pi == plen && si == slen;
    }

    private static boolean eq(byte a, byte b, boolean nocase) {
        return a == b || (nocase && Character.toLowerCase(a & 0xFF) == Character.toLowerCase(b & 0xFF));
    }
}
