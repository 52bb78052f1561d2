/**
 * Ferrum KV Store server: the {@code ferrum-kv} command line and a RESP2 (Redis protocol) server over a
 * {@link dev.ferrum.kv.KvStore}.
 */
module dev.ferrum.kv.server {
    requires transitive dev.ferrum.kv;
    requires info.picocli;
    requires static jdk.management;

    exports dev.ferrum.kv.server;

    // The ferrum-kv command line: picocli reflects on its command classes.
    opens dev.ferrum.kv.server.internal.cli to
            info.picocli;
}
