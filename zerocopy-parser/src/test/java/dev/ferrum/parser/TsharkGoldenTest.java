/*
 * Copyright 2026 the Ferrum authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.ferrum.parser;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.ferrum.parser.internal.TsharkFields;
import dev.ferrum.parser.internal.cli.FerrumPcap;
import java.io.BufferedReader;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.io.PrintStream;
import java.lang.foreign.Arena;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Golden tests: real loopback traffic (IPv4 and IPv6, TCP and UDP) captured by tcpdump and dumpcap, then
 * every packet's fields compared with what {@code tshark -T fields} prints for the same file, across the
 * pcap variants editcap produces (nanosecond, snap-length truncated, pcapng) and a byte-swapped copy.
 *
 * <p>Needs tcpdump, dumpcap, tshark, editcap and capture rights on {@code lo}; skipped without them unless
 * the {@code CI} environment variable is set, where {@code .ci/run} installs them and a skip would hide a gap.
 */
class TsharkGoldenTest {

    /** The columns {@code dump} prints by default, each checked against tshark's value for the same field. */
    private static final List<String> FIELDS = TsharkFields.DEFAULT;

    @TempDir
    static Path dir;

    static Path pcap;
    static Path pcapng;
    static boolean withIpv6;

    @BeforeAll
    static void captureLoopbackTraffic() throws Exception {
        boolean tools = Tools.available("tcpdump")
                && Tools.available("dumpcap")
                && Tools.available("tshark")
                && Tools.available("editcap");
        if (System.getenv("CI") == null) {
            assumeTrue(tools, "tcpdump/dumpcap/tshark/editcap not installed");
        }
        // IPv6 loopback can be disabled in containers; then the capture is IPv4-only (unit tests cover IPv6).
        withIpv6 = ipv6LoopbackWorks();
        String v6 = withIpv6 ? "::1" : "127.0.0.1";
        try (DatagramSocket udp4 = new DatagramSocket(new InetSocketAddress("127.0.0.1", 0));
                DatagramSocket udp6 = new DatagramSocket(new InetSocketAddress(v6, 0));
                ServerSocket tcp4 = new ServerSocket(0, 5, InetAddress.getByName("127.0.0.1"));
                ServerSocket tcp6 = new ServerSocket(0, 5, InetAddress.getByName(v6))) {
            String filter = "port " + udp4.getLocalPort() + " or port " + udp6.getLocalPort() + " or port "
                    + tcp4.getLocalPort() + " or port " + tcp6.getLocalPort();
            pcap = dir.resolve("lo.pcap");
            pcapng = dir.resolve("lo-snap96.pcapng");
            Process tcpdump = Tools.startCapture(
                    List.of("tcpdump", "-i", "lo", "--immediate-mode", "-U", "-w", pcap.toString(), filter),
                    "listening on");
            Process dumpcap = Tools.startCapture(
                    List.of("dumpcap", "-q", "-i", "lo", "-s", "96", "-w", pcapng.toString(), "-f", filter),
                    "Capturing on");
            try {
                Thread.sleep(300);
                exchangeUdp(udp4);
                exchangeUdp(udp6);
                exchangeTcp(tcp4);
                exchangeTcp(tcp6);
                Thread.sleep(1000); // let both capture processes read the last packets before SIGTERM
            } finally {
                Tools.stop(tcpdump);
                Tools.stop(dumpcap);
            }
        }
    }

    private static boolean ipv6LoopbackWorks() {
        try (DatagramSocket probe = new DatagramSocket(new InetSocketAddress("::1", 0))) {
            return probe.getLocalPort() > 0;
        } catch (IOException e) {
            System.err.println("TsharkGoldenTest: no IPv6 loopback (" + e + "); capturing IPv4 only");
            return false;
        }
    }

    private static void exchangeUdp(DatagramSocket server) throws IOException {
        try (DatagramSocket client = new DatagramSocket(new InetSocketAddress(server.getLocalAddress(), 0))) {
            for (int size : new int[] {0, 1, 17, 200, 1400, 3000}) {
                client.send(new DatagramPacket(new byte[size], size, server.getLocalSocketAddress()));
                DatagramPacket received = new DatagramPacket(new byte[4096], 4096);
                server.setSoTimeout(2000);
                server.receive(received);
                server.send(new DatagramPacket(new byte[size / 2], size / 2, received.getSocketAddress()));
            }
        }
    }

