/**
 * Ferrum Zero-copy Parser: a zero-allocation pcap/pcapng and Ethernet/IP/TCP/UDP parser over mapped memory.
 */
package dev.ferrum.parser;
