/*
 * Copyright 2026 the Ferrum authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.ferrum.guide;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.ferrum.arena.BumpArena;
import java.lang.foreign.Arena;
import java.lang.foreign.FunctionDescriptor;
import java.lang.foreign.Linker;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.lang.invoke.MethodHandle;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * {@code Pin} and self-referential data (seed Project 1, used by every off-heap design after it). Rust needs
 * {@code Pin} because a value may be moved by a plain assignment; Java objects are moved by the garbage
 * collector at any safepoint. Off-heap memory is never moved: its address is fixed for its whole lifetime,
 * which is what lets the arena, the queue's ring buffer and the KV store keep raw offsets and addresses.
 */
class PinningTest {

    @Test
    void offHeapAddressesNeverMoveHeapSegmentsHaveNoAddress() {
        // tag::pin-vs-gc[]
        try (BumpArena arena = BumpArena.ofConfined()) {
            MemorySegment offHeap = arena.allocate(64, 8); // native memory: "pinned" until reset/close
            long address = offHeap.address();

            byte[] array = new byte[64];
            MemorySegment onHeap = MemorySegment.ofArray(array); // a view of a Java object the GC may move

            List<byte[]> garbage = new ArrayList<>();
            for (int i = 0; i < 1_000; i++) {
                garbage.add(new byte[1024]); // give a moving collector work to do
            }
            garbage.clear();
            System.gc();

            assertThat(offHeap.address()).isEqualTo(address); // same address, before and after any GC
            assertThat(offHeap.isNative()).isTrue();
            assertThat(onHeap.isNative()).isFalse(); // no address of its own: (object, offset)
            assertThat(onHeap.heapBase()).containsSame(array);
            assertThat(onHeap.address()).isZero(); // for a heap segment: the offset in the array
        }
        // end::pin-vs-gc[]
    }

    @Test
    @SuppressWarnings("restricted") // strlen's descriptor matches size_t strlen(const char*); see ExternCTest
    void nativeCodeSeesAHeapArrayOnlyPinnedForOneCriticalCall() throws Throwable {
        // tag::pin-heap-in-critical-call[]
        Linker linker = Linker.nativeLinker();
        MemorySegment strlenSymbol = linker.defaultLookup().findOrThrow("strlen");
        FunctionDescriptor sizeTOfPointer = FunctionDescriptor.of(ValueLayout.JAVA_LONG, ValueLayout.ADDRESS);
        MethodHandle strlen = linker.downcallHandle(strlenSymbol, sizeTOfPointer);
        // critical(true): the thread stays in Java state during the call, so no GC can move the array
        // meanwhile (a Pin for one short call); the callee must be short, never block or call back.
        MethodHandle strlenCritical = linker.downcallHandle(strlenSymbol, sizeTOfPointer, Linker.Option.critical(true));

        byte[] text = "pinned\0".getBytes(StandardCharsets.US_ASCII);
        MemorySegment onHeap = MemorySegment.ofArray(text);

        assertThat((long) strlenCritical.invokeExact(onHeap)).isEqualTo(6);
        assertThatThrownBy(() -> {
                    long unused = (long) strlen.invokeExact(onHeap); // a normal downcall cannot pin: refused
                })
                .isInstanceOf(IllegalArgumentException.class);
        // end::pin-heap-in-critical-call[]
        try (Arena arena = Arena.ofConfined()) {
            assertThat((long) strlen.invokeExact(arena.allocateFrom("pinned"))).isEqualTo(6);
        }
    }
}
