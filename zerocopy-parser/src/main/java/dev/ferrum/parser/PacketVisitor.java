/*
 * Copyright 2026 the Ferrum authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.ferrum.parser;

/**
 * Receives every packet of a {@link CaptureReader#forEach walk}. The {@link Packet} is a flyweight that the
 * reader re-wraps for the next record: read what you need inside {@link #packet}, do not keep it.
 */
@FunctionalInterface
public interface PacketVisitor {

    /**
     * Called once per packet record, in file order.
     *
     * @param packet the current record; valid only until this method returns
     */
    void packet(Packet packet);

    /**
     * Called in {@link ParseMode#LAX lax} mode for a framing problem (a record or block that cannot be
     * trusted); the walk then continues with the next record where the framing allows, or ends.
     * The default ignores the problem; {@link CaptureReader#errorCount()} still counts it.
     *
     * @param problem what was wrong and where
     */
    default void malformed(MalformedCaptureException problem) {}
}
