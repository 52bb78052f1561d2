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

/**
 * Linearizability of {@link MpmcQueue} against Lincheck's sequential model (the same class run on one
 * thread), with every operation allowed on every thread. Capacity 2 so that full and wrap-around are
 * reached within a few operations.
 */
@Param(name = "element", gen = IntGen.class, conf = "1:9")
public class MpmcQueueLincheckTest {

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

    @Operation
    public int size() {
        return queue.size();
    }

    @Test
    void modelChecking() {
        LinChecker.check(
                MpmcQueueLincheckTest.class,
                LincheckBudget.modelChecking().threads(LincheckBudget.threads()).actorsPerThread(3));
    }

    @Test
    void stress() {
        LinChecker.check(
                MpmcQueueLincheckTest.class, LincheckBudget.stress().threads(2).actorsPerThread(3));
    }
}
