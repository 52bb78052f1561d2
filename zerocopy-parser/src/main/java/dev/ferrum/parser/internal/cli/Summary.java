/*
 * Copyright 2026 the Ferrum authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.ferrum.parser.internal.cli;

import dev.ferrum.parser.CaptureReader;
import java.io.PrintStream;

/** The end-of-walk report and exit status shared by the commands. */
final class Summary {

    /** Exit status: the capture was read completely without framing problems. */
    static final int CLEAN = 0;
    /** Exit status: lax mode read to the end but met framing problems (records may have been skipped). */
    static final int PROBLEMS = 1;
    /** Exit status: the input is unusable (not a capture, missing, unreadable) or strict mode stopped. */
    static final int UNUSABLE = 2;

    private Summary() {}

    /**
     * Prints the problems of a finished walk on {@code err} and returns the exit status.
     *
     * @param file   the input's name
     * @param reader the reader after its walk
     * @param err    standard error
     * @return {@link #CLEAN}, {@link #PROBLEMS} or {@link #UNUSABLE}
     */
    static int report(String file, CaptureReader reader, PrintStream err) {
        if (reader.format() == null) {
            String why = reader.firstError() == null
                    ? "empty input"
                    : reader.firstError().problem();
            err.println("ferrum-pcap: " + file + ": not a pcap or pcapng capture (" + why + ")");
            return UNUSABLE;
        }
        if (reader.anomalyCount() > 0) {
            err.println("ferrum-pcap: " + file + ": " + reader.anomalyCount()
                    + " packet(s) with content anomalies (decoded as far as possible)");
        }
        if (reader.errorCount() > 0) {
            err.println("ferrum-pcap: " + file + ": " + reader.errorCount() + " framing problem(s), "
                    + reader.skippedCount() + " record(s) skipped; first: "
                    + reader.firstError().getMessage());
            return PROBLEMS;
        }
        return CLEAN;
    }
}
