/*
 * Copyright 2026 the Ferrum authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.ferrum.arena;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.lang.foreign.Arena;
import java.lang.foreign.FunctionDescriptor;
import java.lang.foreign.Linker;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

/**
 * reset(), rewind() and close() are all-or-nothing when FFM refuses to close a scope because a segment is in
 * use: another thread is inside a downcall that received the segment (the JDK "acquires" the segment's scope
 * for the duration of the call). The holder is libc {@code qsort} over the arena's segment, parked inside its
 * comparator upcall until the test lets it go, so the timing is deterministic.
 */
@SuppressWarnings("restricted") // downcall + upcall stub: test-only native calls into libc qsort
class FailedCloseTest {

    private static final Linker LINKER = Linker.nativeLinker();
    private static final MethodHandle QSORT = LINKER.downcallHandle(
            LINKER.defaultLookup().find("qsort").orElseThrow(),
            FunctionDescriptor.ofVoid(
                    ValueLayout.ADDRESS, ValueLayout.JAVA_LONG, ValueLayout.JAVA_LONG, ValueLayout.ADDRESS));
    private static final FunctionDescriptor COMPARE =
            FunctionDescriptor.of(ValueLayout.JAVA_INT, ValueLayout.ADDRESS, ValueLayout.ADDRESS);

    /** What the comparator upcall runs (once per qsort call; later comparisons return at once). */
    private static final AtomicReference<Runnable> IN_UPCALL = new AtomicReference<>();

    static int compare(MemorySegment a, MemorySegment b) {
        Runnable r = IN_UPCALL.getAndSet(null);
        if (r != null) {
            r.run();
        }
        return 0;
    }

    private static MemorySegment comparator(Arena arena) throws ReflectiveOperationException {
        MethodHandle target = MethodHandles.lookup()
                .findStatic(
                        FailedCloseTest.class,
                        "compare",
                        MethodType.methodType(int.class, MemorySegment.class, MemorySegment.class));
        return LINKER.upcallStub(target, COMPARE, arena);
    }

