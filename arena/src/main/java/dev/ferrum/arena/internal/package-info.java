/**
 * Internals of Ferrum Arena: {@link dev.ferrum.arena.internal.Chunk}, the one class that does raw work
 * (a scope-only {@code reinterpret} of a chunk per generation and of a handle's segment, a {@code VarHandle} on
 * the bump pointer).
 *
 * <h2>Memory-ordering vocabulary</h2>
 * Accessors are named by the ordering they really have, one convention across Ferrum's modules:
 * <ul>
 *   <li>{@code lv} / {@code sv}: volatile load / store ({@code getVolatile} / {@code setVolatile});</li>
 *   <li>{@code la} / {@code sr}: load-acquire / store-release ({@code getAcquire} / {@code setRelease});</li>
 *   <li>{@code lp} / {@code sp}: plain load / store (no ordering; single owner thread, or under a lock);</li>
 *   <li>{@code lo} / {@code so}: opaque load / store ({@code getOpaque} / {@code setOpaque});</li>
 *   <li>{@code cas}: {@code compareAndSet} (volatile semantics).</li>
 * </ul>
 * In this module: the confined arena uses {@code lp}/{@code sp} only (one thread). The shared arena's
 * allocators read a chunk's tagged bump pointer with {@code lv} and claim bytes with {@code cas}; its owner
 * operations (reset, mark, rewind, new chunk), serialized by the arena's monitor, retag words with
 * {@code sv} and then publish the new current chunk through a {@code volatile} field, which the next
 * allocation reads first.
 */
package dev.ferrum.arena.internal;
