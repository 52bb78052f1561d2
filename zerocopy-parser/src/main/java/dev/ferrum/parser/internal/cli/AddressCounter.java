/*
 * Copyright 2026 the Ferrum authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.ferrum.parser.internal.cli;

import java.util.Arrays;

/**
 * Packets and bytes per source address in an open-addressing table of primitive arrays, so counting top
 * talkers allocates only when the table grows, not per packet. Not thread-safe.
 */
final class AddressCounter {

    private long[] high = new long[1024];
    private long[] low = new long[1024];
    private boolean[] used = new boolean[1024];
    private boolean[] ipv4 = new boolean[1024];
    private long[] packets = new long[1024];
    private long[] bytes = new long[1024];
    private int size;

    void add(long addressHigh, long addressLow, boolean v4, long wireBytes) {
        int mask = high.length - 1;
        int slot = hash(addressHigh, addressLow, v4) & mask;
        while (used[slot] && (high[slot] != addressHigh || low[slot] != addressLow || ipv4[slot] != v4)) {
            slot = (slot + 1) & mask;
        }
        if (!used[slot]) {
            if (2 * (size + 1) > high.length) {
                grow();
                add(addressHigh, addressLow, v4, wireBytes);
                return;
            }
            used[slot] = true;
            high[slot] = addressHigh;
            low[slot] = addressLow;
            ipv4[slot] = v4;
            size++;
        }
        packets[slot]++;
        bytes[slot] += wireBytes;
    }

    /** Slots of the {@code n} addresses with most bytes, largest first. */
    int[] top(int n) {
        Integer[] slots = new Integer[size];
        int k = 0;
        for (int i = 0; i < used.length; i++) {
            if (used[i]) {
                slots[k++] = i;
            }
        }
        Arrays.sort(slots, (a, b) -> Long.compare(bytes[b], bytes[a]));
        return Arrays.stream(slots)
                .limit(Math.max(0, n))
                .mapToInt(Integer::intValue)
                .toArray();
    }

    boolean isIpv4(int slot) {
        return ipv4[slot];
    }

    long high(int slot) {
        return high[slot];
    }

    long low(int slot) {
        return low[slot];
    }

    long packets(int slot) {
        return packets[slot];
    }

    long bytes(int slot) {
        return bytes[slot];
    }

    private static int hash(long h, long l, boolean v4) {
        long x = h * 0x9E37_79B9_7F4A_7C15L ^ l * 0xC2B2_AE3D_27D4_EB4FL ^ (v4 ? 1 : 0);
        return (int) (x ^ (x >>> 29));
    }

    private void grow() {
        long[] oldHigh = high;
        long[] oldLow = low;
        boolean[] oldUsed = used;
        boolean[] oldV4 = ipv4;
        long[] oldPackets = packets;
        long[] oldBytes = bytes;
        int capacity = oldHigh.length * 2;
        high = new long[capacity];
        low = new long[capacity];
        used = new boolean[capacity];
        ipv4 = new boolean[capacity];
        packets = new long[capacity];
        bytes = new long[capacity];
        size = 0;
        for (int i = 0; i < oldHigh.length; i++) {
            if (oldUsed[i]) {
                add(oldHigh[i], oldLow[i], oldV4[i], 0);
                int slot = find(oldHigh[i], oldLow[i], oldV4[i]);
                packets[slot] = oldPackets[i];
                bytes[slot] = oldBytes[i];
            }
        }
    }

    private int find(long h, long l, boolean v4) {
        int mask = high.length - 1;
        int slot = hash(h, l, v4) & mask;
        while (high[slot] != h || low[slot] != l || ipv4[slot] != v4) {
            slot = (slot + 1) & mask;
        }
        return slot;
    }
}