    private static void exchangeTcp(ServerSocket server) throws Exception {
        server.setSoTimeout(5000);
        CompletableFuture<Void> echo = CompletableFuture.runAsync(() -> {
            try (Socket s = server.accept()) {
                s.setSoTimeout(5000);
                InputStream in = s.getInputStream();
                OutputStream out = s.getOutputStream();
                byte[] buffer = new byte[8192];
                int n;
                while ((n = in.read(buffer)) > 0) {
                    out.write(buffer, 0, n);
                    out.flush();
                }
            } catch (IOException e) {
                throw new IllegalStateException(e);
            }
        });
        try (Socket client = new Socket(server.getInetAddress(), server.getLocalPort())) {
            client.setSoTimeout(5000);
            client.setTcpNoDelay(true);
            for (int size : new int[] {1, 100, 1000, 20000}) {
                client.getOutputStream().write(new byte[size]);
                client.getOutputStream().flush();
                client.getInputStream().readNBytes(size);
            }
            client.shutdownOutput();
            client.getInputStream().readAllBytes();
        }
        echo.get(10, TimeUnit.SECONDS);
    }

    @Test
    void tcpdumpPcapMatchesTsharkPacketByPacket() throws Exception {
        assertMatchesTshark(pcap, CaptureFormat.PCAP);
    }

    @Test
    void ferrumPcapDumpPrintsWhatTsharkPrints() throws Exception {
        PrintStream original = System.out;
        ByteArrayOutputStream buffer = new ByteArrayOutputStream();
        System.setOut(new PrintStream(buffer, true, StandardCharsets.UTF_8));
        int exit;
        try {
            exit = FerrumPcap.run("dump", pcapng.toString());
        } finally {
            System.setOut(original);
        }
        assertThat(exit).isZero();
        assertThat(buffer.toString(StandardCharsets.UTF_8).lines().toList())
                .containsExactlyElementsOf(tsharkFields(pcapng));
    }

    @Test
    void nanosecondPcapFromEditcapMatchesTshark() throws Exception {
        Path nano = dir.resolve("lo-nsec.pcap");
        Tools.run("editcap", "-F", "nseclibpcap", pcap.toString(), nano.toString());
        assertThat(Files.readAllBytes(nano)).startsWith((byte) 0x4D, (byte) 0x3C, (byte) 0xB2, (byte) 0xA1);
        assertMatchesTshark(nano, CaptureFormat.PCAP);
    }

    @Test
    void byteSwappedPcapMatchesTshark() throws Exception {
        Path swapped = dir.resolve("lo-bigendian.pcap");
        Files.write(swapped, swapPcap(Files.readAllBytes(pcap)));
        assertThat(Files.readAllBytes(swapped)).startsWith((byte) 0xA1, (byte) 0xB2, (byte) 0xC3, (byte) 0xD4);
        assertMatchesTshark(swapped, CaptureFormat.PCAP);
    }

    @Test
    void snapLengthTruncatedPcapMatchesTshark() throws Exception {
        Path truncated = dir.resolve("lo-snap80.pcap");
        Tools.run("editcap", "-F", "pcap", "-s", "80", pcap.toString(), truncated.toString());
        assertMatchesTshark(truncated, CaptureFormat.PCAP);
    }

    @Test
    void dumpcapPcapngWithSnapLengthMatchesTshark() throws Exception {
        assertMatchesTshark(pcapng, CaptureFormat.PCAPNG);
    }

    @Test
    void editcapPcapngWithNanosecondResolutionMatchesTshark() throws Exception {
        Path nano = dir.resolve("lo-nsec-for-ng.pcap");
        Path ng = dir.resolve("lo-nsec.pcapng");
        Tools.run("editcap", "-F", "nseclibpcap", pcap.toString(), nano.toString());
        Tools.run("editcap", "-F", "pcapng", nano.toString(), ng.toString());
        // The interface block carries if_tsresol = 9 (option 9, length 1, value 9; little-endian section).
        assertThat(Collections.indexOfSubList(
                        boxed(Files.readAllBytes(ng)), List.of((byte) 9, (byte) 0, (byte) 1, (byte) 0, (byte) 9)))
                .isNotNegative();
        assertMatchesTshark(ng, CaptureFormat.PCAPNG);
    }

