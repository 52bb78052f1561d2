/*
 * Copyright 2026 the Ferrum authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.ferrum.kv.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.ferrum.kv.Durability;
import dev.ferrum.kv.KvOptions;
import dev.ferrum.kv.KvStore;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The RESP2 server against the real {@code redis-cli}, and against malformed and oversized frames. */
class RespServerTest {

    @TempDir
    Path dir;

    KvStore store;
    RespServer server;

    @BeforeEach
    void start() throws IOException {
        store = KvStore.open(KvOptions.builder(dir)
                .durability(Durability.NO_SYNC)
                .maxValueBytes(1 << 20)
                .build());
        server = new RespServer(store, "127.0.0.1", 0, 4 << 20).start();
    }

    @AfterEach
    void stop() throws IOException {
        server.close();
        store.close();
    }

    static boolean hasRedisCli() {
        return Files.isExecutable(Path.of("/usr/bin/redis-cli")) || System.getenv("CI") != null;
    }

    String cli(String... args) throws Exception {
        return cliWithInput(null, args);
    }

    String cliWithInput(byte[] input, String... args) throws Exception {
        List<String> cmd = new ArrayList<>(List.of("redis-cli", "-p", Integer.toString(server.port())));
        cmd.addAll(List.of(args));
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
        if (input != null) {
            try (OutputStream o = p.getOutputStream()) {
                o.write(input);
            }
        } else {
            p.getOutputStream().close();
        }
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).trim();
        assertThat(p.waitFor(30, TimeUnit.SECONDS)).isTrue();
        return out;
    }

    @Test
    void redisCliRunsEveryCommand() throws Exception {
        assumeTrue(hasRedisCli(), "redis-cli not installed");
        assertThat(cli("PING")).isEqualTo("PONG");
        assertThat(cli("SET", "greeting", "hello world")).isEqualTo("OK");
        assertThat(cli("GET", "greeting")).isEqualTo("hello world");
        assertThat(cli("GET", "missing")).isEmpty();
        assertThat(cli("EXISTS", "greeting", "missing", "greeting")).isEqualTo("2");
        assertThat(cli("MSET", "a", "1", "b", "2")).isEqualTo("OK");
        assertThat(cli("MGET", "a", "missing", "b")).isEqualTo("1\n\n2");
        assertThat(cli("DBSIZE")).isEqualTo("3");
        assertThat(cli("DEL", "a", "b", "nope")).isEqualTo("2");
        assertThat(cli("INFO")).contains("db0:keys=1").contains("durability:NO_SYNC");
        assertThat(cli("FLUSHALL")).contains("ERR unknown command 'FLUSHALL'");
        assertThat(cli("GET")).contains("ERR wrong number of arguments for 'get' command");
        assertThat(store.get("greeting".getBytes(StandardCharsets.UTF_8)))
                .isEqualTo("hello world".getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void redisCliPipeModeGetsEveryReply() throws Exception {
        assumeTrue(hasRedisCli(), "redis-cli not installed");
        ByteArrayOutputStream raw = new ByteArrayOutputStream();
        for (int i = 0; i < 5000; i++) {
            String k = "pipe-" + i;
            String v = "value-" + i;
            raw.writeBytes(
                    ("*3\r\n$3\r\nSET\r\n$" + k.length() + "\r\n" + k + "\r\n$" + v.length() + "\r\n" + v + "\r\n")
                            .getBytes(StandardCharsets.US_ASCII));
        }
        String out = cliWithInput(raw.toByteArray(), "--pipe");
        assertThat(out).contains("errors: 0, replies: 5000");
        assertThat(store.size()).isEqualTo(5000);
        assertThat(cli("GET", "pipe-4999")).isEqualTo("value-4999");
    }

    /** Sends raw bytes, returns everything the server sent until it closed the connection (or timeout). */
    String raw(String request, boolean expectClose) throws IOException {
        try (Socket s = new Socket("127.0.0.1", server.port())) {
            s.setSoTimeout(expectClose ? 10_000 : 1_000);
            OutputStream o = s.getOutputStream();
            byte[] bytes = request.getBytes(StandardCharsets.ISO_8859_1);
            // write from another thread: the server may refuse and close before it has read everything
            Thread writer = Thread.ofVirtual().start(() -> {
                try {
                    o.write(bytes);
                    o.flush();
                } catch (IOException ignored) {
                    // the server closed first (refused the request): expected for oversized input
                }
            });
            InputStream in = s.getInputStream();
            ByteArrayOutputStream got = new ByteArrayOutputStream();
            byte[] buf = new byte[8192];
            try {
                for (int n; (n = in.read(buf)) > 0; ) {
                    got.write(buf, 0, n);
                }
            } catch (java.net.SocketTimeoutException e) {
                assertThat(expectClose)
                        .as("server should have closed the connection")
                        .isFalse();
            }
            try {
                writer.join();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            return got.toString(StandardCharsets.ISO_8859_1);
        }
    }

    @Test
    void pipelinedRequestsInOneWriteGetRepliesInOrder() throws IOException {
        StringBuilder req = new StringBuilder();
        for (int i = 0; i < 100; i++) {
            req.append("*3\r\n$3\r\nSET\r\n$2\r\nk")
                    .append(i % 10)
                    .append("\r\n$1\r\n")
                    .append(i % 10)
                    .append("\r\n");
            req.append("*2\r\n$3\r\nGET\r\n$2\r\nk").append(i % 10).append("\r\n");
        }
        req.append("*1\r\n$4\r\nQUIT\r\n");
        String reply = raw(req.toString(), true);
        StringBuilder expected = new StringBuilder();
        for (int i = 0; i < 100; i++) {
            expected.append("+OK\r\n$1\r\n").append(i % 10).append("\r\n");
        }
        expected.append("+OK\r\n");
        assertThat(reply).isEqualTo(expected.toString());
    }

    @Test
    void malformedFramesGetAProtocolErrorAndTheConnectionIsClosed() throws IOException {
        assertThat(raw("*1\r\n$abc\r\n", true)).startsWith("-ERR Protocol error: invalid bulk length");
        assertThat(raw("*2\r\n$3\r\nGET\r\n:12\r\n", true)).startsWith("-ERR Protocol error: expected '$', got ':'");
        assertThat(raw("*x\r\n", true)).startsWith("-ERR Protocol error: invalid multibulk length");
        assertThat(raw("*1\r\n$4\r\nPINGxx", true))
                .startsWith("-ERR Protocol error: bulk string not terminated by CRLF");
        // the server is still healthy for well-behaved clients
        assertThat(raw("*1\r\n$4\r\nPING\r\n", false)).isEqualTo("+PONG\r\n");
    }

    @Test
    void oversizedRequestsAreRefusedBeforeAllocation() throws IOException {
        assertThat(raw("*1\r\n$2147483647\r\n", true))
                .startsWith("-ERR Protocol error: invalid bulk length: 2147483647");
        assertThat(raw("*100000000\r\n", true)).startsWith("-ERR Protocol error: invalid multibulk length: 100000000");
        // many bulks that are each allowed but together exceed the request limit (4 MiB)
        StringBuilder req = new StringBuilder("*10\r\n$3\r\nSET\r\n");
        String mb = "x".repeat(1 << 20);
        for (int i = 0; i < 6; i++) {
            req.append("$").append(mb.length()).append("\r\n").append(mb).append("\r\n");
        }
        assertThat(raw(req.toString(), true)).startsWith("-ERR Protocol error: request too large");
        assertThat(raw("PING\r\n", false)).isEqualTo("+PONG\r\n");
    }

    @Test
    void inlineCommandsWork() throws IOException {
        assertThat(raw("SET inline yes\r\nGET inline\r\nQUIT\r\n", true)).isEqualTo("+OK\r\n$3\r\nyes\r\n+OK\r\n");
    }

    @Test
    void storeLimitErrorsAreRepliesNotDisconnects() throws IOException {
        // a value over the store's limit is refused at its length header, before its bytes are read
        String reply = raw("*3\r\n$3\r\nSET\r\n$1\r\nk\r\n$" + ((1 << 20) + 1) + "\r\n", true);
        assertThat(reply).startsWith("-ERR Protocol error: invalid bulk length: 1048577");
        String reply2 = raw("*2\r\n$3\r\nGET\r\n$0\r\n\r\n*1\r\n$4\r\nPING\r\n", false);
        assertThat(reply2).isEqualTo("-ERR empty key: keys must be 1..65536 bytes\r\n+PONG\r\n");
    }
}
