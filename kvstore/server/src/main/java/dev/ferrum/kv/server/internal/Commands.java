/*
 * Copyright 2026 the Ferrum authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.ferrum.kv.server.internal;

import dev.ferrum.kv.KvStore;
import dev.ferrum.kv.KvStoreException;
import dev.ferrum.kv.WriteBatch;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.PriorityQueue;

/**
 * Executes requests for one event loop, writing replies into its {@link Reply}. Replies and error texts
 * follow Redis 7 byte for byte where the command exists in both (the tests compare with a real
 * redis-server).
 *
 * <p>Consecutive plain {@code SET key value} requests of one read are collected and written as one
 * {@link WriteBatch} under the write lock; their {@code +OK} replies are emitted when the batch is
 * written, before the reply of any later request, so replies stay in request order.
 */
final class Commands {

    /** A reply-level error (the message is the whole error line, code included). */
    static final class CommandError extends Exception {
        private static final long serialVersionUID = 1L;

        CommandError(String message) {
            super(message, null, false, false);
        }
    }

    private static final String NOT_INTEGER = "ERR value is not an integer or out of range";
    private static final String SYNTAX = "ERR syntax error";

    private final ServerState st;
    private final KvStore store;
    private final Reply out;
    private final WriteBatch batch = new WriteBatch();
    private int pendingSets;
    private final int maxKey;
    private final int maxValue;
    private Connection c;

    Commands(ServerState st, Reply out) {
        this.st = st;
        this.store = st.store;
        this.out = out;
        this.maxKey = store.options().maxKeyBytes();
        this.maxValue = store.options().maxValueBytes();
    }

    // ------------------------------------------------------------------ argument access

    private byte[] arg(int i) {
        int off = c.argOff[i];
        return Arrays.copyOfRange(c.argBuf[i], off, off + c.argLen[i]);
    }

    /** The store key for argument {@code i} (see {@link Keys}), copied once. */
    private byte[] key(int i) {
        byte[] b = c.argBuf[i];
        int off = c.argOff[i];
        int n = c.argLen[i];
        if (n > 0 && b[off] != 0) {
            return Arrays.copyOfRange(b, off, off + n);
        }
        byte[] k = new byte[n + 1];
        System.arraycopy(b, off, k, 1, n);
        return k;
    }

    private String str(int i) {
        return new String(c.argBuf[i], c.argOff[i], c.argLen[i], StandardCharsets.UTF_8);
    }

    /** Whether argument {@code i} equals {@code upper} ignoring ASCII case. */
    private boolean is(int i, String upper) {
        int n = c.argLen[i];
        if (n != upper.length()) {
            return false;
        }
        byte[] b = c.argBuf[i];
        int off = c.argOff[i];
        for (int j = 0; j < n; j++) {
            int ch = b[off + j];
            if (ch >= 'a' && ch <= 'z') {
                ch -= 32;
            }
            if (ch != upper.charAt(j)) {
                return false;
            }
        }
        return true;
    }

    private long integer(int i, String error) throws CommandError {
        try {
            return Strict.parseLong(c.argBuf[i], c.argOff[i], c.argLen[i]);
        } catch (Strict.NotANumber e) {
            throw new CommandError(error);
        }
    }

    // ------------------------------------------------------------------ dispatch

    void execute(Connection conn) {
        this.c = conn;
        int n = c.argc;
        if (n == 3 && is(0, "SET")) {
            // the hot path: collect into the batch, answered when the batch is written
            int klen = c.argLen[1];
            int stored = klen > 0 && c.argBuf[1][c.argOff[1]] != 0 ? klen : klen + 1;
            if (stored <= maxKey && c.argLen[2] <= maxValue) {
                batch.put(key(1), arg(2));
                pendingSets++;
                return;
            }
        }
        flushSets();
        try {
            if (n == 2 && is(0, "GET")) {
                out.bulk(store.get(key(1)));
                return;
            }
            String name = str(0).toLowerCase(Locale.ROOT);
            CommandTable.Spec spec = CommandTable.ALL.get(name);
            if (spec == null) {
                out.error(unknownCommand());
                return;
            }
            if ((spec.arity() > 0 && n != spec.arity()) || (spec.arity() < 0 && n < -spec.arity())) {
                throw arity(name);
            }
            run(name, n);
        } catch (CommandError e) {
            out.error(e.getMessage());
        } catch (IllegalArgumentException | KvStoreException e) {
            out.error("ERR " + e.getMessage());
        }
    }

