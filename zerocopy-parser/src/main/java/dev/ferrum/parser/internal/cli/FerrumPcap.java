/*
 * Copyright 2026 the Ferrum authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.ferrum.parser.internal.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * {@code ferrum-pcap}: the command line over the zero-copy reader ({@code stats}, {@code dump}).
 * Run it with {@code zerocopy-parser/bin/ferrum-pcap} after {@code ./mvnw -pl zerocopy-parser -am package}.
 */
@Command(
        name = "ferrum-pcap",
        mixinStandardHelpOptions = true,
        version = "ferrum-pcap 0.1.0",
        description = "Zero-copy pcap/pcapng reader: statistics and tshark-style field dumps.",
        footer = {
            "",
            "Exit status (every command): 0 clean, 1 finished with framing problems (--lax),",
            "2 unusable input (missing, a directory, not a capture) or a framing error in strict mode."
        },
        subcommands = {StatsCommand.class, DumpCommand.class, CommandLine.HelpCommand.class})
public final class FerrumPcap implements Runnable {

    @CommandLine.Spec
    private CommandLine.Model.CommandSpec spec;

    /**
     * Entry point.
     *
     * @param args command line
     */
    public static void main(String[] args) {
        System.exit(run(args));
    }

    /**
     * Runs the command line and returns its exit code instead of exiting (for tests).
     *
     * @param args command line
     * @return 0 on success, 1 when lax mode met problems, 2 on errors
     */
    public static int run(String... args) {
        return new CommandLine(new FerrumPcap())
                .setExecutionExceptionHandler((e, cmd, parsed) -> {
                    // Input.UnusableInputException messages already name the file and why ("no such file").
                    cmd.getErr().println("ferrum-pcap: " + e.getMessage());
                    return Summary.UNUSABLE;
                })
                .execute(args);
    }

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }
}
