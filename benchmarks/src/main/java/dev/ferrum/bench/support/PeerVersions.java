/*
 * Copyright 2026 the Ferrum authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.ferrum.bench.support;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Properties;

/**
 * The peers' versions as the build resolved them ({@code peer-versions.properties}, filled in by Maven's
 * resource filtering from the root pom), so a row's peer name never goes stale when a version is bumped.
 */
public final class PeerVersions {

    private static final Properties VERSIONS = load();

    /** "JCTools 4.0.5", and so on: a peer's display name with its version. */
    public static final String JCTOOLS = "JCTools " + of("jctools");

    public static final String AGRONA = "Agrona " + of("agrona");
    public static final String DISRUPTOR = "Disruptor " + of("disruptor");
    public static final String ROCKSDB = "RocksDB " + of("rocksdb");
    public static final String LMDBJAVA = "lmdbjava " + of("lmdbjava");
    public static final String MAPDB = "MapDB " + of("mapdb");
    public static final String H2 = "H2 " + of("h2");
    public static final String EJML = "EJML " + of("ejml");
    public static final String INDRIYA = "Indriya " + of("indriya");
    public static final String PCAP4J = "pcap4j " + of("pcap4j");
    public static final String OJALGO = "ojAlgo " + of("ojalgo");

    private PeerVersions() {}

    /**
     * The version of a peer by its key in {@code peer-versions.properties} ({@code jctools}, {@code rocksdb}, ...).
     *
     * @throws IllegalArgumentException for a key the file does not have, or one the build did not fill in
     */
    public static String of(String peer) {
        String v = VERSIONS.getProperty(peer);
        if (v == null || v.startsWith("${")) {
            throw new IllegalArgumentException("no build version for peer '" + peer + "' in peer-versions.properties"
                    + (v == null ? "" : " (not filtered: " + v + ")"));
        }
        return v;
    }

    private static Properties load() {
        Properties p = new Properties();
        try (InputStream in = PeerVersions.class.getResourceAsStream("peer-versions.properties")) {
            if (in == null) {
                throw new IllegalStateException("peer-versions.properties is missing from the class path");
            }
            p.load(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return p;
    }
}
