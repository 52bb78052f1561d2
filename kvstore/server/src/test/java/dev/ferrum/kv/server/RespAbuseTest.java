/*
 * Copyright 2026 the Ferrum authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.ferrum.kv.server;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ferrum.kv.server.internal.cli.FerrumKv;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Hostile clients against {@code ferrum-kv serve} running in a child JVM (so its resident memory can be
 * read from {@code /proc/<pid>/status}): thousands of idle connections, stalled {@code $16000000} bulk
 * announcements, pipelined half-frames, and more connections than the process may open files.
 */
class RespAbuseTest {

    @TempDir
    Path dir;

    /** A serve process started through sh, so its open-file limit can be set with ulimit -n. */
    record Server(Process process, int port) implements AutoCloseable {
        long pid() {
            return process.pid();
        }

        @Override
        public void close() {
            process.destroy();
            try {
                if (!process.waitFor(20, TimeUnit.SECONDS)) {
                    process.destroyForcibly();
                }
            } catch (InterruptedException e) {
                process.destroyForcibly();
                Thread.currentThread().interrupt();
            }
        }
    }

    Server serve(int fdLimit, String... extra) throws Exception {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        List<String> cmd = new ArrayList<>(List.of(
                java,
                "--enable-native-access=ALL-UNNAMED",
                "-Xmx256m",
                "-XX:+UseSerialGC",
                "-cp",
                System.getProperty("java.class.path"),
                FerrumKv.class.getName(),
                "-d",
                dir.resolve("store-" + fdLimit).toString(),
                "--durability",
                "NO_SYNC",
                "serve",
                "--port",
                "0",
                "--expected-keys",
                "1000"));
        cmd.addAll(List.of(extra));
        StringBuilder shell = new StringBuilder("ulimit -n " + fdLimit + " && exec");
        for (String c : cmd) {
            shell.append(" '").append(c.replace("'", "'\\''")).append('\'');
        }
        Process p = new ProcessBuilder("sh", "-c", shell.toString())
                .redirectError(ProcessBuilder.Redirect.INHERIT)
                .start();
        BufferedReader out = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8));
        String line = out.readLine();
        if (line == null) {
            throw new IllegalStateException("serve exited: " + p.waitFor());
        }
        Matcher m = Pattern.compile(":(\\d+) \\(RESP2").matcher(line);
        assertThat(m.find()).as(line).isTrue();
        return new Server(p, Integer.parseInt(m.group(1)));
    }

    static long statusKb(long pid, String field) throws IOException {
        for (String l : Files.readAllLines(Path.of("/proc/" + pid + "/status"))) {
            if (l.startsWith(field + ":")) {
                return Long.parseLong(l.replaceAll("[^0-9]", ""));
            }
        }
        throw new IllegalStateException(field + " not in /proc/" + pid + "/status");
    }

    /** utime + stime of the process, in clock ticks. */
    static long cpuTicks(long pid) throws IOException {
        String stat = Files.readString(Path.of("/proc/" + pid + "/stat"));
        String[] f = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
        return Long.parseLong(f[11]) + Long.parseLong(f[12]);
    }

    static void send(Socket s, String text) throws IOException {
        s.getOutputStream().write(text.getBytes(StandardCharsets.ISO_8859_1));
        s.getOutputStream().flush();
    }

    static String readExactly(Socket s, int n) throws IOException {
        s.setSoTimeout(10_000);
        return new String(s.getInputStream().readNBytes(n), StandardCharsets.ISO_8859_1);
    }

    static String info(int port, String field) throws IOException {
        try (Socket s = new Socket("127.0.0.1", port)) {
            s.setSoTimeout(10_000);
            send(s, "INFO\r\n");
            BufferedReader r =
                    new BufferedReader(new InputStreamReader(s.getInputStream(), StandardCharsets.ISO_8859_1));
            int len = Integer.parseInt(r.readLine().substring(1));
            char[] body = new char[len];
            int got = 0;
            while (got < len) {
                got += r.read(body, got, len - got);
            }
            for (String l : new String(body).split("\r\n")) {
                if (l.startsWith(field + ":")) {
                    return l.substring(field.length() + 1);
                }
            }
            return "";
        }
    }

    @Test
    void idleStalledAndHalfFramedClientsKeepMemoryBounded() throws Exception {
        int idle = Integer.getInteger("ferrum.abuse.idle", 5000);
        List<Socket> held = new ArrayList<>();
        try (Server srv = serve(idle + 1000)) {
            try (Socket probe = new Socket("127.0.0.1", srv.port())) {
                send(probe, "PING\r\n");
                assertThat(readExactly(probe, 7)).isEqualTo("+PONG\r\n");
            }
            long baseKb = statusKb(srv.pid(), "VmRSS");
            for (int i = 0; i < idle; i++) {
                held.add(new Socket("127.0.0.1", srv.port()));
            }
            // 40 clients announce 16 MB values and stall after 1,000 bytes
            for (int i = 0; i < 40; i++) {
                Socket s = new Socket("127.0.0.1", srv.port());
                held.add(s);
                send(s, "*3\r\n$3\r\nSET\r\n$5\r\nbig:" + (i % 10) + "\r\n$16000000\r\n" + "x".repeat(1000));
            }
            // 500 clients pipeline complete PINGs followed by half a SET: the PINGs are answered at once
            for (int i = 0; i < 500; i++) {
                Socket s = new Socket("127.0.0.1", srv.port());
                held.add(s);
                send(
                        s,
                        "*1\r\n$4\r\nPING\r\n".repeat(10) + "*3\r\n$3\r\nSET\r\n$4\r\nhalf\r\n$100\r\n"
                                + "y".repeat(50));
            }
            for (int i = held.size() - 500; i < held.size(); i++) {
                assertThat(readExactly(held.get(i), 70)).isEqualTo("+PONG\r\n".repeat(10));
            }
            int expected = idle + 540 + 1;
            long deadline = System.currentTimeMillis() + 20_000;
            String connected = "";
            while (System.currentTimeMillis() < deadline) {
                connected = info(srv.port(), "connected_clients");
                if (connected.equals(Integer.toString(expected))) {
                    break;
                }
                Thread.sleep(100);
            }
            assertThat(connected).as("connections held by the server").isEqualTo(Integer.toString(expected));
            long buffered = Long.parseLong(info(srv.port(), "client_buffers_bytes"));
            long rssKb = statusKb(srv.pid(), "VmRSS");
            long hwmKb = statusKb(srv.pid(), "VmHWM");
            System.out.printf(
                    "RespAbuseTest: %d connections held (%d idle, 40 stalled $16000000 bulks, 500 half-frames): "
                            + "VmRSS %d MB (baseline %d MB, peak %d MB), client buffers %d bytes%n",
                    expected - 1, idle, rssKb / 1024, baseKb / 1024, hwmKb / 1024, buffered);
            // what the stalled and half-framed clients sent, give or take rounding: not what they announced
            assertThat(buffered).isLessThan(540L * 4096);
            assertThat(rssKb - baseKb).as("RSS growth, KB").isLessThan(150 * 1024);
            // and the server still serves
            try (Socket probe = new Socket("127.0.0.1", srv.port())) {
                send(probe, "*3\r\n$3\r\nSET\r\n$1\r\nk\r\n$1\r\nv\r\n*2\r\n$3\r\nGET\r\n$1\r\nk\r\n");
                assertThat(readExactly(probe, 12)).isEqualTo("+OK\r\n$1\r\nv\r\n");
            }
        } finally {
            for (Socket s : held) {
                s.close();
            }
        }
    }

    @Test
    void beyondTheFileLimitClientsAreRefusedAndTheServerDoesNotSpin() throws Exception {
        List<Socket> held = new ArrayList<>();
        try (Server srv = serve(256)) {
            int refused = 0;
            int served = 0;
            for (int i = 0; i < 400; i++) {
                Socket s = new Socket("127.0.0.1", srv.port());
                held.add(s);
                send(s, "PING\r\n");
                s.setSoTimeout(3_000);
                byte[] reply = new byte[64];
                int n;
                try {
                    n = s.getInputStream().read(reply);
                } catch (java.net.SocketTimeoutException e) {
                    n = 0; // queued behind a failing accept (out of descriptors): must not spin meanwhile
                }
                String r = n <= 0 ? "" : new String(reply, 0, n, StandardCharsets.US_ASCII);
                if (r.equals("+PONG\r\n")) {
                    served++;
                } else if (r.equals("-ERR max number of clients reached\r\n")) {
                    refused++;
                }
                if (refused > 20) {
                    break;
                }
            }
            assertThat(served).as("served").isGreaterThan(50);
            assertThat(refused).as("refused with Redis's error").isGreaterThan(0);
            long t0 = cpuTicks(srv.pid());
            Thread.sleep(2000);
            long ticks = cpuTicks(srv.pid()) - t0;
            System.out.printf(
                    "RespAbuseTest: open-file limit 256: %d served, %d refused, %d CPU ticks in 2 s while held%n",
                    served, refused, ticks);
            assertThat(ticks)
                    .as("CPU ticks (1/100 s) used in 2 s of holding the connections")
                    .isLessThan(50);
        } finally {
            for (Socket s : held) {
                s.close();
            }
        }
    }
}
