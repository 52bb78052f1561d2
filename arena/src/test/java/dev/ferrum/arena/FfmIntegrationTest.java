/*
 * Copyright 2026 the Ferrum authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.ferrum.arena;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.foreign.FunctionDescriptor;
import java.lang.foreign.Linker;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.StructLayout;
import java.lang.foreign.ValueLayout;
import java.lang.invoke.MethodHandle;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The arena is a SegmentAllocator, so FFM downcalls can take their strings and struct returns from it. */
class FfmIntegrationTest {

    private static final Linker LINKER = Linker.nativeLinker();
    /** C's {@code div_t}: {@code struct { int quot; int rem; }}. */
    private static final StructLayout DIV_T =
            ReprC.struct(ValueLayout.JAVA_INT.withName("quot"), ValueLayout.JAVA_INT.withName("rem"));

    @SuppressWarnings("restricted") // downcall to libc's strlen(const char*): the descriptor matches its C signature
    private static final MethodHandle STRLEN = LINKER.downcallHandle(
            LINKER.defaultLookup().findOrThrow("strlen"),
            FunctionDescriptor.of(ValueLayout.JAVA_LONG, ValueLayout.ADDRESS));

    @SuppressWarnings("restricted") // downcall to libc's div_t div(int, int): the descriptor matches its C signature
    private static final MethodHandle DIV = LINKER.downcallHandle(
            LINKER.defaultLookup().findOrThrow("div"),
            FunctionDescriptor.of(DIV_T, ValueLayout.JAVA_INT, ValueLayout.JAVA_INT));

    @ParameterizedTest
    @ValueSource(booleans = {false, true})
    void stringsAndStructReturnsOfDowncallsComeFromTheArena(boolean shared) throws Throwable {
        try (BumpArena arena = BumpArena.builder().shared(shared).build()) {
            MemorySegment text = arena.allocateFrom("bump allocation");
            assertThat((long) STRLEN.invokeExact(text)).isEqualTo(15);

            long before = arena.stats().bytesAllocated();
            // a downcall returning a struct by value takes the allocator as its first argument
            MemorySegment result = (MemorySegment) DIV.invokeExact((java.lang.foreign.SegmentAllocator) arena, 17, 5);
            assertThat(result.get(ValueLayout.JAVA_INT, 0)).isEqualTo(3);
            assertThat(result.get(ValueLayout.JAVA_INT, 4)).isEqualTo(2);
            assertThat(arena.stats().bytesAllocated() - before).isEqualTo(DIV_T.byteSize());

            arena.reset();
            assertThat(arena.stats().bytesAllocated()).isZero();
        }
    }
}