    /** Writes the collected SETs as one batch and emits their replies. */
    void flushSets() {
        if (pendingSets == 0) {
            return;
        }
        String error = null;
        st.writeLock.lock();
        try {
            store.write(batch);
        } catch (IllegalArgumentException | KvStoreException e) {
            error = "ERR " + e.getMessage();
        } finally {
            st.writeLock.unlock();
        }
        for (int i = 0; i < pendingSets; i++) {
            if (error == null) {
                out.ok();
            } else {
                out.error(error);
            }
        }
        batch.clear();
        pendingSets = 0;
    }

    private String unknownCommand() {
        StringBuilder args = new StringBuilder();
        for (int i = 1; i < c.argc && args.length() < 128; i++) {
            String a = str(i);
            int room = 128 - args.length();
            args.append('\'').append(a, 0, Math.min(a.length(), room)).append("' ");
        }
        String cmd = str(0);
        return "ERR unknown command '" + cmd.substring(0, Math.min(cmd.length(), 128)) + "', with args beginning with: "
                + args;
    }

    private static CommandError arity(String name) {
        return new CommandError("ERR wrong number of arguments for '" + name + "' command");
    }

    private void run(String name, int n) throws CommandError {
        switch (name) {
            case "get" -> out.bulk(store.get(key(1)));
            case "set" -> set(n);
            case "setnx" -> {
                byte[] k = key(1);
                byte[] v = arg(2);
                st.writeLock.lock();
                try {
                    if (store.contains(k)) {
                        out.integer(0);
                    } else {
                        store.put(k, v);
                        out.integer(1);
                    }
                } finally {
                    st.writeLock.unlock();
                }
            }
            case "getset" -> {
                byte[] k = key(1);
                byte[] v = arg(2);
                st.writeLock.lock();
                try {
                    byte[] old = store.get(k);
                    store.put(k, v);
                    out.bulk(old);
                } finally {
                    st.writeLock.unlock();
                }
            }
            case "mget" -> {
                out.arrayHeader(n - 1);
                for (int i = 1; i < n; i++) {
                    out.bulk(store.get(key(i)));
                }
            }
            case "mset" -> {
                if ((n - 1) % 2 != 0) {
                    throw arity(name);
                }
                WriteBatch b = new WriteBatch();
                for (int i = 1; i < n; i += 2) {
                    b.put(key(i), arg(i + 1));
                }
                st.writeLock.lock();
                try {
                    store.write(b);
                } finally {
                    st.writeLock.unlock();
                }
                out.ok();
            }
            case "strlen" -> {
                byte[] v = store.get(key(1));
                out.integer(v == null ? 0 : v.length);
            }
            case "append" -> {
                byte[] k = key(1);
                byte[] tail = arg(2);
                st.writeLock.lock();
                try {
                    byte[] old = store.get(k);
                    byte[] v = old == null ? tail : concat(old, tail);
                    store.put(k, v);
                    out.integer(v.length);
                } finally {
                    st.writeLock.unlock();
                }
            }
            case "incr" -> incrBy(1);
            case "decr" -> incrBy(-1);
            case "incrby" -> incrBy(integer(2, NOT_INTEGER));
            case "decrby" -> {
                long d = integer(2, NOT_INTEGER);
                if (d == Long.MIN_VALUE) {
                    throw new CommandError("ERR decrement would overflow");
                }
                incrBy(-d);
            }
            case "del", "unlink" -> {
                long count = 0;
                st.writeLock.lock();
                try {
                    for (int i = 1; i < n; i++) {
                        count += store.delete(key(i)) ? 1 : 0;
                    }
                } finally {
                    st.writeLock.unlock();
                }
                out.integer(count);
            }
            case "exists" -> {
                long count = 0;
                for (int i = 1; i < n; i++) {
                    count += store.contains(key(i)) ? 1 : 0;
                }
                out.integer(count);
            }
            case "type" -> out.simple(store.contains(key(1)) ? "string" : "none");
            case "ttl", "pttl" -> out.integer(store.contains(key(1)) ? -1 : -2);
            case "keys" -> keys();
            case "scan" -> scan(n);
            case "dbsize" -> out.integer(store.size());
            case "flushdb", "flushall" -> {
                if (n > 2 || (n == 2 && !is(1, "ASYNC") && !is(1, "SYNC"))) {
                    throw new CommandError(SYNTAX);
                }
                flush();
                out.ok();
            }
            case "select" -> {
                long db = integer(1, NOT_INTEGER);
                if (db != 0) {
                    throw new CommandError("ERR DB index is out of range");
                }
                out.ok();
            }
            case "ping" -> {
                if (n > 2) {
                    throw arity(name);
                }
                if (n == 1) {
                    out.simple("PONG");
                } else {
                    out.bulk(c.argBuf[1], c.argOff[1], c.argLen[1]);
                }
            }
            case "echo" -> out.bulk(c.argBuf[1], c.argOff[1], c.argLen[1]);
            case "quit" -> {
                out.ok();
                c.closeAfterWrite = true;
            }
            case "hello" -> hello(n);
            case "client" -> client(n);
            case "command" -> command(n);
            case "info" -> out.bulk(Info.text(st, n > 1 ? str(1) : "default"));
            case "config" -> config(n);
            default -> out.error(unknownCommand());
        }
    }

