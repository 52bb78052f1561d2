/*
 * Copyright 2026 the Ferrum authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.ferrum.queue.lincheck;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.ferrum.queue.SpscQueue;
import org.jetbrains.kotlinx.lincheck.LinChecker;
import org.jetbrains.kotlinx.lincheck.annotations.Operation;
import org.jetbrains.kotlinx.lincheck.annotations.Param;
import org.jetbrains.kotlinx.lincheck.paramgen.IntGen;
import org.jetbrains.kotlinx.lincheck.strategy.managed.modelchecking.ModelCheckingOptions;
import org.junit.jupiter.api.Test;

/**
 * Proves the Lincheck set-up can fail here (on JDK 25, with our class files): two producers on an
 * {@link SpscQueue} break its contract, and model checking must find an interleaving that loses an element.
 */
@Param(name = "element", gen = IntGen.class, conf = "1:9")
public class LincheckDetectsMisuseTest {

    private final SpscQueue<Integer> queue = new SpscQueue<>(4);

    @Operation
    public boolean offer(@Param(name = "element") int element) {
        return queue.offer(element);
    }

    @Operation(nonParallelGroup = "consumer")
    public Integer poll() {
        return queue.poll();
    }

    @Test
    void modelCheckingFindsTheLostElementOfTwoProducers() {
        assertThatThrownBy(() -> LinChecker.check(
                        LincheckDetectsMisuseTest.class,
                        new ModelCheckingOptions()
                                .iterations(50)
                                .invocationsPerIteration(500)
                                .threads(2)
                                .actorsPerThread(2)
                                .minimizeFailedScenario(false)))
                .isInstanceOf(AssertionError.class);
    }
}
