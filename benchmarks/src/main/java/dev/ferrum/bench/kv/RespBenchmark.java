/*
 * Copyright 2026 the Ferrum authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.ferrum.bench.kv;

import dev.ferrum.bench.support.ChildJvm;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * {@code redis-benchmark -t set,get -n N -c 50 [-P 16]} against {@code ferrum-kv serve} (NO_SYNC) and a
 * {@code redis-server} without persistence, side by side: both servers run at once, and each round runs
 * every configuration against both, alternating which goes first, so machine noise hits both alike. The
 * result per test is the median over rounds, with the spread (min-max) and the per-round ratios.
 *
 * <p>Standalone: {@code java -cp benchmarks.jar dev.ferrum.bench.kv.RespBenchmark [--rounds 5] [-n 200000]
 * [--server-jar kvstore/server/target/ferrum-kv.jar] [--io-threads 1]}.
 */
public final class RespBenchmark {

    /** One test (SET, GET, SET-P16, GET-P16): ops/s per round for each server. */
    public record Result(String test, double[] ferrum, double[] redis) {
        public double ferrumMedian() {
            return median(ferrum);
        }

        public double redisMedian() {
            return median(redis);
        }

        /** ferrum / redis per round. */
        public double[] ratios() {
            double[] r = new double[ferrum.length];
            for (int i = 0; i < r.length; i++) {
                r[i] = ferrum[i] / redis[i];
            }
            return r;
        }

        public String summary() {
            double[] r = ratios();
            return String.format(
                    Locale.ROOT,
                    "%-8s ferrum-kv median %,.0f ops/s (%,.0f-%,.0f) | redis-server median %,.0f (%,.0f-%,.0f) | "
                            + "ratio of medians %.2fx, per round %.2f-%.2fx",
                    test,
                    median(ferrum),
                    min(ferrum),
                    max(ferrum),
                    median(redis),
                    min(redis),
                    max(redis),
                    median(ferrum) / median(redis),
                    min(r),
                    max(r));
        }
    }

    static double median(double[] v) {
        double[] s = v.clone();
        Arrays.sort(s);
        int n = s.length;
        return n == 0 ? Double.NaN : n % 2 == 1 ? s[n / 2] : (s[n / 2 - 1] + s[n / 2]) / 2;
    }

    static double min(double[] v) {
        return Arrays.stream(v).min().orElse(Double.NaN);
    }

    static double max(double[] v) {
        return Arrays.stream(v).max().orElse(Double.NaN);
    }

    public static boolean available() {
        return Files.isExecutable(Path.of("/usr/bin/redis-benchmark"))
                && Files.isExecutable(Path.of("/usr/bin/redis-server"));
    }

    public static String redisVersion() {
        try {
            Process p = new ProcessBuilder("redis-server", "--version")
                    .redirectErrorStream(true)
                    .start();
            String s = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            int i = s.indexOf("v=");
            return i < 0 ? "" : s.substring(i + 2, s.indexOf(' ', i));
        } catch (IOException e) {
            return "";
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        }
    }

