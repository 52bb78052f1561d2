/*
 * Copyright 2026 the Ferrum authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.ferrum.queue.lincheck;

import org.jetbrains.kotlinx.lincheck.strategy.managed.modelchecking.ModelCheckingOptions;
import org.jetbrains.kotlinx.lincheck.strategy.stress.StressOptions;

/** Lincheck iteration budgets: bounded by default, larger with {@code -Dferrum.long=true}. */
final class LincheckBudget {

    static final boolean LONG = Boolean.getBoolean("ferrum.long");

    private LincheckBudget() {}

    static ModelCheckingOptions modelChecking() {
        return new ModelCheckingOptions().iterations(LONG ? 200 : 10).invocationsPerIteration(LONG ? 5_000 : 300);
    }

    /** Three threads in the long run; two by default (model checking grows fast with threads). */
    static int threads() {
        return LONG ? 3 : 2;
    }

    static StressOptions stress() {
        return new StressOptions().iterations(LONG ? 200 : 10).invocationsPerIteration(LONG ? 10_000 : 300);
    }
}
