/**
 * Ferrum Arena: an off-heap bump allocator over MemorySegment chunks.
 */
package dev.ferrum.arena;
