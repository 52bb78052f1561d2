/*
 * Copyright 2026 the Ferrum authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.ferrum.kv;

import java.util.List;

/**
 * What {@link KvStore#open} found while rebuilding the index.
 *
 * @param segments            segment files opened
 * @param segmentsFromHints   of those, how many were indexed from their hint file instead of scanned
 * @param records             valid records replayed
 * @param tornTailBytes       bytes of an incomplete last write cut off the active segment (zeroed)
 * @param corruptions         damaged regions found and skipped (the records around them survive)
 */
public record RecoveryReport(
        int segments, int segmentsFromHints, long records, long tornTailBytes, List<Corruption> corruptions) {

    /**
     * One damaged region of a segment file.
     *
     * @param file         segment file name
     * @param offset       where the damage starts
     * @param bytesSkipped bytes skipped up to the next valid record (or to the end of data)
     */
    public record Corruption(String file, long offset, long bytesSkipped) {}
}
