/*
 * Copyright 2026 the Ferrum authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.ferrum.bench.arena;

import dev.ferrum.arena.BumpArena;
import dev.ferrum.arena.ReprC;
import java.lang.foreign.MemoryLayout.PathElement;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.StructLayout;
import java.lang.foreign.ValueLayout;
import java.util.NoSuchElementException;
import java.util.function.LongConsumer;

/**
 * The Rust arena project's demo, kept as a benchmark workload (not part of the arena's API): a singly linked list of {@code long}s whose nodes are bump-allocated, so consecutive
 * appends sit next to each other in memory (16 bytes apart) and a traversal walks memory almost
 * sequentially, where {@link java.util.LinkedList} chases a 24-byte node plus a 16-byte boxed
 * {@code Long} per element. Nodes hold {@link BumpArena} handles, so no Java object exists per element.
 *
 * <p>Node layout ({@link ReprC#struct}): {@code struct node { int64 value; int64 next; }}, 16 bytes.
 * Thread-safety: none (like {@code LinkedList}); the arena's rules apply to the nodes. Nodes live as long
 * as the arena's generation: after {@link BumpArena#reset()} the list is dead and any use throws
 * {@link IllegalStateException}.
 */
public final class ArenaLinkedList {

    /** {@code struct node { int64 value; int64 next; }}. */
    public static final StructLayout NODE =
            ReprC.struct(ValueLayout.JAVA_LONG.withName("value"), ValueLayout.JAVA_LONG.withName("next"));

    private static final long VALUE_OFFSET = NODE.byteOffset(PathElement.groupElement("value"));
    private static final long NEXT_OFFSET = NODE.byteOffset(PathElement.groupElement("next"));
    private static final long NODE_BYTES = NODE.byteSize();

    private final BumpArena arena;
    private long head = BumpArena.NULL_HANDLE;
    private long tail = BumpArena.NULL_HANDLE;
    private long size;

    /** @param arena where the nodes go */
    public ArenaLinkedList(BumpArena arena) {
        this.arena = arena;
    }

    /** Appends {@code value} at the end. O(1), allocates one 16-byte node in the arena. */
    public void addLast(long value) {
        long node = arena.allocateOffset(NODE);
        arena.putLong(node, VALUE_OFFSET, value);
        arena.putLong(node, NEXT_OFFSET, BumpArena.NULL_HANDLE);
        if (tail == BumpArena.NULL_HANDLE) {
            head = node;
        } else {
            arena.putLong(tail, NEXT_OFFSET, node);
        }
        tail = node;
        size++;
    }

    /** Prepends {@code value}. O(1), allocates one 16-byte node in the arena. */
    public void addFirst(long value) {
        long node = arena.allocateOffset(NODE);
        arena.putLong(node, VALUE_OFFSET, value);
        arena.putLong(node, NEXT_OFFSET, head);
        head = node;
        if (tail == BumpArena.NULL_HANDLE) {
            tail = node;
        }
        size++;
    }

    /** Returns the first value; O(1). */
    public long getFirst() {
        if (head == BumpArena.NULL_HANDLE) {
            throw new NoSuchElementException("list is empty");
        }
        return arena.getLong(head, VALUE_OFFSET);
    }

    /** Returns the number of elements. */
    public long size() {
        return size;
    }

    /**
     * Sums the values in list order.
     * @return the sum of all values, walking the nodes in order; O(n)
     */
    public long sum() {
        long s = 0;
        long node = head;
        while (node != BumpArena.NULL_HANDLE) {
            // Nodes appended together share a chunk: check the handle once per chunk (generation, index),
            // then walk that chunk's segment directly. The segment is loop-invariant in the inner loop, so
            // the JIT hoists its liveness check; each access keeps its bounds check against the chunk.
            long first = node;
            MemorySegment chunk = arena.chunkSegment(node);
            do {
                long offset = BumpArena.chunkOffset(node);
                s += chunk.get(ValueLayout.JAVA_LONG_UNALIGNED, offset + VALUE_OFFSET);
                long next = chunk.get(ValueLayout.JAVA_LONG_UNALIGNED, offset + NEXT_OFFSET);
                // Contiguity speculation: appended nodes are usually adjacent, so predict node + NODE_BYTES.
                // Both branches yield the same value, but on the (well-predicted) adjacent branch the CPU
                // continues from an add instead of waiting for the load: the pointer chase stops being
                // latency-bound. Written as a difference so the JIT does not fold it back to "node = next".
                if (next - node == NODE_BYTES) {
                    node += NODE_BYTES;
                } else {
                    node = next;
                }
            } while (BumpArena.sameChunk(node, first)); // NULL_HANDLE never matches a real handle
        }
        return s;
    }

    /** Calls {@code action} with every value in order; O(n). */
    public void forEach(LongConsumer action) {
        for (long node = head; node != BumpArena.NULL_HANDLE; node = arena.getLong(node, NEXT_OFFSET)) {
            action.accept(arena.getLong(node, VALUE_OFFSET));
        }
    }
}
