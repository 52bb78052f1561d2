/*
 * Copyright 2026 the Ferrum authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.ferrum.bench.parser;

import dev.ferrum.parser.internal.CaptureGenerator;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The generated captures the parser benchmarks share: written once into the temp directory with a fixed seed
 * and reused by every fork (so the file is page-cached after the first read).
 */
public final class BenchFiles {

    static final long SEED = 20261122L;
    /** Bumped whenever the generator's output changes, so stale files in the temp directory are not reused. */
    static final String VERSION = "v2";

    private BenchFiles() {}

    /** The path of a generated capture of about {@code megabytes} MiB, writing it if it is not there yet. */
    public static synchronized Path ensure(long megabytes) {
        Path file = Path.of(
                System.getProperty("java.io.tmpdir"), "ferrum-parser-bench-" + VERSION + "-" + megabytes + "m.pcap");
        long target = megabytes << 20;
        try {
            if (!Files.exists(file) || Files.size(file) < target) {
                Path partial = file.resolveSibling(file.getFileName() + ".partial");
                CaptureGenerator.write(partial, target, SEED);
                Files.move(
                        partial,
                        file,
                        java.nio.file.StandardCopyOption.REPLACE_EXISTING,
                        java.nio.file.StandardCopyOption.ATOMIC_MOVE);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return file;
    }
}