    /** Runs qsort over {@code held} (2 longs) on another thread, returns once that thread is inside the call. */
    private static Holder hold(MemorySegment held) throws Exception {
        Holder h = new Holder();
        IN_UPCALL.set(() -> {
            h.entered.countDown();
            try {
                h.release.await(30, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        });
        h.thread = Thread.ofPlatform().start(() -> {
            try (Arena upcalls = Arena.ofConfined()) {
                QSORT.invokeExact(held, 2L, 8L, comparator(upcalls));
            } catch (Throwable t) {
                h.failure.set(t);
                h.entered.countDown();
            }
        });
        assertThat(h.entered.await(30, TimeUnit.SECONDS)).isTrue();
        assertThat(h.failure.get()).isNull();
        return h;
    }

    private static final class Holder implements AutoCloseable {
        final CountDownLatch entered = new CountDownLatch(1);
        final CountDownLatch release = new CountDownLatch(1);
        final AtomicReference<Throwable> failure = new AtomicReference<>();
        Thread thread;

        @Override
        public void close() {
            release.countDown();
            try {
                thread.join(30_000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError(e);
            }
            assertThat(failure.get()).isNull();
        }
    }

    @Test
    void aFailedResetLeavesGenerationMarksAndBlocksExactlyAsBefore() throws Exception {
        try (BumpArena arena = BumpArena.builder().shared(true).chunkBytes(4096).build()) {
            MemorySegment held = arena.allocate(16, 8);
            long h = arena.allocateOffset(8, 8);
            arena.putLong(h, 0, 7);
            BumpArena.Mark mark = arena.mark();
            MemorySegment inner = arena.allocate(8, 8);
            inner.set(ValueLayout.JAVA_LONG, 0, 9);
            BumpArena.Stats before = arena.stats();
            try (Holder _ = hold(held)) {
                assertThatThrownBy(arena::reset)
                        .isInstanceOf(IllegalStateException.class)
                        .hasMessageContaining("reset()")
                        .hasMessageContaining("in use");
                // nothing changed: same generation (handle valid), mark still live, blocks alive, same position
                assertThat(arena.getLong(h, 0)).isEqualTo(7);
                assertThat(held.scope().isAlive()).isTrue();
                assertThat(arena.stats()).isEqualTo(before);
                // The documented caveat: the newer mark's scope was closed before FFM refused the base scope,
                // so its segment is dead (safe: access throws) although the arena state is as before.
                assertThat(inner.scope().isAlive()).isFalse();
                MemorySegment next = arena.allocate(8, 8);
                assertThat(next.address()).isEqualTo(inner.address() + 8);
                arena.rewind(mark); // the mark survived the failed reset
                assertThatThrownBy(() -> next.get(ValueLayout.JAVA_LONG, 0)).isInstanceOf(IllegalStateException.class);
                assertThatThrownBy(arena::close).isInstanceOf(IllegalStateException.class);
                assertThat(arena.getLong(h, 0)).isEqualTo(7); // close failed: still open
            }
            arena.reset(); // the holder is gone: now it works
            assertThat(held.scope().isAlive()).isFalse();
            assertThatThrownBy(() -> arena.getLong(h, 0)).isInstanceOf(IllegalStateException.class);
            assertThat(arena.allocate(16, 8).address()).isEqualTo(held.address()); // memory reused
        }
    }

    @Test
    void aFailedResetUnderAMarkKeepsTheMarkUsable() throws Exception {
        try (BumpArena arena = BumpArena.builder().shared(true).build()) {
            arena.allocate(8, 8);
            BumpArena.Mark mark = arena.mark();
            MemorySegment held = arena.allocate(16, 8); // in the mark's scope, the innermost
            try (Holder _ = hold(held)) {
                assertThatThrownBy(arena::reset).isInstanceOf(IllegalStateException.class);
                assertThatThrownBy(() -> arena.rewind(mark)).isInstanceOf(IllegalStateException.class);
                assertThat(held.scope().isAlive()).isTrue();
            }
            arena.rewind(mark);
            assertThat(held.scope().isAlive()).isFalse();
            assertThat(arena.allocate(16, 8).address()).isEqualTo(held.address());
        }
    }

    @Test
    void aFailedCloseKeepsTheArenaOpenAndALaterCloseFreesEverything() throws Exception {
        for (boolean safety : new boolean[] {true, false}) {
            BumpArena arena =
                    BumpArena.builder().shared(true).temporalSafety(safety).build();
            MemorySegment held = arena.allocate(16, 8);
            long h = arena.allocateOffset(8, 8);
            BumpArena.Stats before = arena.stats();
            try (Holder _ = hold(held)) {
                assertThatThrownBy(arena::close)
                        .isInstanceOf(IllegalStateException.class)
                        .hasMessageContaining("close()");
                assertThat(arena.stats()).isEqualTo(before);
                assertThatThrownBy(arena::close).isInstanceOf(IllegalStateException.class); // not a silent no-op
                arena.putLong(h, 0, 5); // still open: same generation, allocation works
                assertThat(arena.allocate(8, 8).scope().isAlive()).isTrue();
            }
            MemorySegment chunkScoped = safety ? null : arena.allocate(8, 8); // chunk arena's scope
            arena.close();
            assertThat(held.scope().isAlive()).isFalse();
            if (chunkScoped != null) {
                assertThat(chunkScoped.scope().isAlive()).isFalse(); // the chunks were freed
            }
            assertThatThrownBy(() -> arena.getLong(h, 0)).hasMessageContaining("closed");
            assertThatThrownBy(() -> arena.allocate(8, 8)).isInstanceOf(IllegalStateException.class);
            arena.close(); // idempotent after a successful close
        }
    }

    @Test
    void aConfinedResetFromInsideADowncallThatHoldsASegmentFailsCleanly() throws Throwable {
        try (BumpArena arena = BumpArena.ofConfined();
                Arena upcalls = Arena.ofConfined()) {
            MemorySegment held = arena.allocate(16, 8);
            long h = arena.allocateOffset(8, 8);
            AtomicReference<Throwable> seen = new AtomicReference<>();
            IN_UPCALL.set(() -> {
                try {
                    arena.reset(); // same thread, but the downcall holds the segment's scope
                } catch (Throwable t) {
                    seen.set(t);
                }
            });
            QSORT.invokeExact(held, 2L, 8L, comparator(upcalls));
            assertThat(seen.get()).isInstanceOf(IllegalStateException.class);
            assertThat(held.scope().isAlive()).isTrue();
            arena.putLong(h, 0, 1);
            arena.reset();
            assertThat(held.scope().isAlive()).isFalse();
        }
    }
}
