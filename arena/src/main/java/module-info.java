/**
 * Ferrum Arena: an off-heap bump allocator over MemorySegment chunks.
 */
module dev.ferrum.arena {
    exports dev.ferrum.arena;
}
