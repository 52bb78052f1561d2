/**
 * Ferrum KV Store: a crash-safe mmap-backed log-structured key-value store.
 */
module dev.ferrum.kv {
    requires dev.ferrum.arena;
    requires info.picocli;

    exports dev.ferrum.kv;

    // The ferrum-kv command line: picocli reflects on its command classes.
    opens dev.ferrum.kv.internal.cli to
            info.picocli;
}
