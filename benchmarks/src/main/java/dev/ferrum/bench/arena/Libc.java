/*
 * Copyright 2026 the Ferrum authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.ferrum.bench.arena;

import java.lang.foreign.FunctionDescriptor;
import java.lang.foreign.Linker;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.lang.invoke.MethodHandle;

/**
 * libc's allocator through FFM downcalls, configured for speed as a performance-minded user would: pointers
 * travel as {@code long} (no {@code MemorySegment} wrapper per call) and the calls are {@code critical}
 * (no thread-state transition; malloc/free never call back into Java).
 */
final class Libc {

    private static final Linker LINKER = Linker.nativeLinker();
    private static final Linker.Option CRITICAL = Linker.Option.critical(false);

    // Declaring the void* results/arguments as JAVA_LONG is ABI-identical on x86-64 and AArch64 (both are
    // 64-bit integer-class values in the same registers) and avoids a zero-length segment per call.
    static final MethodHandle MALLOC = LINKER.downcallHandle(
            LINKER.defaultLookup().findOrThrow("malloc"),
            FunctionDescriptor.of(ValueLayout.JAVA_LONG, ValueLayout.JAVA_LONG),
            CRITICAL);
    static final MethodHandle ALIGNED_ALLOC = LINKER.downcallHandle(
            LINKER.defaultLookup().findOrThrow("aligned_alloc"),
            FunctionDescriptor.of(ValueLayout.JAVA_LONG, ValueLayout.JAVA_LONG, ValueLayout.JAVA_LONG),
            CRITICAL);
    static final MethodHandle FREE = LINKER.downcallHandle(
            LINKER.defaultLookup().findOrThrow("free"), FunctionDescriptor.ofVoid(ValueLayout.JAVA_LONG), CRITICAL);

    // The same functions bound the way most FFM code does it: pointers as ADDRESS (a zero-length segment
    // per result), default (non-critical) downcalls with a thread-state transition.
    static final MethodHandle MALLOC_DEFAULT = LINKER.downcallHandle(
            LINKER.defaultLookup().findOrThrow("malloc"),
            FunctionDescriptor.of(ValueLayout.ADDRESS, ValueLayout.JAVA_LONG));
    static final MethodHandle ALIGNED_ALLOC_DEFAULT = LINKER.downcallHandle(
            LINKER.defaultLookup().findOrThrow("aligned_alloc"),
            FunctionDescriptor.of(ValueLayout.ADDRESS, ValueLayout.JAVA_LONG, ValueLayout.JAVA_LONG));
    static final MethodHandle FREE_DEFAULT = LINKER.downcallHandle(
            LINKER.defaultLookup().findOrThrow("free"), FunctionDescriptor.ofVoid(ValueLayout.ADDRESS));

    /** malloc's guaranteed alignment on 64-bit glibc; above it we call aligned_alloc. */
    static final long MALLOC_ALIGNMENT = 16;

    private Libc() {}

    static long malloc(long size) {
        try {
            return (long) MALLOC.invokeExact(size);
        } catch (Throwable t) {
            throw new AssertionError(t);
        }
    }

    static long alignedAlloc(long alignment, long size) {
        try {
            // C11 asks for size to be a multiple of alignment; round up like a careful caller would
            return (long) ALIGNED_ALLOC.invokeExact(alignment, (size + alignment - 1) & -alignment);
        } catch (Throwable t) {
            throw new AssertionError(t);
        }
    }

    static MemorySegment mallocDefault(long size) {
        try {
            return (MemorySegment) MALLOC_DEFAULT.invokeExact(size);
        } catch (Throwable t) {
            throw new AssertionError(t);
        }
    }

    static MemorySegment alignedAllocDefault(long alignment, long size) {
        try {
            return (MemorySegment) ALIGNED_ALLOC_DEFAULT.invokeExact(alignment, (size + alignment - 1) & -alignment);
        } catch (Throwable t) {
            throw new AssertionError(t);
        }
    }

    static void freeDefault(MemorySegment pointer) {
        try {
            FREE_DEFAULT.invokeExact(pointer);
        } catch (Throwable t) {
            throw new AssertionError(t);
        }
    }

    static void free(long address) {
        try {
            FREE.invokeExact(address);
        } catch (Throwable t) {
            throw new AssertionError(t);
        }
    }
}
