/**
 * Ferrum KV Store: a crash-safe mmap-backed log-structured key-value store.
 */
module dev.ferrum.kv {
    exports dev.ferrum.kv;
}
