/**
 * Ferrum KV Store: a crash-safe, memory-mapped, log-structured key-value store (Bitcask design).
 *
 * <p>Entry point: {@link dev.ferrum.kv.KvStore#open(dev.ferrum.kv.KvOptions)}. Values are written by
 * appending CRC32C-framed records to segment files and found through an off-heap hash index; reads are
 * lock-free. {@link dev.ferrum.kv.Durability} states what each policy promises after a crash,
 * {@link dev.ferrum.kv.RecoveryReport} what recovery found, {@link dev.ferrum.kv.ReadGuard} how long a
 * zero-copy view stays valid.
 */
package dev.ferrum.kv;
