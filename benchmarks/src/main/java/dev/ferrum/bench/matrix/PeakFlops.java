/*
 * Copyright 2026 the Ferrum authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.ferrum.bench.matrix;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Estimated single-core double-precision peak of this machine, from {@code /proc/cpuinfo}:
 * {@code GHz x doubles per vector x 2 (an FMA is two flops) x 2 FMA pipes per core}.
 *
 * <p>Doubles per vector: 8 with {@code avx512f}, 4 with {@code avx2}/{@code avx}, 2 otherwise (SSE2).
 * Without the {@code fma} flag a multiply and an add issue separately, which also gives two flops per lane
 * per cycle over two pipes, so the formula is unchanged. The clock is the largest {@code cpu MHz} listed (in
 * a VM this is the nominal clock; turbo is not visible). Two pipes is right for Intel since Haswell and AMD
 * since Zen 2 at 256 bits; at 512 bits it is an upper bound: Zen 4 runs a 512-bit FMA as two 256-bit halves
 * (half this peak), and some Intel server parts have one 512-bit FMA unit.
 *
 * @param model   CPU model name
 * @param ghz     clock used
 * @param lanes   doubles per vector register
 * @param fma     whether the CPU has FMA
 * @param gflops  the estimate
 */
record PeakFlops(String model, double ghz, int lanes, boolean fma, double gflops) {

    static final int FMA_PIPES = 2;

    static PeakFlops detect() {
        try {
            return parse(Files.readAllLines(Path.of("/proc/cpuinfo")));
        } catch (IOException | RuntimeException e) {
            return new PeakFlops("unknown (" + e.getMessage() + ")", Double.NaN, 0, false, Double.NaN);
        }
    }

    static PeakFlops parse(List<String> cpuinfo) {
        String model = "unknown";
        double mhz = Double.NaN;
        Set<String> flags = Set.of();
        for (String line : cpuinfo) {
            int colon = line.indexOf(':');
            if (colon < 0) {
                continue;
            }
            String key = line.substring(0, colon).trim();
            String value = line.substring(colon + 1).trim();
            switch (key) {
                case "model name" -> model = value;
                case "cpu MHz" ->
                    mhz = Double.isNaN(mhz) ? Double.parseDouble(value) : Math.max(mhz, Double.parseDouble(value));
                case "flags" -> flags = Set.of(value.split("\\s+"));
                default -> {
                    // other fields are not needed
                }
            }
        }
        int lanes = flags.contains("avx512f") ? 8 : flags.contains("avx2") || flags.contains("avx") ? 4 : 2;
        boolean fma = flags.contains("fma");
        double ghz = mhz / 1000;
        return new PeakFlops(model, ghz, lanes, fma, ghz * lanes * 2 * FMA_PIPES);
    }

    String explanation() {
        return String.format(
                Locale.ROOT,
                "Estimated peak: %.1f GFLOP/s per core = %.2f GHz x %d doubles/vector (%s) x 2 flops/FMA%s"
                        + " x %d FMA pipes; single-threaded kernels, so one core's peak. CPU: %s. At 512 bits this is an"
                        + " upper bound (Zen 4 splits a 512-bit FMA in two halves: half this peak).",
                gflops,
                ghz,
                lanes,
                lanes == 8 ? "AVX-512" : lanes == 4 ? "AVX2" : "SSE2",
                fma ? "" : " (no FMA: mul+add)",
                FMA_PIPES,
                model);
    }
}
