/*
 * Copyright 2026 the Ferrum authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.ferrum.arena;

import java.lang.foreign.MemoryLayout;
import java.lang.foreign.StructLayout;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Builds {@link StructLayout}s the way a C compiler lays out a struct (Rust's {@code #[repr(C)]}): members
 * in declaration order, each at the next offset that is a multiple of its alignment, and trailing padding
 * so the size is a multiple of the largest member alignment (so arrays of the struct stay aligned).
 * {@link MemoryLayout#structLayout} itself refuses misaligned members instead of padding them; this class
 * computes the padding. Stateless and thread-safe.
 *
 * <pre>{@code
 * StructLayout particle = ReprC.struct(
 *         ValueLayout.JAVA_BYTE.withName("kind"),      // offset 0, then 7 bytes of padding
 *         ValueLayout.JAVA_DOUBLE.withName("x"),       // offset 8
 *         ValueLayout.JAVA_INT.withName("id"));        // offset 16, then 4 bytes of trailing padding
 * // particle.byteSize() == 24, particle.byteAlignment() == 8
 * }</pre>
 */
public final class ReprC {

    private ReprC() {}

    /**
     * Lays out a C struct: each member at its natural alignment, with the padding C would insert.
     * @param members the struct's fields in order (any layouts, typically named {@code ValueLayout}s)
     * @return a struct layout with C padding inserted between and after the members
     * @throws IllegalArgumentException if there are no members
     */
    public static StructLayout struct(MemoryLayout... members) {
        Objects.requireNonNull(members, "members");
        if (members.length == 0) {
            throw new IllegalArgumentException("a repr(C) struct needs at least one member");
        }
        List<MemoryLayout> laidOut = new ArrayList<>(members.length * 2 + 1);
        long offset = 0;
        long maxAlignment = 1;
        for (MemoryLayout m : members) {
            long a = m.byteAlignment();
            maxAlignment = Math.max(maxAlignment, a);
            long aligned = (offset + a - 1) & -a; // a is a power of two (MemoryLayout guarantees it)
            if (aligned > offset) {
                laidOut.add(MemoryLayout.paddingLayout(aligned - offset));
            }
            laidOut.add(m);
            offset = aligned + m.byteSize();
        }
        long size = (offset + maxAlignment - 1) & -maxAlignment;
        if (size > offset) {
            laidOut.add(MemoryLayout.paddingLayout(size - offset));
        }
        return MemoryLayout.structLayout(laidOut.toArray(MemoryLayout[]::new));
    }
}
