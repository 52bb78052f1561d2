/*
 * Copyright 2026 the Ferrum authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.ferrum.kv;

import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;

/**
 * Child-JVM writer for {@link CrashRecoveryTest}: puts (and sometimes deletes) forever under the
 * policy given (SYNC_EVERY_WRITE by default; a SIGKILL loses nothing under any policy, the page cache
 * survives the process) and prints "A seq" after each call returns, i.e. each acknowledged write. Every 150
 * writes it starts a compaction beside the writer ("CS" when it starts, "CD" when it committed).
 * Values are a function of seq, so the parent can tell a correct value from a corrupt one.
 */
public final class CrashWriter {

    static final int KEYS = 300;

    private CrashWriter() {}

    static byte[] key(long seq) {
        return ("crash-key-" + (seq % KEYS)).getBytes(StandardCharsets.UTF_8);
    }

    static byte[] value(long seq) {
        int len = (int) (seq * 7919 % 900);
        byte[] v = new byte[8 + len];
        for (int i = 0; i < 8; i++) {
            v[i] = (byte) (seq >>> (8 * i));
        }
        for (int i = 8; i < v.length; i++) {
            v[i] = (byte) (seq * 31 + i);
        }
        return v;
    }

    static boolean isDelete(long seq) {
        return seq % 11 == 5;
    }

    public static void main(String[] args) {
        Path dir = Path.of(args[0]);
        long seq = Long.parseLong(args[1]);
        Durability policy = args.length > 2 ? Durability.valueOf(args[2]) : Durability.SYNC_EVERY_WRITE;
        PrintStream out = new PrintStream(System.out, false, StandardCharsets.UTF_8);
        try (KvStore kv = KvStore.open(KvOptions.builder(dir)
                .durability(policy)
                .segmentBytes(64 << 10)
                .maxValueBytes(4096)
                .maxKeyBytes(64)
                .build())) {
            boolean[] compacting = {false};
            out.println("OPEN");
            out.flush();
            for (; ; seq++) {
                if (isDelete(seq)) {
                    kv.delete(key(seq));
                } else {
                    kv.put(key(seq), value(seq));
                }
                synchronized (out) {
                    out.println("A " + seq);
                    out.flush();
                }
                if (seq % 150 == 0 && !compacting[0]) {
                    // a compaction beside the writes; the kill may land anywhere inside it
                    compacting[0] = true;
                    Thread.ofVirtual().start(() -> {
                        synchronized (out) {
                            out.println("CS");
                            out.flush();
                        }
                        kv.compact();
                        synchronized (out) {
                            out.println("CD");
                            out.flush();
                        }
                        compacting[0] = false;
                    });
                }
            }
        }
    }
}
