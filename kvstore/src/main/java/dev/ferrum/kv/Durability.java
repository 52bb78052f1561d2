/*
 * Copyright 2026 the Ferrum authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.ferrum.kv;

/**
 * When appended records are forced to stable storage, chosen once per store.
 *
 * <p>Every policy survives a <em>process</em> crash (kill -9, OOM, JVM abort): a record is written into
 * the kernel's page cache (through the shared mapping) before {@code put} returns, and the kernel
 * writes it back even if the process dies. The policies differ on an <em>operating-system</em> crash
 * or power loss:
 *
 * <ul>
 *   <li>{@link #SYNC_EVERY_WRITE}: {@code put}/{@code delete}/{@code write(batch)} return only after
 *       {@code msync(MS_SYNC)} of the record's pages ({@code MemorySegment.force}). Every acknowledged
 *       write survives. A batch is forced once, after its last record.</li>
 *   <li>{@link #SYNC_EVERY_N_MS}: group commit. A background thread forces everything appended since
 *       its last pass every {@code syncIntervalMillis}. Writes acknowledged before the last completed
 *       pass survive; writes after it may each be lost (a lost write is dropped whole, never served
 *       torn), so at most about one interval of acknowledged writes is lost.</li>
 *   <li>{@link #NO_SYNC}: nothing is forced until {@code close()} (and compaction output, which is always
 *       forced before old files are deleted). After an OS crash any write since the last
 *       {@code close()}/{@code sync()} may be lost; what survives is still valid (CRC-checked).</li>
 * </ul>
 */
public enum Durability {
    /** Force every write before acknowledging it. */
    SYNC_EVERY_WRITE,
    /** Force in the background every {@code syncIntervalMillis} (group commit). */
    SYNC_EVERY_N_MS,
    /** Never force except on close/sync. */
    NO_SYNC
}
