/*
 * Copyright 2026 the Ferrum authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.ferrum.guide;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ferrum.arena.BumpArena;
import java.lang.foreign.AddressLayout;
import java.lang.foreign.Arena;
import java.lang.foreign.FunctionDescriptor;
import java.lang.foreign.Linker;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import org.junit.jupiter.api.Test;

/**
 * {@code extern "C"} and {@code unsafe} vs the FFM {@link Linker} and restricted methods (seed Projects 3
 * and 12 call libc the same way). Rust declares the foreign function and calls it in an {@code unsafe}
 * block; Java describes its C signature with a {@link FunctionDescriptor} and gets a {@link MethodHandle}.
 * Creating downcall handles and upcall stubs are <em>restricted</em> methods: a wrong descriptor can crash
 * the JVM, so the JVM warns (and will refuse, in a later release) unless the program runs with
 * {@code --enable-native-access=ALL-UNNAMED} (or the module's name), as this test build does; javac flags
 * each call site with the {@code restricted} lint, which the methods below acknowledge.
 */
class ExternCTest {

    @Test
    @SuppressWarnings("restricted") // the descriptor matches size_t strlen(const char *s) on LP64 platforms
    void callLibcStrlenWithAStringFromTheArena() throws Throwable {
        // tag::extern-c-downcall[]
        // Rust: extern "C" { fn strlen(s: *const c_char) -> usize; }  and  unsafe { strlen(p) }
        Linker linker = Linker.nativeLinker();
        MethodHandle strlen = linker.downcallHandle( // restricted: needs native access
                linker.defaultLookup().findOrThrow("strlen"),
                FunctionDescriptor.of(ValueLayout.JAVA_LONG, ValueLayout.ADDRESS));

        try (BumpArena arena = BumpArena.ofConfined()) { // any SegmentAllocator will do
            MemorySegment text = arena.allocateFrom("Ferrum"); // CString::new: UTF-8 + NUL, bumped
            long length = (long) strlen.invokeExact(text); // the C call; no copy, no JNI glue
            assertThat(length).isEqualTo(6);
            assertThat(arena.stats().bytesAllocated()).isEqualTo(7);
        }
        // end::extern-c-downcall[]
    }

    // tag::extern-c-upcall[]
    /** C's {@code int (*)(const void *, const void *)} for {@code qsort}, written in Java. */
    static int compareInts(MemorySegment a, MemorySegment b) {
        return Integer.compare(a.get(ValueLayout.JAVA_INT, 0), b.get(ValueLayout.JAVA_INT, 0));
    }

    @Test
    @SuppressWarnings("restricted") // the descriptors match qsort(3) and its comparator on LP64
    void libcQsortCallsBackIntoJava() throws Throwable {
        Linker linker = Linker.nativeLinker();
        MethodHandle qsort = linker.downcallHandle(
                linker.defaultLookup().findOrThrow("qsort"),
                FunctionDescriptor.ofVoid(
                        ValueLayout.ADDRESS, ValueLayout.JAVA_LONG, ValueLayout.JAVA_LONG, ValueLayout.ADDRESS));
        AddressLayout intPointer = ValueLayout.ADDRESS.withTargetLayout(ValueLayout.JAVA_INT);
        MethodHandle compare = MethodHandles.lookup()
                .findStatic(
                        ExternCTest.class,
                        "compareInts",
                        MethodType.methodType(int.class, MemorySegment.class, MemorySegment.class));

        try (Arena arena = Arena.ofConfined()) { // the stub lives as long as the arena
            MemorySegment comparator = linker.upcallStub(
                    compare, // Rust: extern "C" fn compare(...)
                    FunctionDescriptor.of(ValueLayout.JAVA_INT, intPointer, intPointer),
                    arena);
            MemorySegment numbers = arena.allocateFrom(ValueLayout.JAVA_INT, 5, 3, 9, 1, 7);
            qsort.invokeExact(numbers, 5L, ValueLayout.JAVA_INT.byteSize(), comparator);
            assertThat(numbers.toArray(ValueLayout.JAVA_INT)).containsExactly(1, 3, 5, 7, 9);
        }
    }
    // end::extern-c-upcall[]
}
