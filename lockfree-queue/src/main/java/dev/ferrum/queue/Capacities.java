/*
 * Copyright 2026 the Ferrum authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.ferrum.queue;

/** Capacity rounding shared by the queues. */
final class Capacities {

    /** Largest capacity: a power of two that still leaves room for the array padding. */
    static final int MAX_CAPACITY = 1 << 30;

    private Capacities() {}

    /**
     * Rounds a requested capacity up to a power of two.
     *
     * @throws IllegalArgumentException if {@code requested} is below {@code min} or above {@link #MAX_CAPACITY}
     */
    static int roundToPowerOfTwo(int requested, int min, String type) {
        if (requested < min || requested > MAX_CAPACITY) {
            throw new IllegalArgumentException(
                    type + " capacity must be in [" + min + ", " + MAX_CAPACITY + "], was " + requested);
        }
        return requested == 1 ? 1 : Integer.highestOneBit(requested - 1) << 1;
    }

    static void checkLimit(int limit) {
        if (limit < 0) {
            throw new IllegalArgumentException("limit must be >= 0, was " + limit);
        }
    }
}
