/**
 * Ferrum Arena: an off-heap bump allocator over {@link java.lang.foreign.MemorySegment} chunks, the Java
 * counterpart of Rust's bumpalo.
 *
 * <ul>
 *   <li>{@link dev.ferrum.arena.BumpArena}: the allocator ({@code ofConfined()}, {@code ofShared()},
 *       {@code builder()}); a {@link java.lang.foreign.SegmentAllocator} with a zero-garbage handle path.</li>
 *   <li>{@link dev.ferrum.arena.ReprC}: C ({@code #[repr(C)]}) struct layouts with computed padding.</li>
 *   <li>{@link dev.ferrum.arena.ArenaExhaustedException}: the hard limit was hit.</li>
 * </ul>
 *
 * <p>Memory-ordering vocabulary of the internal code: see {@code dev.ferrum.arena.internal}.
 */
package dev.ferrum.arena;
