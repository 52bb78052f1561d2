/**
 * Ferrum KV Store: a crash-safe mmap-backed log-structured key-value store.
 */
package dev.ferrum.kv;
