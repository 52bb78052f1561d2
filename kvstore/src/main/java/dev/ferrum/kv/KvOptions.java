/*
 * Copyright 2026 the Ferrum authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.ferrum.kv;

import java.nio.file.Path;
import java.util.Objects;

/**
 * How to open a store. Build with {@link #builder(Path)}.
 *
 * @param directory          the store's directory (created if missing)
 * @param durability         when writes are forced to disk, see {@link Durability}
 * @param syncIntervalMillis group-commit interval for {@link Durability#SYNC_EVERY_N_MS}
 * @param segmentBytes       size at which the active segment is sealed and a new one started
 * @param maxKeyBytes        largest key accepted; also recovery's plausibility bound, so reopen a store with
 *                           limits at least as large as those its data was written with (a larger record
 *                           would be reported as damaged and skipped)
 * @param maxValueBytes      largest value accepted (same recovery caveat)
 * @param expectedKeys       initial index capacity hint (the index grows beyond it)
 * @param verifyOnRead       check each record's CRC32C on every read (a flipped bit is reported, not served)
 * @param salvage            open a damaged store anyway (missing/truncated/replaced segments, damaged records
 *                           in sealed segments), serving what survives and listing the losses in the
 *                           {@link RecoveryReport}; the manifest is then rewritten to the surviving files.
 *                           Default {@code false}: such a store fails to open with {@link CorruptStoreException}
 */
public record KvOptions(
        Path directory,
        Durability durability,
        long syncIntervalMillis,
        long segmentBytes,
        int maxKeyBytes,
        int maxValueBytes,
        long expectedKeys,
        boolean verifyOnRead,
        boolean salvage) {

    /** The shape before {@code salvage} existed (salvage off). */
    public KvOptions(
            Path directory,
            Durability durability,
            long syncIntervalMillis,
            long segmentBytes,
            int maxKeyBytes,
            int maxValueBytes,
            long expectedKeys,
            boolean verifyOnRead) {
        this(
                directory,
                durability,
                syncIntervalMillis,
                segmentBytes,
                maxKeyBytes,
                maxValueBytes,
                expectedKeys,
                verifyOnRead,
                false);
    }

    /** Bytes of framing around the largest record and before the first: record header + CRC, segment header. */
    static final int FRAMING_BYTES = 25 + 64;

    /** Validates the combination. */
    public KvOptions {
        Objects.requireNonNull(directory, "directory");
        Objects.requireNonNull(durability, "durability");
        if (syncIntervalMillis < 1) {
            throw new IllegalArgumentException("syncIntervalMillis must be >= 1, was " + syncIntervalMillis);
        }
        if (maxKeyBytes < 1 || maxValueBytes < 0) {
            throw new IllegalArgumentException(
                    "maxKeyBytes must be >= 1 and maxValueBytes >= 0, were " + maxKeyBytes + " and " + maxValueBytes);
        }
        if (segmentBytes < 4096 || segmentBytes > (1L << 40)) {
            throw new IllegalArgumentException("segmentBytes must be in [4096, 2^40], was " + segmentBytes);
        }
        long largest = (long) FRAMING_BYTES + maxKeyBytes + maxValueBytes;
        if (largest > segmentBytes) {
            throw new IllegalArgumentException("a record of maxKeyBytes " + maxKeyBytes + " + maxValueBytes "
                    + maxValueBytes + " + " + FRAMING_BYTES + " bytes of framing does not fit a segment of "
                    + segmentBytes + " bytes");
        }
        if (expectedKeys < 0 || expectedKeys > (1L << 34)) {
            throw new IllegalArgumentException("expectedKeys out of range: " + expectedKeys);
        }
    }

    /** Defaults: SYNC_EVERY_N_MS at 50 ms, 64 MiB segments, keys up to 64 KiB, values up to 16 MiB. */
    public static Builder builder(Path directory) {
        return new Builder(directory);
    }

    /** Mutable builder for {@link KvOptions}. */
    public static final class Builder {
        private final Path directory;
        private Durability durability = Durability.SYNC_EVERY_N_MS;
        private long syncIntervalMillis = 50;
        private long segmentBytes = 64L << 20;
        private int maxKeyBytes = 64 << 10;
        private int maxValueBytes = 16 << 20;
        private long expectedKeys = 1 << 16;
        private boolean verifyOnRead = true;
        private boolean salvage;

        Builder(Path directory) {
            this.directory = directory;
        }

        public Builder durability(Durability d) {
            this.durability = d;
            return this;
        }

        public Builder syncIntervalMillis(long ms) {
            this.syncIntervalMillis = ms;
            return this;
        }

        public Builder segmentBytes(long bytes) {
            this.segmentBytes = bytes;
            return this;
        }

        public Builder maxKeyBytes(int bytes) {
            this.maxKeyBytes = bytes;
            return this;
        }

        public Builder maxValueBytes(int bytes) {
            this.maxValueBytes = bytes;
            return this;
        }

        public Builder expectedKeys(long keys) {
            this.expectedKeys = keys;
            return this;
        }

        public Builder verifyOnRead(boolean verify) {
            this.verifyOnRead = verify;
            return this;
        }

        public Builder salvage(boolean salvage) {
            this.salvage = salvage;
            return this;
        }

        public KvOptions build() {
            return new KvOptions(
                    directory,
                    durability,
                    syncIntervalMillis,
                    segmentBytes,
                    maxKeyBytes,
                    maxValueBytes,
                    expectedKeys,
                    verifyOnRead,
                    salvage);
        }
    }
}
