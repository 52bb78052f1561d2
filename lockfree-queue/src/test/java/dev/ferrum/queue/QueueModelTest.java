/*
 * Copyright 2026 the Ferrum authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.ferrum.queue;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;

/**
 * Sequential model test: random operation sequences on a queue and on a capacity-bounded
 * {@link ArrayDeque} must give the same answers (offer/poll/peek/size/isEmpty/drain/fill).
 */
class QueueModelTest {

    /** op: 0 offer, 1 poll, 2 peek, 3 size, 4 drain(arg), 5 fill(arg); arg a small limit. */
    record Op(int code, int arg) {}

    @Provide
    Arbitrary<List<Op>> ops() {
        Arbitrary<Op> op = Arbitraries.integers()
                .between(0, 5)
                .flatMap(code -> Arbitraries.integers().between(0, 6).map(arg -> new Op(code, arg)));
        return op.list().ofMinSize(1).ofMaxSize(200);
    }

    @Property(tries = 300)
    void spscQueueBehavesLikeABoundedArrayDeque(
            @ForAll @IntRange(min = 2, max = 9) int requested, @ForAll("ops") @Size(max = 200) List<Op> ops) {
        check(new SpscQueue<>(requested), ops);
    }

    @Property(tries = 300)
    void mpmcQueueBehavesLikeABoundedArrayDeque(
            @ForAll @IntRange(min = 2, max = 9) int requested, @ForAll("ops") @Size(max = 200) List<Op> ops) {
        check(new MpmcQueue<>(requested), ops);
    }

    private static void check(BoundedQueue<Integer> queue, List<Op> ops) {
        int capacity = queue.capacity();
        assertThat(capacity).isEqualTo(Integer.highestOneBit(capacity)).isGreaterThanOrEqualTo(2);
        ArrayDeque<Integer> model = new ArrayDeque<>();
        int next = 0;
        for (Op op : ops) {
            switch (op.code()) {
                case 0 -> {
                    boolean expected = model.size() < capacity;
                    if (expected) {
                        model.addLast(next);
                    }
                    assertThat(queue.offer(next)).as("offer %s", op).isEqualTo(expected);
                    next++;
                }
                case 1 -> assertThat(queue.poll()).as("poll").isEqualTo(model.pollFirst());
                case 2 -> assertThat(queue.peek()).as("peek").isEqualTo(model.peekFirst());
                case 3 -> {
                    assertThat(queue.size()).as("size").isEqualTo(model.size());
                    assertThat(queue.isEmpty()).as("isEmpty").isEqualTo(model.isEmpty());
                }
                case 4 -> {
                    List<Integer> expected = new ArrayList<>();
                    while (expected.size() < op.arg() && !model.isEmpty()) {
                        expected.add(model.pollFirst());
                    }
                    List<Integer> actual = new ArrayList<>();
                    assertThat(queue.drain(actual::add, op.arg()))
                            .as("drain count")
                            .isEqualTo(expected.size());
                    assertThat(actual).as("drained").isEqualTo(expected);
                }
                default -> {
                    int room = Math.min(op.arg(), capacity - model.size());
                    for (int i = 0; i < room; i++) {
                        model.addLast(next + i);
                    }
                    int[] supplied = {next};
                    assertThat(queue.fill(() -> supplied[0]++, op.arg()))
                            .as("fill count")
                            .isEqualTo(room);
                    assertThat(supplied[0] - next).as("supplier calls").isEqualTo(room);
                    next = supplied[0];
                }
            }
        }
        assertThat(queue.size()).isEqualTo(model.size());
    }
}
