/*
 * Copyright 2026 the Ferrum authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.ferrum.bench.rust;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.File;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * The same-machine Rust side of the report: the Cargo workspace in {@code benchmarks/rust}, built offline from
 * Debian's crate packages and run as a child process that prints one JSON object per line.
 *
 * <p>{@link #prepare} finds cargo and the crates (installing the crate packages when it runs as root, as
 * {@code .ci/run} installs tshark) and builds the workspace once; a side that cannot run carries the one-line
 * reason, and every Rust row then says "not run: reason" instead of going missing.
 */
public final class RustSide {

    /** The Debian packages whose crate sources the workspace builds from. */
    public static final List<String> CRATE_PACKAGES = List.of(
            "librust-bumpalo-dev",
            "librust-crossbeam-queue-dev",
            "librust-crossbeam-channel-dev",
            "librust-memmap2-dev",
            "librust-uom-dev",
            "librust-typenum-dev",
            "librust-lmdb-dev",
            "librust-lmdb-sys-dev",
            "liblmdb-dev");

    /**
     * What each of those packages installs, in the same order: a crate directory (prefix) in {@link #REGISTRY}, or
     * an absolute path (liblmdb-dev's header, which lmdb-sys links against through pkg-config).
     */
    static final List<String> CRATES = List.of(
            "bumpalo-3",
            "crossbeam-queue-0",
            "crossbeam-channel-0",
            "memmap2-0",
            "uom-0",
            "typenum-1",
            "lmdb-0",
            "lmdb-sys-0",
            "/usr/include/lmdb.h");

    static final Path REGISTRY = Path.of("/usr/share/cargo/registry");

    /** The exact line that installs the crate packages. */
    public static final String APT_LINE = "apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "
            + String.join(" ", CRATE_PACKAGES);

    private static final ObjectMapper JSON = new ObjectMapper();

    private final Path binary;
    private final String notRun;

    private RustSide(Path binary, String notRun) {
        this.binary = binary;
        this.notRun = notRun;
    }

    /** A side that does not run, with the reason the rows will carry. */
    public static RustSide notRun(String why) {
        return new RustSide(null, why);
    }

    /** The side when {@code --no-rust} is given; says so in one line. */
    public static RustSide skipped(PrintStream out) {
        return report(out, notRun("skipped (--no-rust)"));
    }

    /** Whether the Rust benchmarks can run; if not, {@link #whyNotRun()} says why. */
    public boolean available() {
        return binary != null;
    }

    /** The one-line reason the Rust side does not run, or {@code null}. */
    public String whyNotRun() {
        return notRun;
    }

    /** The built benchmark binary, or {@code null} if the side does not run. */
    public Path binary() {
        return binary;
    }

    /** The workspace: {@code -Dferrum.rust.dir}, else {@code benchmarks/rust} or {@code rust} from the working directory. */
    public static Optional<Path> workspace() {
        String configured = System.getProperty("ferrum.rust.dir");
        List<Path> candidates = configured != null
                ? List.of(Path.of(configured))
                : List.of(Path.of("benchmarks", "rust"), Path.of("rust"));
        return candidates.stream()
                .filter(p -> Files.isRegularFile(p.resolve("Cargo.toml")))
                .map(p -> p.toAbsolutePath().normalize())
                .findFirst();
    }

    /** cargo on the PATH, or in {@code ~/.cargo/bin} (rustup's place, often not on a service's PATH). */
    public static Optional<Path> cargo() {
        List<Path> dirs = new ArrayList<>();
        for (String dir : System.getenv().getOrDefault("PATH", "").split(File.pathSeparator)) {
            if (!dir.isEmpty()) {
                dirs.add(Path.of(dir));
            }
        }
        dirs.add(Path.of(System.getProperty("user.home"), ".cargo", "bin"));
        return dirs.stream()
                .map(d -> d.resolve("cargo"))
                .filter(Files::isExecutable)
                .findFirst();
    }

    /** Crate packages whose sources are not in the Debian registry directory. */
    static List<String> missingCrates() {
        List<String> missing = new ArrayList<>();
        for (int i = 0; i < CRATES.size(); i++) {
            String prefix = CRATES.get(i);
            boolean present = false;
            if (prefix.startsWith("/")) {
                present = Files.exists(Path.of(prefix));
            } else if (Files.isDirectory(REGISTRY)) {
                try (Stream<Path> dirs = Files.list(REGISTRY)) {
                    present = dirs.anyMatch(d -> d.getFileName().toString().startsWith(prefix));
                } catch (IOException e) {
                    present = false;
                }
            }
            if (!present) {
                missing.add(CRATE_PACKAGES.get(i));
            }
        }
        return missing;
    }

