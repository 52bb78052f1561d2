/*
 * Copyright 2026 the Ferrum authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.ferrum.queue;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.openjdk.jol.info.ClassLayout;
import org.openjdk.jol.info.FieldLayout;

/**
 * Checks, on the running JVM, that the padding superclasses put each group of written fields (producer's,
 * consumer's) 128 bytes (an adjacent-line-prefetch pair) away from every other group, including the
 * read-only fields both threads read, and from the object's ends: the layout is HotSpot behaviour, not a
 * language guarantee, so it is measured (with JOL) rather than assumed.
 */
class FieldLayoutTest {

    private static final int PAIR = 128;

    @ParameterizedTest
    @ValueSource(classes = {SpscQueue.class, MpmcQueue.class})
    void hotFieldGroupsSitOnTheirOwnLinePairs(Class<?> type) {
        ClassLayout layout = ClassLayout.parseClass(type);
        Map<String, FieldLayout> fields =
                layout.fields().stream().collect(Collectors.toMap(FieldLayout::name, f -> f, (a, b) -> a));
        List<List<String>> groups = type == SpscQueue.class
                ? List.of(
                        List.of("mask", "buffer", "capacity", "lookAheadStep"),
                        List.of("producerIndex", "producerLimit"),
                        List.of("consumerIndex"))
                : List.of(
                        List.of("mask", "buffer", "capacity", "sequences"),
                        List.of("producerIndex"),
                        List.of("consumerIndex"));
        long[][] spans = new long[groups.size()][];
        for (int g = 0; g < groups.size(); g++) {
            long min = Long.MAX_VALUE;
            long max = Long.MIN_VALUE;
            for (String field : groups.get(g)) {
                assertThat(fields).as(layout.toPrintable()).containsKey(field);
                FieldLayout f = fields.get(field);
                min = Math.min(min, f.offset());
                max = Math.max(max, f.offset() + f.size());
            }
            spans[g] = new long[] {min, max};
        }
        long headerEnd = layout.headerSize();
        long instanceEnd = layout.instanceSize();
        // Group 0 (cold, read-only) may sit next to the header: HotSpot even puts the int capacity into the
        // 4-byte gap after the compressed class pointer. Only the written groups (1, 2) need distance.
        for (int g = 1; g < spans.length; g++) {
            assertThat(spans[g][0] - headerEnd)
                    .as("group %s after the header\n%s", groups.get(g), layout.toPrintable())
                    .isGreaterThanOrEqualTo(PAIR);
            assertThat(instanceEnd - spans[g][1])
                    .as("group %s before the object end\n%s", groups.get(g), layout.toPrintable())
                    .isGreaterThanOrEqualTo(PAIR);
            for (int h = 0; h < spans.length; h++) {
                if (h == g) {
                    continue;
                }
                long gap = Math.max(spans[h][0] - spans[g][1], spans[g][0] - spans[h][1]);
                assertThat(gap)
                        .as("gap between %s and %s\n%s", groups.get(g), groups.get(h), layout.toPrintable())
                        .isGreaterThanOrEqualTo(PAIR);
            }
        }
    }
}
