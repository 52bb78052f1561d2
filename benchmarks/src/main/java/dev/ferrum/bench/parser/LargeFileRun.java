/*
 * Copyright 2026 the Ferrum authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.ferrum.bench.parser;

import dev.ferrum.parser.CaptureReader;
import dev.ferrum.parser.ParseMode;
import dev.ferrum.parser.internal.CaptureGenerator;
import java.lang.foreign.Arena;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Child-JVM program for the large-file row: generates (streaming) a capture of the requested size if it is
 * not there, then walks it once with the zero-copy reader and prints one {@code RESULT} line:
 * packets, bytes, nanoseconds of the first pass, peak RSS (VmHWM, KiB), anonymous RSS at the end (KiB), peak heap
 * used (bytes), nanoseconds of a second pass, checksum.
 * Run by {@link ParserSuite} with {@code -Xmx64m}.
 */
public final class LargeFileRun {

    private LargeFileRun() {}

    public static void main(String[] args) throws Exception {
        Path file = Path.of(args[0]);
        long bytes = Long.parseLong(args[1]);
        long releaseBehind = args.length > 2 ? Long.parseLong(args[2]) : 16L << 20;
        if (!Files.exists(file) || Files.size(file) < bytes) {
            Path partial = file.resolveSibling(file.getFileName() + ".partial");
            CaptureGenerator.write(partial, bytes, BenchFiles.SEED);
            Files.move(partial, file, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        }
        // Generation touched the heap and the page cache; reset the high-water mark so VmHWM reflects the walk.
        Files.writeString(Path.of("/proc/self/clear_refs"), "5");
        ParseFileBench.ChecksumVisitor visitor = new ParseFileBench.ChecksumVisitor();
        long packets;
        long size;
        long start;
        long elapsed;
        try (Arena arena = Arena.ofConfined()) {
            CaptureReader reader =
                    CaptureReader.open(file, arena, ParseMode.STRICT).releaseBehind(releaseBehind);
            size = reader.segment().byteSize();
            start = System.nanoTime();
            packets = reader.forEach(visitor);
            elapsed = System.nanoTime() - start;
        }
        // A second pass with compiled code, for the note: the first includes interpretation and JIT compilation.
        long secondElapsed;
        try (Arena arena = Arena.ofConfined()) {
            CaptureReader reader =
                    CaptureReader.open(file, arena, ParseMode.STRICT).releaseBehind(releaseBehind);
            long again = System.nanoTime();
            reader.forEach(visitor);
            secondElapsed = System.nanoTime() - again;
        }
        long peakHeap = 0;
        for (var pool : java.lang.management.ManagementFactory.getMemoryPoolMXBeans()) {
            if (pool.getType() == java.lang.management.MemoryType.HEAP && pool.getPeakUsage() != null) {
                peakHeap += pool.getPeakUsage().getUsed();
            }
        }
        System.out.println("RESULT " + packets + " " + size + " " + elapsed + " " + status("VmHWM") + " "
                + status("RssAnon") + " " + peakHeap + " " + secondElapsed + " " + visitor.sum);
    }

    private static long status(String key) throws Exception {
        for (String line : Files.readAllLines(Path.of("/proc/self/status"))) {
            if (line.startsWith(key + ":")) {
                return Long.parseLong(
                        line.substring(key.length() + 1).replace("kB", "").trim());
            }
        }
        return -1;
    }
}