    @SuppressWarnings("try") // the socket only probes that the server listens
    private static void awaitPort(int port, Process p, long timeoutMillis) throws Exception {
        long end = System.currentTimeMillis() + timeoutMillis;
        while (System.currentTimeMillis() < end) {
            if (!p.isAlive()) {
                throw new IllegalStateException("server exited early: "
                        + new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8));
            }
            try (Socket s = new Socket("127.0.0.1", port)) {
                return;
            } catch (IOException e) {
                Thread.sleep(100);
            }
        }
        throw new IllegalStateException("server did not listen on " + port);
    }

    /**
     * Runs the comparison.
     *
     * @param classPath where {@code dev.ferrum.kv.server.internal.cli.FerrumKv} is (a shaded jar)
     * @param log       receives every command and its CSV output
     */
    public static List<Result> run(String classPath, int rounds, int n, int ioThreads, StringBuilder log)
            throws Exception {
        Path dir = Files.createTempDirectory("kv-resp-bench");
        int ferrumPort = freePort();
        Process ferrum = ChildJvm.of(KvSuite.FERRUM_KV)
                .classPath(classPath)
                .jvmArgs("-Xmx1g")
                .args(
                        "-d",
                        dir.resolve("kv").toString(),
                        "--durability",
                        "NO_SYNC",
                        "serve",
                        "--port",
                        Integer.toString(ferrumPort),
                        "--io-threads",
                        Integer.toString(ioThreads))
                .start(dir.resolve("ferrum.log"));
        int redisPort = freePort();
        Process redis = new ProcessBuilder(
                        "redis-server",
                        "--port",
                        Integer.toString(redisPort),
                        "--bind",
                        "127.0.0.1",
                        "--save",
                        "",
                        "--appendonly",
                        "no",
                        "--dir",
                        dir.toString())
                .redirectErrorStream(true)
                .redirectOutput(dir.resolve("redis.log").toFile())
                .start();
        try {
            awaitPort(ferrumPort, ferrum, 60_000);
            awaitPort(redisPort, redis, 30_000);
            // JIT warm-up of ferrum-kv (and page-in of both): unmeasured
            for (boolean p : new boolean[] {false, true}) {
                redisBenchmark(ferrumPort, p, n, new StringBuilder());
                redisBenchmark(redisPort, p, n / 4, new StringBuilder());
            }
            Map<String, double[]> ours = new LinkedHashMap<>();
            Map<String, double[]> theirs = new LinkedHashMap<>();
            for (String t : List.of("SET", "GET", "SET-P16", "GET-P16")) {
                ours.put(t, new double[rounds]);
                theirs.put(t, new double[rounds]);
            }
            for (int round = 0; round < rounds; round++) {
                for (boolean pipelined : new boolean[] {false, true}) {
                    boolean ferrumFirst = round % 2 == 0;
                    for (int side = 0; side < 2; side++) {
                        boolean isFerrum = (side == 0) == ferrumFirst;
                        log.append("# round ")
                                .append(round + 1)
                                .append(isFerrum ? " ferrum-kv" : " redis-server")
                                .append('\n');
                        Map<String, Double> r = redisBenchmark(isFerrum ? ferrumPort : redisPort, pipelined, n, log);
                        for (Map.Entry<String, Double> e : r.entrySet()) {
                            String test = pipelined ? e.getKey() + "-P16" : e.getKey();
                            double[] into = (isFerrum ? ours : theirs).get(test);
                            if (into != null) {
                                into[round] = e.getValue();
                            }
                        }
                    }
                }
            }
            List<Result> results = new ArrayList<>();
            for (String t : ours.keySet()) {
                results.add(new Result(t, ours.get(t), theirs.get(t)));
            }
            return results;
        } finally {
            ferrum.destroy();
            redis.destroy();
            ferrum.waitFor(20, TimeUnit.SECONDS);
            redis.waitFor(20, TimeUnit.SECONDS);
            ferrum.destroyForcibly();
            redis.destroyForcibly();
            try (Stream<Path> walk = Files.walk(dir)) {
                walk.sorted(Comparator.reverseOrder()).forEach(f -> f.toFile().delete());
            }
        }
    }

    /** One {@code redis-benchmark --csv} run: requests per second by test name (SET, GET). */
    static Map<String, Double> redisBenchmark(int port, boolean pipelined, int n, StringBuilder log) throws Exception {
        List<String> cmd = new ArrayList<>(List.of(
                "redis-benchmark",
                "-h",
                "127.0.0.1",
                "-p",
                Integer.toString(port),
                "-t",
                "set,get",
                "-n",
                Integer.toString(n),
                "-c",
                "50",
                "-r",
                "100000",
                "-d",
                "100",
                "--csv"));
        if (pipelined) {
            cmd.addAll(List.of("-P", "16"));
        }
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
        Map<String, Double> out = new HashMap<>();
        log.append("$ ").append(String.join(" ", cmd)).append('\n');
        try (BufferedReader r = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8))) {
            for (String line; (line = r.readLine()) != null; ) {
                log.append(line).append('\n');
                String[] f = line.split(",");
                if (f.length >= 2 && f[0].startsWith("\"")) {
                    try {
                        out.put(f[0].replace("\"", ""), Double.parseDouble(f[1].replace("\"", "")));
                    } catch (NumberFormatException ignored) {
                        // the header line
                    }
                }
            }
        }
        if (!p.waitFor(300, TimeUnit.SECONDS)) {
            p.destroyForcibly();
        }
        return out;
    }

    public static void main(String[] args) throws Exception {
        int rounds = 5;
        int n = 200_000;
        int io = 1;
        String cp = System.getProperty("java.class.path");
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--rounds" -> rounds = Integer.parseInt(args[++i]);
                case "-n" -> n = Integer.parseInt(args[++i]);
                case "--io-threads" -> io = Integer.parseInt(args[++i]);
                case "--server-jar" -> cp = args[++i];
                default -> throw new IllegalArgumentException("unknown option " + args[i]);
            }
        }
        if (!available()) {
            System.err.println("redis-benchmark/redis-server not installed (Debian: redis-tools, redis-server)");
            System.exit(2);
        }
        StringBuilder log = new StringBuilder();
        List<Result> results = run(cp, rounds, n, io, log);
        System.out.print(log);
        System.out.printf(
                "%nredis-benchmark -t set,get -n %d -c 50 (-P 16), %d interleaved rounds, redis-server %s, "
                        + "ferrum-kv serve --io-threads %d%n",
                n, rounds, redisVersion(), io);
        for (Result r : results) {
            System.out.println(r.summary());
        }
    }
}
