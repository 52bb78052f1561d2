/*
 * Copyright 2026 the Ferrum authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.ferrum.kv.internal;

import dev.ferrum.kv.StoreLockedException;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The exclusive lock on a store directory: an OS lock ({@code fcntl}/{@code flock} via
 * {@link FileChannel#tryLock()}) on {@code LOCK}, held through <em>one</em> channel for the store's whole
 * life, plus an in-process registry of locked directories.
 *
 * <p>Why the registry: POSIX record locks belong to the process, and closing <em>any</em> descriptor of
 * the file drops them. So a second open of the same directory in the same JVM must never open, read or
 * close {@code LOCK}: it is refused from the registry (keyed by the directory's real path, so aliases
 * such as symlinks or {@code dir/../dir} are caught) before the file is touched. The holder's pid is
 * read through the failing opener's own channel only when another <em>process</em> holds the lock (then
 * this process has no lock on the file to lose).
 */
public final class StoreLock implements AutoCloseable {

    /** Name of the lock file inside the store directory. */
    public static final String FILE_NAME = "LOCK";

    /** Real paths of the directories this JVM has locked. */
    private static final Set<Path> HELD = ConcurrentHashMap.newKeySet();

    private final Path dir;
    private final FileChannel channel;
    private final FileLock lock;
    private boolean released;

    private StoreLock(Path dir, FileChannel channel, FileLock lock) {
        this.dir = dir;
        this.channel = channel;
        this.lock = lock;
    }

    /**
     * Locks {@code dir} (which must exist) for this store, or throws without changing any lock.
     *
     * @throws StoreLockedException if this JVM or another process holds it
     */
    public static StoreLock acquire(Path dir) throws IOException {
        Path real = dir.toRealPath();
        if (!HELD.add(real)) {
            throw new StoreLockedException("store " + dir + " is already open for writing in this process (pid "
                    + ProcessHandle.current().pid() + "); close it first (one KvStore per directory)");
        }
        FileChannel ch = null;
        try {
            ch = FileChannel.open(
                    real.resolve(FILE_NAME),
                    StandardOpenOption.CREATE,
                    StandardOpenOption.READ,
                    StandardOpenOption.WRITE);
            FileLock lock;
            try {
                lock = ch.tryLock();
            } catch (OverlappingFileLockException e) {
                lock = null; // cannot happen with the registry in front; treated as held
            }
            if (lock == null) {
                String holder = readHolder(ch);
                throw new StoreLockedException("store " + dir + " is already open for writing"
                        + (holder.isEmpty() ? "" : " (by pid " + holder + ")") + "; close it first");
            }
            ch.truncate(0);
            ch.write(
                    ByteBuffer.wrap(Long.toString(ProcessHandle.current().pid()).getBytes(StandardCharsets.UTF_8)), 0);
            return new StoreLock(real, ch, lock);
        } catch (IOException | RuntimeException e) {
            // We hold no OS lock on this file here (tryLock failed or never ran), and no other channel of
            // this JVM has it open (registry), so closing our descriptor cannot drop anybody's lock.
            if (ch != null) {
                try {
                    ch.close();
                } catch (IOException suppressed) {
                    e.addSuppressed(suppressed);
                }
            }
            HELD.remove(real);
            throw e;
        }
    }

    private static String readHolder(FileChannel ch) {
        try {
            ByteBuffer b = ByteBuffer.allocate(32);
            ch.read(b, 0);
            return new String(b.array(), 0, b.position(), StandardCharsets.UTF_8).trim();
        } catch (IOException e) {
            return ""; // the holder's pid is only a hint for the message
        }
    }

    /** The locked directory's real path. */
    public Path directory() {
        return dir;
    }

    /** Whether this JVM currently holds the lock of {@code dir} (test hook). */
    public static boolean isHeldInProcess(Path dir) throws IOException {
        return HELD.contains(dir.toRealPath());
    }

    /** Releases the OS lock, closes the one channel and forgets the directory. Idempotent. */
    @Override
    public synchronized void close() {
        if (released) {
            return;
        }
        released = true;
        try {
            lock.release();
            channel.close();
        } catch (IOException ignored) {
            // the OS drops the lock with the descriptor anyway
        } finally {
            HELD.remove(dir);
        }
    }
}
