/*
 * Copyright 2026 the Ferrum authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.ferrum.queue.lincheck;

import dev.ferrum.queue.MpmcQueue;
import org.jetbrains.kotlinx.lincheck.LinChecker;
import org.jetbrains.kotlinx.lincheck.annotations.Operation;
import org.jetbrains.kotlinx.lincheck.annotations.Param;
import org.jetbrains.kotlinx.lincheck.paramgen.IntGen;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;

/**
 * {@link MpmcQueue#peek} against concurrent {@code poll}s and {@code offer}s on a queue of capacity 2, so
 * that slots are cleared and refilled by the next lap while a peek is between its read of the element and
 * its re-check of the head: every interleaving Lincheck's model checker explores must give a peek result
 * the sequential queue could give (never null for a non-empty queue, never an element that is not the
 * head). Lincheck explores interleavings under sequential consistency; the weak-memory half of the
 * argument (the element read is an acquire load, so it cannot move after the re-check) is in the code.
 * Runs with {@code -Dferrum.long=true} only (three threads, minutes): the default run already checks peek
 * among all operations in {@link MpmcQueueLincheckTest}.
 */
@EnabledIfSystemProperty(named = "ferrum.long", matches = "true")
@Param(name = "element", gen = IntGen.class, conf = "1:9")
public class MpmcPeekLincheckTest {

    private final MpmcQueue<Integer> queue = new MpmcQueue<>(2);

    @Operation
    public boolean offer(@Param(name = "element") int element) {
        return queue.offer(element);
    }

    @Operation
    public Integer poll() {
        return queue.poll();
    }

    @Operation
    public Integer peek() {
        return queue.peek();
    }

    @Test
    void modelChecking() {
        LinChecker.check(
                MpmcPeekLincheckTest.class,
                LincheckBudget.modelChecking().threads(LincheckBudget.threads()).actorsPerThread(2));
    }
}
