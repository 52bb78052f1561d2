/*
 * Copyright 2026 the Ferrum authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.ferrum.kv.internal;

import dev.ferrum.kv.StorageFullException;
import java.io.IOException;
import java.lang.foreign.Arena;
import java.lang.foreign.FunctionDescriptor;
import java.lang.foreign.Linker;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.SymbolLookup;
import java.lang.foreign.ValueLayout;
import java.lang.invoke.MethodHandle;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Path;

/**
 * Reserves a segment file's blocks before it is mapped, so that stores into the mapping can never hit
 * a hole the file system cannot fill. Without this, a full disk surfaces as SIGBUS on a store into a
 * sparse mapping (the JVM turns it into {@link InternalError}, or crashes); with it, the full disk is
 * met here, as an {@code ENOSPC} return code, and reported as {@link StorageFullException} before any
 * record is written to the file.
 *
 * <p>On Linux/glibc this is {@code posix_fallocate(3)} through an FFM downcall (glibc itself falls back
 * to writing a byte per block where the file system has no {@code fallocate}). Where the symbol is
 * missing, or when {@code writeZeros} is asked for, zeros are written through the channel instead (every
 * block really written: an msync then never converts an unwritten extent, which matters for per-write
 * syncs). Copy-on-write file systems (btrfs, ZFS) can still fail a later write-back; see the README.
 */
public final class Preallocator {

    private static final int ENOSPC = 28;
    private static final int EDQUOT = 122;
    private static final int O_RDWR = 2;

    private static final MethodHandle OPEN;
    private static final MethodHandle CLOSE;
    private static final MethodHandle POSIX_FALLOCATE;

    static {
        MethodHandle[] h = link();
        OPEN = h[0];
        CLOSE = h[1];
        POSIX_FALLOCATE = h[2];
    }

    @SuppressWarnings("restricted") // the downcalls below; see the signature comment
    private static MethodHandle[] link() {
        try {
            Linker linker = Linker.nativeLinker();
            SymbolLookup libc = linker.defaultLookup();
            // Restricted downcalls (the module is run with native access enabled). Signatures from
            // <fcntl.h>/<unistd.h> on LP64 Linux: int open(const char*, int, ...), int close(int),
            // int posix_fallocate(int, off_t, off_t) with off_t = 64-bit long.
            var openAddr = libc.find("open");
            var closeAddr = libc.find("close");
            var fallocAddr = libc.find("posix_fallocate64").or(() -> libc.find("posix_fallocate"));
            if (openAddr.isEmpty()
                    || closeAddr.isEmpty()
                    || fallocAddr.isEmpty()
                    || ValueLayout.ADDRESS.byteSize() != 8
                    || !System.getProperty("os.name", "").startsWith("Linux")) {
                return new MethodHandle[3];
            }
            return new MethodHandle[] {
                linker.downcallHandle(
                        openAddr.get(),
                        FunctionDescriptor.of(ValueLayout.JAVA_INT, ValueLayout.ADDRESS, ValueLayout.JAVA_INT),
                        Linker.Option.firstVariadicArg(2)),
                linker.downcallHandle(
                        closeAddr.get(), FunctionDescriptor.of(ValueLayout.JAVA_INT, ValueLayout.JAVA_INT)),
                linker.downcallHandle(
                        fallocAddr.get(),
                        FunctionDescriptor.of(
                                ValueLayout.JAVA_INT,
                                ValueLayout.JAVA_INT,
                                ValueLayout.JAVA_LONG,
                                ValueLayout.JAVA_LONG))
            };
        } catch (RuntimeException e) {
            return new MethodHandle[3]; // no native access: fall back to writing zeros
        }
    }

    private Preallocator() {}

    /** Whether the posix_fallocate downcall is available here. */
    public static boolean nativeAvailable() {
        return POSIX_FALLOCATE != null;
    }

    /**
     * Makes the first {@code bytes} of the file at {@code path} (open in {@code ch}) allocated on disk.
     *
     * @throws StorageFullException if the file system has no room (nothing of the store is changed)
     */
    public static void reserve(Path path, FileChannel ch, long bytes, boolean writeZeros) throws IOException {
        if (!writeZeros && POSIX_FALLOCATE != null) {
            int rc = fallocate(path, bytes);
            if (rc == 0) {
                return;
            }
            if (rc == ENOSPC || rc == EDQUOT) {
                throw full(path, bytes, rc == ENOSPC ? "no space left on device" : "disk quota exceeded", null);
            }
            // any other error (e.g. open failed): try the portable way below
        }
        ByteBuffer zeros = ByteBuffer.allocateDirect(1 << 20);
        try {
            for (long pos = ch.size(); pos < bytes; ) {
                zeros.clear().limit((int) Math.min(zeros.capacity(), bytes - pos));
                pos += ch.write(zeros, pos);
            }
        } catch (IOException e) {
            String m = String.valueOf(e.getMessage());
            if (m.contains("No space left") || m.contains("quota")) {
                throw full(path, bytes, m, e);
            }
            throw e;
        }
    }

    private static StorageFullException full(Path path, long bytes, String why, Throwable cause) {
        return new StorageFullException(
                "cannot reserve " + bytes + " bytes for segment " + path + ": " + why
                        + "; the store is intact, free space and retry (or compact)",
                cause);
    }

    private static int fallocate(Path path, long bytes) {
        try (Arena a = Arena.ofConfined()) {
            MemorySegment cPath = a.allocateFrom(path.toString());
            int fd = (int) OPEN.invokeExact(cPath, O_RDWR);
            if (fd < 0) {
                return -1;
            }
            try {
                // posix_fallocate returns the error number itself (it does not set errno).
                return (int) POSIX_FALLOCATE.invokeExact(fd, 0L, bytes);
            } finally {
                int ignored = (int) CLOSE.invokeExact(fd);
            }
        } catch (Throwable t) {
            return -1;
        }
    }
}
