/*
 * Copyright 2026 the Ferrum authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.ferrum.kv.internal;

import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;

/**
 * A 64-bit key hash (xxHash64-style mixing of 8-byte little-endian lanes, murmur3 finalizer), computed
 * identically over a {@code byte[]} and over key bytes inside a mapped segment, so the writer, recovery
 * and compaction all agree. Never returns 0: 0 marks an empty index slot.
 */
public final class KeyHash {

    private static final long P1 = 0x9E3779B185EBCA87L;
    private static final long P2 = 0xC2B2AE3D27D4EB4FL;
    private static final long P3 = 0x165667B19E3779F9L;
    /** Reads 8 array bytes as one little-endian long; the index is checked by the VarHandle itself. */
    private static final VarHandle LONG_LE =
            MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.LITTLE_ENDIAN);

    private static final ValueLayout.OfLong LONG_LE_UNALIGNED =
            ValueLayout.JAVA_LONG_UNALIGNED.withOrder(ByteOrder.LITTLE_ENDIAN);

    private KeyHash() {}

    /** Hash of a whole array. */
    public static long of(byte[] key) {
        int len = key.length;
        long h = P3 ^ (len * P1);
        int i = 0;
        for (; i + 8 <= len; i += 8) {
            h = lane(h, (long) LONG_LE.get(key, i));
        }
        long tail = 0;
        for (int shift = 0; i < len; i++, shift += 8) {
            tail |= (key[i] & 0xFFL) << shift;
        }
        return finish(lane(h, tail));
    }

    /** Hash of {@code len} bytes at {@code offset} in {@code segment}; equal to {@link #of(byte[])} on the same bytes. */
    public static long of(MemorySegment segment, long offset, int len) {
        long h = P3 ^ (len * P1);
        int i = 0;
        for (; i + 8 <= len; i += 8) {
            h = lane(h, segment.get(LONG_LE_UNALIGNED, offset + i));
        }
        long tail = 0;
        for (int shift = 0; i < len; i++, shift += 8) {
            tail |= (segment.get(ValueLayout.JAVA_BYTE, offset + i) & 0xFFL) << shift;
        }
        return finish(lane(h, tail));
    }

    private static long lane(long h, long k) {
        return Long.rotateLeft(h ^ (Long.rotateLeft(k * P2, 31) * P1), 27) * P1 + P3;
    }

    private static long finish(long h) {
        h ^= h >>> 33;
        h *= 0xff51afd7ed558ccdL;
        h ^= h >>> 33;
        h *= 0xc4ceb9fe1a85ec53L;
        h ^= h >>> 33;
        return h == 0 ? 1 : h;
    }
}
