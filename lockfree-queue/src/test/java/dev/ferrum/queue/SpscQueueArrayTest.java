package dev.ferrum.queue;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/**
 * The element array of {@link SpscQueue}: a power-of-two length (so {@code slot & (length - 1)} lets the JIT
 * drop the range check) with {@link SpscQueue#ARRAY_PAD} free slots at each end, except at the largest
 * capacity, where the padded length would not fit in an array.
 */
class SpscQueueArrayTest {

    @Test
    void lengthIsAPowerOfTwoHoldingTheCapacityAndBothPads() {
        for (int capacity = 2; capacity <= 1 << 29; capacity <<= 1) {
            int length = SpscQueue.arrayLength(capacity);
            assertThat(Integer.bitCount(length)).as("capacity %d: length %d", capacity, length).isEqualTo(1);
            assertThat(length).as("capacity %d", capacity).isGreaterThanOrEqualTo(capacity + 2 * SpscQueue.ARRAY_PAD);
            assertThat(length).as("capacity %d: smallest such power of two", capacity)
                    .isLessThan(2 * (capacity + 2 * SpscQueue.ARRAY_PAD));
        }
        assertThat(SpscQueue.arrayLength(1024)).isEqualTo(2048);
    }

    @Test
    void largestCapacityGetsAnUnpaddedArray() {
        assertThat(SpscQueue.arrayLength(Capacities.MAX_CAPACITY)).isEqualTo(Capacities.MAX_CAPACITY);
    }

    @Test
    void theQueueUsesThatArrayAndWrapsAroundIt() {
        SpscQueue<Integer> q = new SpscQueue<>(4);
        assertThat(q.buffer).hasSize(SpscQueue.arrayLength(4));
        for (int i = 0; i < 50; i++) { // many laps of the 4-slot ring, with the queue full each lap
            for (int k = 0; k < 4; k++) {
                assertThat(q.offer(i * 4 + k)).isTrue();
            }
            assertThat(q.offer(-1)).isFalse();
            for (int k = 0; k < 4; k++) {
                assertThat(q.poll()).isEqualTo(i * 4 + k);
            }
            assertThat(q.poll()).isNull();
        }
        // Only the capacity's slots, all inside the pads, were ever written (and are null again).
        assertThat(q.buffer).containsOnlyNulls();
    }
}
