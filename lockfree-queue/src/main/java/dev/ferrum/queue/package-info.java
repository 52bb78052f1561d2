/**
 * Ferrum Lock-free Queue: bounded SPSC/MPMC lock-free queues, a blocking wrapper with wait strategies,
 * and an off-heap ring buffer of variable-length binary messages that also works between processes.
 *
 * <h2>Which type for which job</h2>
 * <ul>
 *   <li>{@link dev.ferrum.queue.SpscQueue}: exactly one producer thread and one consumer thread
 *       (pipeline stages). Fastest: no CAS, one release store per operation.</li>
 *   <li>{@link dev.ferrum.queue.MpmcQueue}: any number of producers and consumers (work queues).
 *       One CAS per operation on a shared index.</li>
 *   <li>{@link dev.ferrum.queue.WaitingQueue}: wraps either queue with {@code put}/{@code take}
 *       that wait by a {@link dev.ferrum.queue.WaitStrategy} instead of returning {@code false}/{@code null}.</li>
 *   <li>{@link dev.ferrum.queue.RingBuffer}: binary messages in a {@link java.lang.foreign.MemorySegment},
 *       no object per message; {@link dev.ferrum.queue.SpscRingBuffer} for one producer,
 *       {@link dev.ferrum.queue.MpscRingBuffer} for many.</li>
 *   <li>{@link dev.ferrum.queue.MappedRingBuffer}: a ring buffer in a memory-mapped file with a validated
 *       header, so that separate processes exchange messages through shared memory.</li>
 * </ul>
 *
 * <h2>Memory ordering</h2>
 * Each class documents its happens-before edges. Accesses to shared fields go through small methods whose
 * prefix names the ordering: {@code lv}/{@code sv} volatile, {@code la}/{@code sr} acquire/release,
 * {@code lo}/{@code so} opaque, {@code lp}/{@code sp} plain, {@code cas} compare-and-set (the table, with
 * the VarHandle modes and Rust orderings, is in the documentation of the module's internal package).
 */
package dev.ferrum.queue;
