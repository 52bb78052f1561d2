/**
 * Ferrum Zero-copy Parser: a zero-allocation pcap/pcapng and Ethernet/IP/TCP/UDP parser over mapped memory.
 *
 * <p>Start with {@link dev.ferrum.parser.CaptureReader}: it maps a capture into one
 * {@link java.lang.foreign.MemorySegment} (or takes yours) and walks its records, re-wrapping one
 * {@link dev.ferrum.parser.Packet} flyweight per record. The header views ({@link dev.ferrum.parser.Ipv4Header},
 * {@link dev.ferrum.parser.TcpHeader}, ...) follow the SBE/Agrona flyweight shape: {@code wrap(segment, offset)}
 * returns {@code this}, getters are nouns and read the bytes in place, nothing is copied.
 *
 * <h2>Lifetimes</h2>
 * Every view reads the segment it was wrapped over; it is valid while that segment's arena is open and, for
 * the reader's own {@code Packet}, until the next record. Closing the arena unmaps the file; a later read
 * throws {@link java.lang.IllegalStateException} instead of touching freed memory.
 *
 * <h2>Errors</h2>
 * Malformed input surfaces as {@link dev.ferrum.parser.MalformedCaptureException} (strict mode) or as a
 * reported problem (lax mode), always with the byte offset; see {@link dev.ferrum.parser.ParseMode}.
 *
 * <h2>Threads</h2>
 * Readers and views are single-threaded; several readers may share one read-only mapped segment.
 */
package dev.ferrum.parser;
