/*
 * Copyright 2026 the Ferrum authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.ferrum.arena;

/** The contract holds without temporal safety too (close still frees: chunk-scoped segments die with it). */
class ConfinedNoTemporalSafetyTest extends BumpArenaContractTest {

    @Override
    BumpArena.Builder variant() {
        return BumpArena.builder().temporalSafety(false);
    }
}
