/*
 * Copyright 2026 the Ferrum authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.ferrum.kv.server.internal;

import java.util.Arrays;

/**
 * How a client's key (any byte string, including the empty one, as Redis allows) is stored in a
 * {@code KvStore}, which requires keys of at least one byte.
 *
 * <p>A key that is non-empty and does not start with a zero byte is stored as is (every ordinary key, so
 * the store and {@code ferrum-kv get} see the same bytes the client sent). The empty key and keys starting
 * with {@code 0x00} are stored with one {@code 0x00} byte in front. The mapping is a bijection: a stored key
 * starting with {@code 0x00} always came from the second kind, every other stored key from the first.
 */
public final class Keys {

    private Keys() {}

    /** The store key for a client key (the same array when no prefix is needed). */
    public static byte[] encode(byte[] key) {
        if (key.length > 0 && key[0] != 0) {
            return key;
        }
        byte[] stored = new byte[key.length + 1];
        System.arraycopy(key, 0, stored, 1, key.length);
        return stored;
    }

    /** The client key for a store key (the same array when it carries no prefix). */
    public static byte[] decode(byte[] stored) {
        return stored.length > 0 && stored[0] == 0 ? Arrays.copyOfRange(stored, 1, stored.length) : stored;
    }
}