    /**
     * Finds cargo and the crates, installs missing crate packages when running as root, and builds the workspace
     * ({@code cargo build --release --offline}). Prints one line saying what happened.
     */
    public static RustSide prepare(PrintStream out) {
        Optional<Path> workspace = workspace();
        if (workspace.isEmpty()) {
            return report(
                    out,
                    notRun("Rust workspace benchmarks/rust not found from "
                            + Path.of("").toAbsolutePath()));
        }
        Optional<Path> cargo = cargo();
        if (cargo.isEmpty()) {
            return report(out, notRun("cargo not found (install Rust, e.g. rustup or apt-get install cargo)"));
        }
        List<String> missing = missingCrates();
        if (!missing.isEmpty()) {
            if ("root".equals(System.getProperty("user.name"))) {
                out.println("rust: installing the Debian crate packages: " + String.join(" ", missing));
                try {
                    Result apt = exec(
                            Path.of("/"),
                            600,
                            "sh",
                            "-c",
                            "apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "
                                    + String.join(" ", missing));
                    if (apt.exit != 0) {
                        return report(
                                out, notRun("installing " + String.join(" ", missing) + " failed: " + apt.tail()));
                    }
                } catch (IOException e) {
                    return report(out, notRun("installing the crate packages failed: " + e.getMessage()));
                }
                missing = missingCrates();
            }
            if (!missing.isEmpty()) {
                return report(
                        out,
                        notRun("Debian crate packages missing: " + String.join(" ", missing) + "; run: " + APT_LINE));
            }
        }
        try {
            Result build =
                    exec(workspace.get(), 600, cargo.get().toString(), "build", "--release", "--offline", "--quiet");
            if (build.exit != 0) {
                return report(out, notRun("cargo build --release --offline failed: " + build.tail()));
            }
        } catch (IOException e) {
            return report(out, notRun("cargo build failed: " + e.getMessage()));
        }
        Path binary = workspace.get().resolve("target/release/ferrum-rust-bench");
        if (!Files.isExecutable(binary)) {
            return report(out, notRun("cargo build produced no " + binary));
        }
        out.println("rust: built " + binary + " (cargo build --release --offline)");
        return new RustSide(binary, null);
    }

    private static RustSide report(PrintStream out, RustSide side) {
        out.println("rust: not run: " + side.notRun);
        return side;
    }

    /**
     * Runs the benchmark binary with these arguments and returns its JSON lines by id.
     *
     * @throws IOException if the side is not available, the process fails or prints no JSON
     */
    public Map<String, JsonNode> run(long timeoutSeconds, String... args) throws IOException {
        if (binary == null) {
            throw new IOException("Rust not run: " + notRun);
        }
        List<String> command = new ArrayList<>();
        command.add(binary.toString());
        command.addAll(List.of(args));
        Result result = exec(binary.getParent(), timeoutSeconds, command.toArray(String[]::new));
        if (result.exit != 0) {
            throw new IOException(String.join(" ", command) + " exited " + result.exit + ": " + result.tail());
        }
        Map<String, JsonNode> byId = new LinkedHashMap<>();
        for (String line : result.output.split("\n")) {
            if (line.startsWith("{")) {
                JsonNode node = JSON.readTree(line);
                byId.put(node.path("id").asText(), node);
            }
        }
        if (byId.isEmpty()) {
            throw new IOException(String.join(" ", command) + " printed no results: " + result.tail());
        }
        return byId;
    }

    record Result(int exit, String output) {
        /** The last line of the output, for a one-line error message. */
        String tail() {
            String[] lines = output.strip().split("\n");
            return lines.length == 0 ? "" : lines[lines.length - 1];
        }
    }

    static Result exec(Path dir, long timeoutSeconds, String... command) throws IOException {
        Path log = Files.createTempFile("ferrum-rust-", ".log");
        try {
            Process p = new ProcessBuilder(command)
                    .directory(dir.toFile())
                    .redirectErrorStream(true)
                    .redirectOutput(log.toFile())
                    .start();
            try {
                if (!p.waitFor(timeoutSeconds, TimeUnit.SECONDS)) {
                    p.destroyForcibly();
                    throw new IOException(String.join(" ", command) + " timed out after " + timeoutSeconds + " s");
                }
            } catch (InterruptedException e) {
                p.destroyForcibly();
                Thread.currentThread().interrupt();
                throw new IOException("interrupted", e);
            }
            return new Result(p.exitValue(), Files.readString(log, StandardCharsets.UTF_8));
        } finally {
            Files.deleteIfExists(log);
        }
    }
}
