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
 * <h2>Access-mode vocabulary</h2>
 * Every access to a field shared between threads goes through a small method whose prefix names its
 * memory ordering, so a reader sees the memory model at the call site (the JCTools convention, in
 * {@link java.lang.invoke.VarHandle} terms):
 * <table class="striped">
 *   <caption>Prefixes of shared-field accessors</caption>
 *   <thead><tr><th>prefix</th><th>meaning</th><th>VarHandle mode</th><th>Rust {@code Ordering}</th></tr></thead>
 *   <tbody>
 *   <tr><td>{@code lv}</td><td>load with acquire: later loads and stores stay after it (a few slow-path
 *       loads in {@code MpmcQueue} use volatile, which is stronger; their comments say so)</td>
 *       <td>{@code getAcquire} ({@code getVolatile})</td><td>{@code Acquire} ({@code SeqCst})</td></tr>
 *   <tr><td>{@code lo}</td><td>load opaque: atomic and coherent, orders nothing else</td>
 *       <td>{@code getOpaque}</td><td>{@code Relaxed}</td></tr>
 *   <tr><td>{@code lp}</td><td>plain load: only by the field's single writer, or covered by an earlier acquire</td>
 *       <td>plain field read</td><td>(non-atomic read)</td></tr>
 *   <tr><td>{@code so}</td><td>store ordered (release): earlier loads and stores stay before it</td>
 *       <td>{@code setRelease}</td><td>{@code Release}</td></tr>
 *   <tr><td>{@code sp}</td><td>plain store: published later by a release store</td>
 *       <td>plain field write</td><td>(non-atomic write)</td></tr>
 *   <tr><td>{@code cas}</td><td>compare-and-set; the suffix names its ordering ({@code Plain} = relaxed)</td>
 *       <td>{@code weakCompareAndSetPlain} / {@code compareAndSet}</td><td>{@code Relaxed} / {@code SeqCst}</td></tr>
 *   </tbody>
 * </table>
 * Every release store ({@code so}) is paired with an acquire load ({@code lv}) in the other thread; each
 * class's comments say where the pair is and which happens-before edge it creates.
 */
package dev.ferrum.queue;
