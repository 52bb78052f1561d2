/**
 * Ferrum Arena: an off-heap bump allocator over {@link java.lang.foreign.MemorySegment} chunks, the Java
 * counterpart of Rust's bumpalo.
 *
 * <ul>
 *   <li>{@link dev.ferrum.arena.BumpArena}: the allocator ({@code ofConfined()}, {@code ofShared()},
 *       {@code builder()}); a {@link java.lang.foreign.SegmentAllocator} with a zero-garbage handle path.</li>
 *   <li>{@link dev.ferrum.arena.ReprC}: C ({@code #[repr(C)]}) struct layouts with computed padding.</li>
 *   <li>{@link dev.ferrum.arena.ArenaLinkedList}: the seed's demo, a linked list with contiguous nodes.</li>
 *   <li>{@link dev.ferrum.arena.ArenaExhaustedException}: the hard limit was hit.</li>
 * </ul>
 *
 * <h2>Access-mode vocabulary (internal code)</h2>
 * {@code lp}/{@code sp}: plain load/store (single owner, or a quiescent shared arena);
 * {@code lv}: load volatile (acquire); {@code cas}: compare-and-set with volatile semantics.
 * The shared variant's only release/acquire pair is the volatile write of its current chunk (after the
 * chunk's top and view are set) and the volatile read at the start of every allocation; a CAS on the
 * chunk's bump pointer hands the claimed bytes to exactly one thread.
 */
package dev.ferrum.arena;
