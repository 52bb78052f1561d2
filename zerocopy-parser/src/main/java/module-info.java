/**
 * Ferrum Zero-copy Parser: a zero-allocation pcap/pcapng and Ethernet/IP/TCP/UDP parser over mapped memory.
 *
 * <p>picocli and progressbar are needed only by the {@code ferrum-pcap} command line
 * ({@code dev.ferrum.parser.internal.cli}); library users do not need them at run time.
 */
module dev.ferrum.parser {
    requires static info.picocli;
    requires static me.tongfei.progressbar;
    requires static java.management;

    exports dev.ferrum.parser;

    opens dev.ferrum.parser.internal.cli to
            info.picocli;
}
