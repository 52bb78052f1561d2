/*
 * Copyright 2026 the Ferrum authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.ferrum.bench.report;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What a reader needs to know about the machine to weigh a report's numbers: CPU model and vector flags,
 * cores, frequency governor, JDK, JVM flags, and the load average before and after the run (a loaded machine
 * explains a wide interval). Linux facts come from {@code /proc} and {@code /sys}; where they cannot be read
 * the fact says "unknown".
 */
public final class MachineFacts {

    /** The vector-instruction flags that matter to the matrix and units kernels. */
    static final List<String> VECTOR_FLAGS = List.of("avx", "avx2", "fma", "avx512f", "avx512dq", "avx512vl");

    private MachineFacts() {}

    /**
     * Facts as of now.
     *
     * @param forkFlags the flags benchmark forks run with (the runner's), recorded as {@code jvmFlags}
     */
    public static Map<String, Object> now(List<String> forkFlags) {
        Map<String, Object> m = new LinkedHashMap<>();
        Map<String, String> cpu = cpuInfo(read(Path.of("/proc/cpuinfo")));
        m.put("cpu", cpu.getOrDefault("model name", "unknown"));
        m.put("cpuFlags", vectorFlags(cpu.getOrDefault("flags", "")));
        m.put("cores", Runtime.getRuntime().availableProcessors());
        m.put(
                "governor",
                read(Path.of("/sys/devices/system/cpu/cpu0/cpufreq/scaling_governor"))
                        .strip()
                        .transform(s -> s.isEmpty() ? "unknown" : s));
        m.put("maxHeapBytes", Runtime.getRuntime().maxMemory());
        m.put(
                "os",
                System.getProperty("os.name") + " " + System.getProperty("os.version") + " "
                        + System.getProperty("os.arch"));
        m.put("jvm", System.getProperty("java.vm.name") + " " + System.getProperty("java.runtime.version"));
        m.put("jvmFlags", String.join(" ", forkFlags));
        m.put(
                "runnerJvmFlags",
                String.join(" ", ManagementFactory.getRuntimeMXBean().getInputArguments()));
        m.put("loadAverageBefore", loadAverage());
        return m;
    }

    /** The 1, 5 and 15 minute load averages, as {@code /proc/loadavg} prints them, or "unknown". */
    public static String loadAverage() {
        String[] f = read(Path.of("/proc/loadavg")).strip().split("\\s+");
        return f.length >= 3 ? f[0] + " " + f[1] + " " + f[2] : "unknown";
    }

    /** The first processor's fields of a {@code /proc/cpuinfo} text. */
    static Map<String, String> cpuInfo(String text) {
        Map<String, String> fields = new LinkedHashMap<>();
        for (String line : text.split("\n")) {
            if (line.isBlank()) {
                if (!fields.isEmpty()) {
                    break;
                }
                continue;
            }
            int colon = line.indexOf(':');
            if (colon > 0) {
                fields.putIfAbsent(
                        line.substring(0, colon).strip(),
                        line.substring(colon + 1).strip());
            }
        }
        return fields;
    }

    /** Which of {@link #VECTOR_FLAGS} a flags line has, space-separated, or "none". */
    static String vectorFlags(String flags) {
        Set<String> have = Set.of(flags.split("\\s+"));
        List<String> found = new ArrayList<>();
        for (String f : VECTOR_FLAGS) {
            if (have.contains(f)) {
                found.add(f);
            }
        }
        return found.isEmpty() ? "none" : String.join(" ", found);
    }

    private static String read(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException | RuntimeException e) {
            return ""; // not Linux, or not readable here: the fact stays unknown
        }
    }
}
