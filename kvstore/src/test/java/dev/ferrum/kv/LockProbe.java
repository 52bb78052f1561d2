/*
 * Copyright 2026 the Ferrum authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.ferrum.kv;

import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * Child process for {@link StoreLockTwoProcessTest}: tries to take the OS lock on {@code <dir>/LOCK}
 * exactly as another store process would, prints {@code HELD} (someone holds it) or {@code FREE}
 * (it got the lock, i.e. a second writer could have opened the store), and exits.
 */
public final class LockProbe {

    private LockProbe() {}

    public static void main(String[] args) throws Exception {
        Path lock = Path.of(args[0]).resolve("LOCK");
        try (FileChannel ch = FileChannel.open(lock, StandardOpenOption.CREATE, StandardOpenOption.WRITE)) {
            FileLock l = ch.tryLock();
            System.out.println(l == null ? "HELD" : "FREE");
        }
    }
}