    private static byte[] concat(byte[] a, byte[] b) {
        byte[] r = Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, r, a.length, b.length);
        return r;
    }

    // ------------------------------------------------------------------ strings

    private void set(int n) throws CommandError {
        boolean nx = false;
        boolean xx = false;
        boolean get = false;
        for (int i = 3; i < n; i++) {
            if (is(i, "NX") && !xx) {
                nx = true;
            } else if (is(i, "XX") && !nx) {
                xx = true;
            } else if (is(i, "GET")) {
                get = true;
            } else if (is(i, "KEEPTTL")) {
                // no expiry exists here, so there is no TTL to keep or lose
            } else if ((is(i, "EX") || is(i, "PX") || is(i, "EXAT") || is(i, "PXAT")) && i + 1 < n) {
                throw new CommandError("ERR ferrum-kv does not support key expiry (EX, PX, EXAT, PXAT)");
            } else {
                throw new CommandError(SYNTAX);
            }
        }
        byte[] k = key(1);
        byte[] v = arg(2);
        st.writeLock.lock();
        try {
            if (!nx && !xx && !get) {
                store.put(k, v);
                out.ok();
                return;
            }
            byte[] old = get || nx || xx ? store.get(k) : null;
            boolean exists = old != null;
            boolean write = (!nx || !exists) && (!xx || exists);
            if (write) {
                store.put(k, v);
            }
            if (get) {
                out.bulk(old);
            } else if (write) {
                out.ok();
            } else {
                out.nullBulk();
            }
        } finally {
            st.writeLock.unlock();
        }
    }

    private void incrBy(long delta) throws CommandError {
        byte[] k = key(1);
        st.writeLock.lock();
        try {
            byte[] old = store.get(k);
            long v = 0;
            if (old != null) {
                try {
                    v = Strict.parseLong(old, 0, old.length);
                } catch (Strict.NotANumber e) {
                    throw new CommandError(NOT_INTEGER);
                }
            }
            if ((delta < 0 && v < 0 && delta < Long.MIN_VALUE - v)
                    || (delta > 0 && v > 0 && delta > Long.MAX_VALUE - v)) {
                throw new CommandError("ERR increment or decrement would overflow");
            }
            long r = v + delta;
            store.put(k, Long.toString(r).getBytes(StandardCharsets.US_ASCII));
            out.integer(r);
        } finally {
            st.writeLock.unlock();
        }
    }

    // ------------------------------------------------------------------ keyspace

    private void keys() {
        byte[] pattern = arg(1);
        boolean all = pattern.length == 1 && pattern[0] == '*';
        List<byte[]> hits = new ArrayList<>();
        store.forEachKey(stored -> {
            byte[] k = Keys.decode(stored);
            if (all || Glob.matches(pattern, k, false)) {
                hits.add(k);
            }
        });
        out.arrayHeader(hits.size());
        for (byte[] k : hits) {
            out.bulk(k);
        }
    }

    /** A key and its position in SCAN order (the key array is owned, never compared or hashed). */
    @SuppressWarnings("ArrayRecordComponent")
    private record Ranked(long hash, byte[] key) {}

    /**
     * SCAN over a store that has no cursor API: the cursor is a position in the order of a 63-bit hash of
     * the key. Each call makes one pass over the keys and keeps the next {@code count} keys after the cursor
     * in a bounded heap, so a key present for the whole scan is returned exactly once (barring a 63-bit hash
     * collision at a batch boundary), however the store changes meanwhile. A call costs one pass over the
     * store, so it returns at least 1/64th of the keys: a full scan is at most about 64 passes.
     */
    private void scan(int n) throws CommandError {
        long cursor;
        try {
            cursor = Strict.parseUnsigned(c.argBuf[1], c.argOff[1], c.argLen[1]);
        } catch (Strict.NotANumber e) {
            throw new CommandError("ERR invalid cursor");
        }
        byte[] pattern = null;
        long count = 10;
        boolean typeOk = true;
        for (int i = 2; i < n; i++) {
            if (is(i, "MATCH") && i + 1 < n) {
                pattern = arg(++i);
            } else if (is(i, "COUNT") && i + 1 < n) {
                count = integer(++i, NOT_INTEGER);
                if (count < 1) {
                    throw new CommandError(SYNTAX);
                }
            } else if (is(i, "TYPE") && i + 1 < n) {
                typeOk = str(++i).equalsIgnoreCase("string");
            } else {
                throw new CommandError(SYNTAX);
            }
        }
        int take = (int) Math.min(Math.max(count, Math.min(store.size() / 64, 16_384)), 1 << 20);
        PriorityQueue<Ranked> next = new PriorityQueue<>((a, b) -> Long.compare(b.hash, a.hash));
        long[] beyond = {0};
        store.forEachKey(stored -> {
            long h = scanHash(stored);
            if (Long.compareUnsigned(h, cursor) <= 0) {
                return;
            }
            if (next.size() < take) {
                next.add(new Ranked(h, stored));
            } else if (h < next.peek().hash) {
                next.poll();
                next.add(new Ranked(h, stored));
                beyond[0]++;
            } else {
                beyond[0]++;
            }
        });
        long nextCursor = beyond[0] == 0 || next.isEmpty() ? 0 : next.peek().hash;
        List<byte[]> keys = new ArrayList<>(next.size());
        for (Ranked r : next) {
            byte[] k = Keys.decode(r.key);
            if (typeOk && (pattern == null || Glob.matches(pattern, k, false))) {
                keys.add(k);
            }
        }
        out.arrayHeader(2);
        out.bulk(Long.toUnsignedString(nextCursor));
        out.arrayHeader(keys.size());
        for (byte[] k : keys) {
            out.bulk(k);
        }
    }

    /** A 63-bit hash >= 1 of a stored key (FNV-1a, then a murmur3 finalizer). */
    static long scanHash(byte[] k) {
        long h = 0xcbf29ce484222325L;
        for (byte b : k) {
            h = (h ^ (b & 0xFF)) * 0x100000001b3L;
        }
        h ^= h >>> 33;
        h *= 0xff51afd7ed558ccdL;
        h ^= h >>> 33;
        h *= 0xc4ceb9fe1a85ec53L;
        h ^= h >>> 33;
        h >>>= 1;
        return h == 0 ? 1 : h;
    }

    /** FLUSHDB: deletes every key (the store has no truncate), in batches, under the write lock. */
    private void flush() {
        st.writeLock.lock();
        try {
            List<byte[]> all = new ArrayList<>();
            store.forEachKey(all::add);
            WriteBatch b = new WriteBatch();
            for (byte[] k : all) {
                b.delete(k);
                if (b.size() == 1024) {
                    store.write(b);
                    b.clear();
                }
            }
            if (b.size() > 0) {
                store.write(b);
            }
        } finally {
            st.writeLock.unlock();
        }
    }

    // ------------------------------------------------------------------ connection and server

    private void hello(int n) throws CommandError {
        int next = 1;
        if (n >= 2) {
            long ver = integer(next++, "ERR Protocol version is not an integer or out of range");
            if (ver != 2) {
                // RESP3 (HELLO 3) is not spoken here: refused as Redis refuses a version it does not know
                throw new CommandError("NOPROTO unsupported protocol version");
            }
        }
        String setName = null;
        for (int j = next; j < n; j++) {
            int more = n - 1 - j;
            if (is(j, "AUTH") && more >= 2) {
                j += 2; // no users or passwords here: like Redis's default user without a password
            } else if (is(j, "SETNAME") && more >= 1) {
                setName = str(++j);
                if (!validName(setName)) {
                    throw new CommandError("ERR Client names cannot contain spaces, newlines or special characters.");
                }
            } else {
                throw new CommandError("ERR Syntax error in HELLO option '" + str(j) + "'");
            }
        }
        if (setName != null) {
            c.name = setName.isEmpty() ? null : setName;
        }
        out.arrayHeader(14);
        out.bulk("server");
        out.bulk("ferrum-kv");
        out.bulk("version");
        out.bulk("0.1.0");
        out.bulk("proto");
        out.integer(2);
        out.bulk("id");
        out.integer(c.id);
        out.bulk("mode");
        out.bulk("standalone");
        out.bulk("role");
        out.bulk("master");
        out.bulk("modules");
        out.arrayHeader(0);
    }

    private static boolean validName(String s) {
        for (int i = 0; i < s.length(); i++) {
            char ch = s.charAt(i);
            if (ch < '!' || ch > '~') {
                return false;
            }
        }
        return true;
    }

    private void client(int n) throws CommandError {
        String sub = str(1).toLowerCase(Locale.ROOT);
        switch (sub) {
            case "id" -> {
                subArity(sub, n, 2);
                out.integer(c.id);
            }
            case "getname" -> {
                subArity(sub, n, 2);
                out.bulk(c.name == null ? null : c.name.getBytes(StandardCharsets.UTF_8));
            }
            case "setname" -> {
                subArity(sub, n, 3);
                String name = str(2);
                if (!validName(name)) {
                    throw new CommandError("ERR Client names cannot contain spaces, newlines or special characters.");
                }
                c.name = name.isEmpty() ? null : name;
                out.ok();
            }
            case "list", "info" ->
                out.bulk("id=" + c.id + " addr=" + remote() + " name=" + (c.name == null ? "" : c.name)
                        + " db=0 cmd=client|" + sub + "\n");
            case "setinfo" -> {
                subArity(sub, n, 4);
                out.ok();
            }
            default -> throw new CommandError("ERR unknown subcommand '" + str(1) + "'. Try CLIENT HELP.");
        }
    }

    private String remote() {
        try {
            return String.valueOf(c.channel.getRemoteAddress()).replaceFirst("^/", "");
        } catch (java.io.IOException e) {
            return "?";
        }
    }

    private static void subArity(String sub, int n, int arity) throws CommandError {
        if (n != arity) {
            throw new CommandError("ERR wrong number of arguments for '" + "client|" + sub + "' command");
        }
    }

    private void command(int n) throws CommandError {
        if (n == 1) {
            out.arrayHeader(CommandTable.ALL.size());
            for (CommandTable.Spec s : CommandTable.ALL.values()) {
                commandInfo(s);
            }
            return;
        }
        String sub = str(1).toLowerCase(Locale.ROOT);
        switch (sub) {
            case "count" -> {
                if (n != 2) {
                    throw new CommandError("ERR wrong number of arguments for 'command|count' command");
                }
                out.integer(CommandTable.ALL.size());
            }
            case "list" -> {
                out.arrayHeader(CommandTable.ALL.size());
                for (String name : CommandTable.ALL.keySet()) {
                    out.bulk(name);
                }
            }
            case "info" -> {
                if (n == 2) {
                    out.arrayHeader(CommandTable.ALL.size());
                    CommandTable.ALL.values().forEach(this::commandInfo);
                    return;
                }
                out.arrayHeader(n - 2);
                for (int i = 2; i < n; i++) {
                    CommandTable.Spec s = CommandTable.ALL.get(str(i).toLowerCase(Locale.ROOT));
                    if (s == null) {
                        out.nullBulk(); // as Redis: addReplyNull is $-1 in RESP2
                    } else {
                        commandInfo(s);
                    }
                }
            }
            case "docs" -> {
                List<CommandTable.Spec> specs = new ArrayList<>();
                if (n == 2) {
                    specs.addAll(CommandTable.ALL.values());
                } else {
                    for (int i = 2; i < n; i++) {
                        CommandTable.Spec s = CommandTable.ALL.get(str(i).toLowerCase(Locale.ROOT));
                        if (s != null) {
                            specs.add(s);
                        }
                    }
                }
                out.arrayHeader(2L * specs.size());
                for (CommandTable.Spec s : specs) {
                    out.bulk(s.name());
                    out.arrayHeader(6);
                    out.bulk("summary");
                    out.bulk(s.summary());
                    out.bulk("since");
                    out.bulk("1.0.0");
                    out.bulk("group");
                    out.bulk(s.group());
                }
            }
            default -> throw new CommandError("ERR unknown subcommand '" + str(1) + "'. Try COMMAND HELP.");
        }
    }

    /** One COMMAND INFO entry in Redis 7's ten-field shape. */
    private void commandInfo(CommandTable.Spec s) {
        out.arrayHeader(10);
        out.bulk(s.name());
        out.integer(s.arity());
        List<String> flags = s.flags().stream().filter(f -> !f.isEmpty()).toList();
        out.arrayHeader(flags.size());
        for (String f : flags) {
            out.simple(f);
        }
        out.integer(s.firstKey());
        out.integer(s.lastKey());
        out.integer(s.step());
        out.arrayHeader(0); // ACL categories
        out.arrayHeader(0); // tips
        out.arrayHeader(0); // key specs
        out.arrayHeader(0); // subcommands
    }

    private void config(int n) throws CommandError {
        if (is(1, "GET")) {
            if (n < 3) {
                throw new CommandError("ERR wrong number of arguments for 'config|get' command");
            }
            String[][] params = {
                {"save", ""},
                {"appendonly", "no"},
                {"databases", "1"},
                {"maxclients", Integer.toString(st.maxClients)},
                {"timeout", Long.toString(st.idleTimeoutSeconds)},
                {"proto-max-bulk-len", Long.toString(st.maxBulk)},
                {"client-query-buffer-limit", Long.toString(st.maxRequest)},
                {"maxmemory-clients", Long.toString(st.maxClientBytes)},
                {"io-threads", Integer.toString(st.ioThreads)},
            };
            List<String[]> hits = new ArrayList<>();
            for (String[] p : params) {
                for (int i = 2; i < n; i++) {
                    if (Glob.matches(arg(i), p[0].getBytes(StandardCharsets.US_ASCII), true)) {
                        hits.add(p);
                        break;
                    }
                }
            }
            out.arrayHeader(2L * hits.size());
            for (String[] p : hits) {
                out.bulk(p[0]);
                out.bulk(p[1]);
            }
        } else if (is(1, "RESETSTAT")) {
            out.ok();
        } else if (is(1, "SET") || is(1, "REWRITE")) {
            throw new CommandError("ERR CONFIG " + str(1).toUpperCase(Locale.ROOT)
                    + " is not supported by ferrum-kv (settings are command-line options of ferrum-kv serve)");
        } else {
            throw new CommandError("ERR unknown subcommand '" + str(1) + "'. Try CONFIG HELP.");
        }
    }
}
