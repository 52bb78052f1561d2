/*
 * Copyright 2026 the Ferrum authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.ferrum.kv;

import java.util.List;

/**
 * What {@link KvStore#open} found while rebuilding the index.
 *
 * @param segments                   segment files opened
 * @param segmentsFromHints          of those, how many were indexed from their hint file instead of scanned
 * @param records                    valid records replayed
 * @param tornTailBytes              bytes of an incomplete last write cut off the active segment (zeroed)
 * @param corruptions                damaged regions found and skipped (the records around them survive)
 * @param segmentProblems            files that do not match the manifest (missing, truncated, replaced)
 * @param hintsRejected              hint files that did not match their segment (the segment was scanned)
 * @param interruptedCompactionFiles files of a compaction that a crash interrupted, removed as its recovery
 * @param lastSequence               highest record sequence number found
 */
public record RecoveryReport(
        int segments,
        int segmentsFromHints,
        long records,
        long tornTailBytes,
        List<Corruption> corruptions,
        List<SegmentProblem> segmentProblems,
        int hintsRejected,
        int interruptedCompactionFiles,
        long lastSequence) {

    /** The version-1 shape (no manifest findings). */
    public RecoveryReport(
            int segments, int segmentsFromHints, long records, long tornTailBytes, List<Corruption> corruptions) {
        this(segments, segmentsFromHints, records, tornTailBytes, corruptions, List.of(), 0, 0, 0);
    }

    public RecoveryReport {
        corruptions = List.copyOf(corruptions);
        segmentProblems = List.copyOf(segmentProblems);
    }

    /** Whether nothing was lost: no damaged region and no segment problem (a cut torn tail is normal). */
    public boolean clean() {
        return corruptions.isEmpty() && segmentProblems.isEmpty();
    }

    /**
     * One damaged region of a segment file.
     *
     * @param file         segment file name
     * @param offset       where the damage starts
     * @param bytesSkipped bytes skipped up to the next valid record (or to the end of data)
     */
    public record Corruption(String file, long offset, long bytesSkipped) {}

    /**
     * A segment file that does not match the manifest.
     *
     * @param file   segment file name
     * @param kind   what is wrong
     * @param detail human-readable specifics
     */
    public record SegmentProblem(String file, Kind kind, String detail) {

        /** Kinds of mismatch. */
        public enum Kind {
            /** Listed in the manifest, absent from the directory. */
            MISSING,
            /** Shorter than written, or its records end before the manifest's recorded end. */
            TRUNCATED,
            /** Its header (salt, name) is not the one the manifest recorded: replaced, renamed or swapped. */
            REPLACED,
            /** Its header is unreadable. */
            UNREADABLE
        }
    }
}
