/*
 * Copyright 2026 the Ferrum authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.ferrum.kv.server.internal;

import dev.ferrum.kv.KvStats;
import java.util.Locale;

/** The INFO text: Redis's section layout with the fields tools read, plus the store's own figures. */
final class Info {

    private Info() {}

    static String text(ServerState st, String section) {
        String s = section.toLowerCase(Locale.ROOT);
        boolean all = s.equals("default") || s.equals("all") || s.equals("everything");
        KvStats ks = st.store.stats();
        StringBuilder b = new StringBuilder();
        if (all || s.equals("server")) {
            b.append("# Server\r\nredis_version:7.0.0\r\nferrum_kv_version:0.1.0\r\nredis_mode:standalone\r\n")
                    .append("multiplexing_api:java.nio\r\nio_threads_active:")
                    .append(st.ioThreads)
                    .append("\r\ntcp_port:")
                    .append(st.port)
                    .append("\r\nuptime_in_seconds:")
                    .append((System.currentTimeMillis() - st.startedMillis) / 1000)
                    .append("\r\n\r\n");
        }
        if (all || s.equals("clients")) {
            b.append("# Clients\r\nconnected_clients:")
                    .append(st.connected.get())
                    .append("\r\nmaxclients:")
                    .append(st.maxClients)
                    .append("\r\nclient_buffers_bytes:")
                    .append(st.clientBytes.get())
                    .append("\r\nmaxmemory_clients:")
                    .append(st.maxClientBytes)
                    .append("\r\nblocked_clients:0\r\n\r\n");
        }
        if (all || s.equals("stats")) {
            b.append("# Stats\r\ntotal_connections_received:")
                    .append(st.accepted.get())
                    .append("\r\ntotal_commands_processed:")
                    .append(st.commands.sum())
                    .append("\r\nrejected_connections:")
                    .append(st.rejected.get())
                    .append("\r\naccept_errors:")
                    .append(st.acceptErrors.get())
                    .append("\r\nevicted_clients:")
                    .append(st.clientsEvicted.get())
                    .append("\r\n\r\n");
        }
        if (all || s.equals("persistence")) {
            b.append("# Persistence\r\nloading:0\r\ndurability:")
                    .append(ks.durability())
                    .append("\r\nlive_bytes:")
                    .append(ks.liveBytes())
                    .append("\r\ndead_bytes:")
                    .append(ks.deadBytes())
                    .append("\r\nsegments:")
                    .append(ks.segments())
                    .append("\r\nindex_bytes:")
                    .append(ks.indexBytes())
                    .append("\r\n\r\n");
        }
        if (all || s.equals("keyspace")) {
            b.append("# Keyspace\r\n");
            if (ks.keys() > 0) {
                b.append("db0:keys=").append(ks.keys()).append(",expires=0,avg_ttl=0\r\n");
            }
        }
        return b.toString();
    }
}