    private static List<Byte> boxed(byte[] bytes) {
        List<Byte> list = new ArrayList<>(bytes.length);
        for (byte b : bytes) {
            list.add(b);
        }
        return list;
    }

    private static List<String> tsharkFields(Path file) throws Exception {
        List<String> command = new ArrayList<>(List.of(
                "tshark", "-n", "-r", file.toString(), "-T", "fields", "-E", "separator=|", "-E", "occurrence=f"));
        for (String field : FIELDS) {
            command.add("-e");
            command.add(field);
        }
        return Tools.run(command.toArray(String[]::new));
    }

    private static void assertMatchesTshark(Path file, CaptureFormat expectedFormat) throws Exception {
        List<String> expected = tsharkFields(file);
        List<String> actual = new ArrayList<>();
        try (Arena arena = Arena.ofConfined()) {
            CaptureReader reader = CaptureReader.open(file, arena, ParseMode.STRICT);
            reader.forEach(p -> actual.add(TsharkFields.line(p)));
            assertThat(reader.format()).isEqualTo(expectedFormat);
        }
        assertThat(expected)
                .as("tshark saw packets in %s", file)
                .hasSizeGreaterThan(40)
                .anyMatch(line -> line.contains("|127.0.0.1|127.0.0.1|"));
        if (withIpv6) {
            assertThat(expected).anyMatch(line -> line.contains("|::1|::1|"));
        }
        assertThat(actual).as("fields of %s", file.getFileName()).containsExactlyElementsOf(expected);
    }

    /** Rewrites a little-endian classic pcap with big-endian framing (headers only; packet bytes unchanged). */
    static byte[] swapPcap(byte[] le) {
        ByteBuffer in = ByteBuffer.wrap(le).order(ByteOrder.LITTLE_ENDIAN);
        ByteBuffer out = ByteBuffer.allocate(le.length).order(ByteOrder.BIG_ENDIAN);
        out.putInt(in.getInt()).putShort(in.getShort()).putShort(in.getShort());
        for (int i = 0; i < 4; i++) {
            out.putInt(in.getInt());
        }
        while (in.hasRemaining()) {
            out.putInt(in.getInt()).putInt(in.getInt());
            int captured = in.getInt();
            out.putInt(captured).putInt(in.getInt());
            byte[] data = new byte[captured];
            in.get(data);
            out.put(data);
        }
        return out.array();
    }

    /** Running external tools with timeouts. */
    static final class Tools {
        private Tools() {}

        static boolean available(String tool) {
            for (String dir : System.getenv().getOrDefault("PATH", "/usr/bin").split(":")) {
                if (Files.isExecutable(Path.of(dir, tool))) {
                    return true;
                }
            }
            return false;
        }

        static Process startCapture(List<String> command, String readyLine) throws Exception {
            Process process =
                    new ProcessBuilder(command).redirectErrorStream(true).start();
            CompletableFuture<Boolean> ready = new CompletableFuture<>();
            Thread drain = new Thread(() -> {
                try (BufferedReader r =
                        new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
                    String line;
                    while ((line = r.readLine()) != null) {
                        if (line.contains(readyLine)) {
                            ready.complete(true);
                        }
                    }
                } catch (IOException ignored) {
                    // The process ended; readiness is decided below.
                }
                ready.complete(false);
            });
            drain.setDaemon(true);
            drain.start();
            if (!ready.get(15, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                throw new IllegalStateException(command.get(0) + " did not start capturing");
            }
            return process;
        }

        static void stop(Process process) throws InterruptedException {
            process.destroy(); // SIGTERM: tcpdump and dumpcap flush and close their files
            if (!process.waitFor(10, TimeUnit.SECONDS)) {
                process.destroyForcibly();
            }
        }

        static List<String> run(String... command) throws Exception {
            Process process = new ProcessBuilder(command)
                    .redirectError(ProcessBuilder.Redirect.DISCARD)
                    .start();
            List<String> lines = new ArrayList<>();
            try (BufferedReader r =
                    new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
                String line;
                while ((line = r.readLine()) != null) {
                    lines.add(line);
                }
            }
            if (!process.waitFor(60, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                throw new IllegalStateException(String.join(" ", command) + " timed out");
            }
            return lines;
        }
    }
}
