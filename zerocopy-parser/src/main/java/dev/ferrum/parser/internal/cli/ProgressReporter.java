/*
 * Copyright 2026 the Ferrum authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.ferrum.parser.internal.cli;

import me.tongfei.progressbar.ProgressBar;
import me.tongfei.progressbar.ProgressBarBuilder;
import me.tongfei.progressbar.ProgressBarStyle;

/** A progress bar over bytes of the capture, shown only for large files; updated every few thousand packets. */
final class ProgressReporter implements AutoCloseable {

    static final long THRESHOLD_BYTES = 256L << 20;
    private static final int PACKETS_PER_UPDATE = 1 << 16;

    private final ProgressBar bar;
    private int countdown = PACKETS_PER_UPDATE;

    ProgressReporter(String task, long totalBytes, boolean enabled) {
        this.bar = enabled && totalBytes >= THRESHOLD_BYTES
                ? new ProgressBarBuilder()
                        .setTaskName(task)
                        .setInitialMax(totalBytes >> 20)
                        .setUnit(" MiB", 1)
                        .setStyle(ProgressBarStyle.ASCII)
                        .setUpdateIntervalMillis(250)
                        .continuousUpdate()
                        .setConsumer(new me.tongfei.progressbar.ConsoleProgressBarConsumer(System.err))
                        .build()
                : null;
    }

    /** Called per packet with the reader's position; cheap unless an update is due. */
    void packet(long position) {
        if (bar != null && --countdown == 0) {
            countdown = PACKETS_PER_UPDATE;
            bar.stepTo(position >> 20);
        }
    }

    void finish(long position) {
        if (bar != null) {
            bar.stepTo(position >> 20);
        }
    }

    @Override
    public void close() {
        if (bar != null) {
            bar.close();
        }
    }
}
