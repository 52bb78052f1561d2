/**
 * Ferrum Zero-copy Parser: a zero-allocation pcap/pcapng and Ethernet/IP/TCP/UDP parser over mapped memory.
 */
module dev.ferrum.parser {
    exports dev.ferrum.parser;
}
