/*
 * Copyright 2026 the Ferrum authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.ferrum.queue;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.Queue;
import java.util.function.IntFunction;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** The sequential contract of {@link BoundedQueue}, run against both implementations. */
class BoundedQueueTest {

    static Stream<Arguments> queues() {
        IntFunction<BoundedQueue<Integer>> spsc = SpscQueue::new;
        IntFunction<BoundedQueue<Integer>> mpmc = MpmcQueue::new;
        return Stream.of(Arguments.of("SpscQueue", spsc), Arguments.of("MpmcQueue", mpmc));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("queues")
    void capacityIsRoundedUpToAPowerOfTwo(String name, IntFunction<BoundedQueue<Integer>> factory) {
        assertThat(factory.apply(2).capacity()).isEqualTo(2);
        assertThat(factory.apply(3).capacity()).isEqualTo(4);
        assertThat(factory.apply(1000).capacity()).isEqualTo(1024);
        assertThat(factory.apply(1024).capacity()).isEqualTo(1024);
        assertThat(factory.apply(1025).capacity()).isEqualTo(2048);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("queues")
    void invalidCapacityIsRejectedWithTheRange(String name, IntFunction<BoundedQueue<Integer>> factory) {
        for (int bad : new int[] {Integer.MIN_VALUE, -1, 0, 1, (1 << 30) + 1, Integer.MAX_VALUE}) {
            assertThatThrownBy(() -> factory.apply(bad))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining(name)
                    .hasMessageContaining("[2, 1073741824]")
                    .hasMessageContaining("was " + bad);
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("queues")
    void nullIsRejectedWithAClearMessage(String name, IntFunction<BoundedQueue<Integer>> factory) {
        BoundedQueue<Integer> q = factory.apply(4);
        assertThatThrownBy(() -> q.offer(null))
                .isInstanceOf(NullPointerException.class)
                .hasMessage(name + " does not accept null elements");
        assertThat(q.isEmpty()).isTrue();
        int[] n = {0};
        assertThatThrownBy(() -> q.fill(() -> ++n[0] == 3 ? null : n[0], 4))
                .isInstanceOf(NullPointerException.class)
                .hasMessageContaining("supplier returned null");
        assertThat(q.poll()).isEqualTo(1);
        assertThat(q.poll()).isEqualTo(2);
        assertThat(q.poll()).isNull(); // the failed fill left nothing visible behind
        assertThat(q.offer(7)).isTrue();
        assertThat(q.poll()).isEqualTo(7);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("queues")
    void offerFailsWhenFullAndPollReturnsNullWhenEmpty(String name, IntFunction<BoundedQueue<Integer>> factory) {
        BoundedQueue<Integer> q = factory.apply(4);
        assertThat(q.poll()).isNull();
        assertThat(q.peek()).isNull();
        for (int i = 0; i < 4; i++) {
            assertThat(q.offer(i)).isTrue();
            assertThat(q.size()).isEqualTo(i + 1);
        }
        assertThat(q.offer(99)).isFalse();
        assertThat(q.size()).isEqualTo(4);
        assertThat(q.peek()).isEqualTo(0);
        assertThat(q.poll()).isEqualTo(0);
        assertThat(q.offer(4)).isTrue();
        List<Integer> out = new ArrayList<>();
        assertThat(q.drain(out::add, 10)).isEqualTo(4);
        assertThat(out).containsExactly(1, 2, 3, 4);
        assertThat(q.isEmpty()).isTrue();
        assertThat(q.toString()).contains(name).contains("capacity=4");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("queues")
    void drainAndFillRespectLimitsAndCapacity(String name, IntFunction<BoundedQueue<Integer>> factory) {
        BoundedQueue<Integer> q = factory.apply(8);
        int[] next = {0};
        assertThat(q.fill(() -> next[0]++, 0)).isZero();
        assertThat(q.fill(() -> next[0]++, 3)).isEqualTo(3);
        assertThat(q.fill(() -> next[0]++, 100)).isEqualTo(5);
        assertThat(next[0]).as("supplier called only when there was room").isEqualTo(8);
        List<Integer> out = new ArrayList<>();
        assertThat(q.drain(out::add, 0)).isZero();
        assertThat(q.drain(out::add, 2)).isEqualTo(2);
        assertThat(q.drain(out::add, 100)).isEqualTo(6);
        assertThat(out).containsExactly(0, 1, 2, 3, 4, 5, 6, 7);
        assertThatThrownBy(() -> q.drain(out::add, -1))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("-1");
        assertThatThrownBy(() -> q.fill(() -> 1, -1))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("-1");
        assertThatThrownBy(() -> q.drain(null, 1)).isInstanceOf(NullPointerException.class);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("queues")
    void drainConsumerThatThrowsLosesOnlyTheElementItWasGiven(String name, IntFunction<BoundedQueue<Integer>> factory) {
        BoundedQueue<Integer> q = factory.apply(4);
        q.offer(1);
        q.offer(2);
        q.offer(3);
        assertThatThrownBy(() -> q.drain(
                        e -> {
                            if (e == 2) {
                                throw new IllegalStateException("boom");
                            }
                        },
                        10))
                .hasMessage("boom");
        assertThat(q.poll()).isEqualTo(3);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("queues")
    void wrapsAroundTheRingManyTimes(String name, IntFunction<BoundedQueue<Integer>> factory) {
        BoundedQueue<Integer> q = factory.apply(4);
        int expected = 0;
        int next = 0;
        for (int lap = 0; lap < 10_000; lap++) { // 10 000 laps of varying fill levels: indices pass 4 many times
            int k = 1 + lap % 4;
            for (int i = 0; i < k; i++) {
                assertThat(q.offer(next++)).isTrue();
            }
            for (int i = 0; i < k; i++) {
                assertThat(q.poll()).isEqualTo(expected++);
            }
        }
        assertThat(q.isEmpty()).isTrue();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("queues")
    void queueViewFollowsTheQueueContract(String name, IntFunction<BoundedQueue<Integer>> factory) {
        Queue<Integer> view = factory.apply(2).asQueue();
        assertThatThrownBy(view::remove).isInstanceOf(NoSuchElementException.class);
        assertThatThrownBy(view::element).isInstanceOf(NoSuchElementException.class);
        assertThat(view.add(1)).isTrue();
        assertThat(view.offer(2)).isTrue();
        assertThatThrownBy(() -> view.add(3)).isInstanceOf(IllegalStateException.class);
        assertThat(view.offer(3)).isFalse();
        assertThat(view.size()).isEqualTo(2);
        assertThat(view.element()).isEqualTo(1);
        assertThat(view.remove()).isEqualTo(1);
        assertThat(view.peek()).isEqualTo(2);
        view.clear();
        assertThat(view.isEmpty()).isTrue();
        assertThatThrownBy(view::iterator).isInstanceOf(UnsupportedOperationException.class);
        assertThatThrownBy(() -> view.offer(null)).isInstanceOf(NullPointerException.class);
        assertThat(view.addAll(List.of(5, 6))).isTrue();
        assertThat(view.poll()).isEqualTo(5);
    }

    // ---- indices far from zero: set the package-private index fields directly ----

    /** An SpscQueue whose indices all start at {@code start} (as if {@code start} elements had passed). */
    static <E> SpscQueue<E> spscStartingAt(int capacity, long start) {
        SpscQueue<E> q = new SpscQueue<>(capacity);
        q.producerIndex = start;
        q.consumerIndex = start;
        q.producerLimit = start + q.capacity;
        return q;
    }

    /** An MpmcQueue whose indices start at {@code start}: slot sequences set for that lap. */
    static <E> MpmcQueue<E> mpmcStartingAt(int capacity, long start) {
        MpmcQueue<E> q = new MpmcQueue<>(capacity);
        q.producerIndex = start;
        q.consumerIndex = start;
        for (long i = start; i < start + q.capacity; i++) {
            q.sequences[MpmcQueue.SEQUENCE_PAD + (int) (i & q.mask)] = i;
        }
        return q;
    }

    @Test
    void indicesNearTheTopOfTheLongRangeWork() {
        // Indices are longs that never wrap in practice (2^63 operations is centuries at 10^9/s); here they
        // start 2^62 + 3 (not slot-aligned) and 2^63 - 2^20, and run many laps without reaching overflow.
        for (long start : new long[] {(1L << 62) + 3, Long.MAX_VALUE - (1 << 20)}) {
            List<BoundedQueue<Integer>> queues = List.of(spscStartingAt(8, start), mpmcStartingAt(8, start));
            for (BoundedQueue<Integer> q : queues) {
                int expected = 0;
                int next = 0;
                for (int round = 0; round < 20_000; round++) {
                    int k = 1 + round % 8;
                    assertThat(q.fill(() -> 0, 0)).isZero();
                    for (int i = 0; i < k; i++) {
                        assertThat(q.offer(next++)).isTrue();
                    }
                    if (k == 8) {
                        assertThat(q.offer(-1)).as("full at capacity").isFalse();
                    }
                    assertThat(q.size()).isEqualTo(k);
                    assertThat(q.peek()).isEqualTo(expected);
                    for (int i = 0; i < k; i++) {
                        assertThat(q.poll()).isEqualTo(expected++);
                    }
                    assertThat(q.poll()).isNull();
                }
            }
        }
    }

    @Test
    void spscLookAheadNeverClaimsASlotTheConsumerHasNotEmptied() {
        // Capacity 64: lookAheadStep 16. Fill, free only the first k slots, and check that exactly k more
        // offers succeed, for every k around the step: a claim that reached past an unconsumed element
        // would accept one too many and overwrite it (then the FIFO check below fails too).
        for (int k = 0; k <= 40; k++) {
            SpscQueue<Integer> q = new SpscQueue<>(64);
            assertThat(q.lookAheadStep).isEqualTo(16);
            int next = 0;
            for (int i = 0; i < 64; i++) {
                assertThat(q.offer(next++)).isTrue();
            }
            for (int i = 0; i < k; i++) {
                assertThat(q.poll()).isEqualTo(i);
            }
            for (int i = 0; i < k; i++) {
                assertThat(q.offer(next++)).as("k=%d, offer %d", k, i).isTrue();
            }
            assertThat(q.offer(-1)).as("k=%d: full again", k).isFalse();
            assertThat(q.size()).isEqualTo(64);
            for (int expected = k; expected < next; expected++) {
                assertThat(q.poll()).as("k=%d", k).isEqualTo(expected);
            }
            assertThat(q.poll()).isNull();
        }
    }
}
