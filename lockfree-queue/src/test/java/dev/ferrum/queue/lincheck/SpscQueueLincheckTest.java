/*
 * Copyright 2026 the Ferrum authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.ferrum.queue.lincheck;

import dev.ferrum.queue.SpscQueue;
import org.jetbrains.kotlinx.lincheck.LinChecker;
import org.jetbrains.kotlinx.lincheck.annotations.Operation;
import org.jetbrains.kotlinx.lincheck.annotations.Param;
import org.jetbrains.kotlinx.lincheck.paramgen.IntGen;
import org.junit.jupiter.api.Test;

/**
 * Linearizability of {@link SpscQueue} under its contract: producer operations on one thread, consumer
 * operations on another (Lincheck's non-parallel groups). Capacity 2 reaches full and wrap-around quickly.
 */
@Param(name = "element", gen = IntGen.class, conf = "1:9")
public class SpscQueueLincheckTest {

    private final SpscQueue<Integer> queue = new SpscQueue<>(2);

    @Operation(nonParallelGroup = "producer")
    public boolean offer(@Param(name = "element") int element) {
        return queue.offer(element);
    }

    @Operation(nonParallelGroup = "consumer")
    public Integer poll() {
        return queue.poll();
    }

    @Operation(nonParallelGroup = "consumer")
    public Integer peek() {
        return queue.peek();
    }

    @Test
    void modelChecking() {
        LinChecker.check(
                SpscQueueLincheckTest.class,
                LincheckBudget.modelChecking().threads(2).actorsPerThread(3));
    }

    @Test
    void stress() {
        LinChecker.check(
                SpscQueueLincheckTest.class, LincheckBudget.stress().threads(2).actorsPerThread(3));
    }
}
