/**
 * Internals of the lock-free queue module (not exported): the ring buffer's byte layout and its raw
 * segment accesses ({@link dev.ferrum.queue.internal.RingLayout}).
 *
 * <h2>Memory-ordering accessor names (the one convention of the module, and of Ferrum)</h2>
 * Every access to memory shared between threads or processes goes through a small method whose
 * two-letter prefix names its ordering, so that the memory model is visible at the call site. The same
 * prefixes are used in {@code SpscQueue}, {@code MpmcQueue}, the ring buffers and here:
 * <table class="striped">
 *   <caption>Accessor prefixes</caption>
 *   <thead><tr><th>prefix</th><th>meaning</th><th>{@link java.lang.invoke.VarHandle} mode</th>
 *       <th>Rust {@code Ordering}</th></tr></thead>
 *   <tbody>
 *   <tr><td>{@code lv} / {@code sv}</td><td>volatile load / store: sequentially consistent</td>
 *       <td>{@code getVolatile} / {@code setVolatile}</td><td>{@code SeqCst}</td></tr>
 *   <tr><td>{@code la} / {@code sr}</td><td>load-acquire / store-release: later accesses stay after the
 *       load, earlier ones before the store; a release paired with the acquire that reads its value is a
 *       happens-before edge</td>
 *       <td>{@code getAcquire} / {@code setRelease}</td><td>{@code Acquire} / {@code Release}</td></tr>
 *   <tr><td>{@code lo} / {@code so}</td><td>opaque load / store: atomic and coherent, orders nothing else
 *       (a cached copy, a hint that a CAS or a sequence re-checks)</td>
 *       <td>{@code getOpaque} / {@code setOpaque}</td><td>{@code Relaxed}</td></tr>
 *   <tr><td>{@code lp} / {@code sp}</td><td>plain load / store: only by a field's single writer, or
 *       covered by an acquire before it (load) or a release after it (store)</td>
 *       <td>plain access</td><td>(non-atomic)</td></tr>
 *   <tr><td>{@code cas}</td><td>compare-and-set, full ordering</td>
 *       <td>{@code compareAndSet}</td><td>{@code compare_exchange(AcqRel/SeqCst)}</td></tr>
 *   </tbody>
 * </table>
 * Every {@code sr} has its {@code la} partner named in a comment at both ends, with the happens-before
 * edge it creates. (JCTools uses {@code lv}/{@code so} for acquire/release; Ferrum does not, because
 * {@code lv} then means two different things depending on the library.)
 */
package dev.ferrum.queue.internal;
