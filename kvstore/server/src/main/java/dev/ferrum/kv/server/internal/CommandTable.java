/*
 * Copyright 2026 the Ferrum authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.ferrum.kv.server.internal;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The commands the server knows, with Redis's arity convention (positive = exact argument count including
 * the name, negative = at least that many) and the metadata {@code COMMAND} reports.
 */
final class CommandTable {

    record Spec(
            String name,
            int arity,
            List<String> flags,
            int firstKey,
            int lastKey,
            int step,
            String group,
            String summary) {}

    static final Map<String, Spec> ALL = new LinkedHashMap<>();

    private static void add(
            String name, int arity, String flags, int first, int last, int step, String group, String summary) {
        ALL.put(name, new Spec(name, arity, List.of(flags.split(" ")), first, last, step, group, summary));
    }

    static {
        add("get", 2, "readonly fast", 1, 1, 1, "string", "Returns the string value of a key.");
        add(
                "set",
                -3,
                "write denyoom",
                1,
                1,
                1,
                "string",
                "Sets the string value of a key (NX, XX, GET; no expiry options).");
        add("setnx", 3, "write denyoom fast", 1, 1, 1, "string", "Sets the value of a key only if it does not exist.");
        add("getset", 3, "write denyoom fast", 1, 1, 1, "string", "Sets a key's value and returns its old value.");
        add("mget", -2, "readonly fast", 1, -1, 1, "string", "Returns the values of all given keys.");
        add("mset", -3, "write denyoom", 1, -1, 2, "string", "Sets several keys at once (one atomic batch).");
        add("strlen", 2, "readonly fast", 1, 1, 1, "string", "Returns the length of a value.");
        add("append", 3, "write denyoom fast", 1, 1, 1, "string", "Appends to a key's value.");
        add("incr", 2, "write denyoom fast", 1, 1, 1, "string", "Increments the integer value of a key by one.");
        add("decr", 2, "write denyoom fast", 1, 1, 1, "string", "Decrements the integer value of a key by one.");
        add("incrby", 3, "write denyoom fast", 1, 1, 1, "string", "Increments the integer value of a key.");
        add("decrby", 3, "write denyoom fast", 1, 1, 1, "string", "Decrements the integer value of a key.");
        add("del", -2, "write", 1, -1, 1, "generic", "Deletes keys.");
        add("unlink", -2, "write fast", 1, -1, 1, "generic", "Deletes keys.");
        add("exists", -2, "readonly fast", 1, -1, 1, "generic", "Counts how many of the given keys exist.");
        add("type", 2, "readonly fast", 1, 1, 1, "generic", "Returns the type of a key (string or none).");
        add("ttl", 2, "readonly fast", 1, 1, 1, "generic", "Returns -1 (no expiry) or -2 (no such key).");
        add("pttl", 2, "readonly fast", 1, 1, 1, "generic", "Returns -1 (no expiry) or -2 (no such key).");
        add("keys", 2, "readonly", 0, 0, 0, "generic", "Returns all keys matching a glob pattern.");
        add("scan", -2, "readonly", 0, 0, 0, "generic", "Iterates over the keys (cursor, MATCH, COUNT, TYPE).");
        add("dbsize", 1, "readonly fast", 0, 0, 0, "server", "Returns the number of keys.");
        add("flushdb", -1, "write", 0, 0, 0, "server", "Deletes every key.");
        add("flushall", -1, "write", 0, 0, 0, "server", "Deletes every key (there is one database).");
        add("select", 2, "loading stale fast", 0, 0, 0, "connection", "Selects database 0 (the only one).");
        add("ping", -1, "fast", 0, 0, 0, "connection", "Returns PONG or the argument.");
        add("echo", 2, "fast", 0, 0, 0, "connection", "Returns the argument.");
        add("quit", -1, "fast", 0, 0, 0, "connection", "Closes the connection.");
        add("hello", -1, "fast no_auth", 0, 0, 0, "connection", "Handshake; protocol 2 only.");
        add("client", -2, "", 0, 0, 0, "connection", "CLIENT ID, SETNAME, GETNAME, LIST, INFO.");
        add("command", -1, "loading stale", 0, 0, 0, "server", "Describes the commands (COUNT, DOCS, INFO, LIST).");
        add("info", -1, "loading stale", 0, 0, 0, "server", "Returns server information and statistics.");
        add("config", -2, "", 0, 0, 0, "server", "CONFIG GET of the server's settings.");
    }

    private CommandTable() {}
}
