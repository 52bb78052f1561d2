/*
 * Copyright 2026 the Ferrum authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.ferrum.bench.kv;

import java.util.SplittableRandom;

/** The benchmark data: N 16-byte keys, 100-byte values, and uniform / Zipfian index streams. */
final class KvData {

    static final int KEY_BYTES = 16;
    static final int VALUE_BYTES = 100;
    static final int STREAM = 1 << 20;

    private KvData() {}

    /** Key i: "key-" then i zero-padded to 12 digits (the document's 16-byte keys). */
    static byte[] key(int i) {
        byte[] k = new byte[KEY_BYTES];
        k[0] = 'k';
        k[1] = 'e';
        k[2] = 'y';
        k[3] = '-';
        int v = i;
        for (int j = KEY_BYTES - 1; j >= 4; j--) {
            k[j] = (byte) ('0' + v % 10);
            v /= 10;
        }
        return k;
    }

    static byte[][] keys(int n) {
        byte[][] keys = new byte[n][];
        for (int i = 0; i < n; i++) {
            keys[i] = key(i);
        }
        return keys;
    }

    static byte[] value(int seed) {
        byte[] v = new byte[VALUE_BYTES];
        for (int i = 0; i < VALUE_BYTES; i++) {
            v[i] = (byte) ('a' + (seed + i) % 26);
        }
        return v;
    }

    static int[] uniform(int n, long seed) {
        SplittableRandom r = new SplittableRandom(seed);
        int[] s = new int[STREAM];
        for (int i = 0; i < STREAM; i++) {
            s[i] = r.nextInt(n);
        }
        return s;
    }

    /** Zipfian (s = 0.99, YCSB's constant) over n keys by inverse CDF; hot keys scattered by a fixed permutation. */
    static int[] zipfian(int n, long seed) {
        double[] cdf = new double[n];
        double sum = 0;
        for (int i = 0; i < n; i++) {
            sum += 1.0 / Math.pow(i + 1, 0.99);
            cdf[i] = sum;
        }
        SplittableRandom r = new SplittableRandom(seed);
        int[] s = new int[STREAM];
        for (int i = 0; i < STREAM; i++) {
            double u = r.nextDouble() * sum;
            int lo = 0;
            int hi = n - 1;
            while (lo < hi) {
                int mid = (lo + hi) >>> 1;
                if (cdf[mid] < u) {
                    lo = mid + 1;
                } else {
                    hi = mid;
                }
            }
            s[i] = (int) ((lo * 0x9E3779B1L) % n); // rank -> key: spread the hot keys over the key space
        }
        return s;
    }
}
