/*
 * Copyright 2026 the Ferrum authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.ferrum.queue;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

/** The stress harness itself can fail: a consumer that loses or repeats an element is caught quickly. */
class StressSupportTest {

    @Test
    void lostElementIsDetected() {
        SpscQueue<Long> q = new SpscQueue<>(16);
        StressSupport.Consumer polling = StressSupport.polling(q);
        int[] calls = {0};
        StressSupport.Consumer losing = sink -> polling.consume(e -> {
            if (++calls[0] != 500) { // drop the 500th element
                sink.accept(e);
            }
        });
        assertThatThrownBy(() -> StressSupport.run(1, 1, 2_000, StressSupport.offering(q), losing))
                .isInstanceOf(AssertionError.class)
                .hasMessageContaining("elements consumed");
    }

    @Test
    void duplicateIsDetected() {
        MpmcQueue<Long> q = new MpmcQueue<>(16);
        StressSupport.Consumer polling = StressSupport.polling(q);
        StressSupport.Consumer repeating = sink -> polling.consume(e -> {
            sink.accept(e);
            if ((int) e == 700) {
                sink.accept(e);
            }
        });
        assertThatThrownBy(() -> StressSupport.run(1, 1, 2_000, StressSupport.offering(q), repeating))
                .isInstanceOf(AssertionError.class)
                .hasStackTraceContaining("seq 700");
    }

    @Test
    void reorderingIsDetected() {
        SpscQueue<Long> q = new SpscQueue<>(16);
        StressSupport.Consumer draining = StressSupport.draining(q);
        StressSupport.Consumer reversing = sink -> {
            java.util.ArrayList<Long> batch = new java.util.ArrayList<>();
            int n = draining.consume(batch::add);
            java.util.Collections.reverse(batch);
            batch.forEach(sink::accept);
            return n;
        };
        assertThatThrownBy(() -> {
                    for (int i = 0;
                            i < 20;
                            i++) { // a reversed batch of 2+ elements is needed; many rounds make it certain
                        StressSupport.run(1, 1, 5_000, StressSupport.filling(q), reversing);
                    }
                })
                .isInstanceOf(AssertionError.class)
                .hasStackTraceContaining("per-producer FIFO broken");
    }
}
