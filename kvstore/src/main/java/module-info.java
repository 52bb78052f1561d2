/**
 * Ferrum KV Store: a crash-safe mmap-backed log-structured key-value store.
 *
 * <p>The library has no dependency besides the arena module; the {@code ferrum-kv} command line and the
 * RESP server live in the separate {@code dev.ferrum.kv.server} module (artifact {@code ferrum-kvstore-server}).
 */
module dev.ferrum.kv {
    requires dev.ferrum.arena;

    exports dev.ferrum.kv;
}
