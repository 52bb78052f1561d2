/*
 * Copyright 2026 the Ferrum authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.ferrum.kv.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Registration, retirement and deferred unmapping, with explicit results instead of exceptions. */
class SegmentTableTest {

    @TempDir
    Path dir;

    @Test
    void aRetiredSegmentStaysResolvableUntilTheLastGuardCloses() throws Exception {
        SegmentTable table = new SegmentTable();
        Segment a = Segment.create(1, dir, Segment.fileName(1, 0), 1, 0, 4096, false);
        Segment b = Segment.create(40, dir, Segment.fileName(2, 0), 2, 0, 4096, false);
        table.register(a);
        table.register(b);
        long locA = HashIndex.location(1, 64);
        long locB = HashIndex.location(40, 64);
        assertThat(table.resolve(locA)).isNotNull();
        assertThat(table.resolve(locB)).isNotNull();
        assertThat(table.live()).containsExactlyInAnyOrder(a, b);

        table.openGuard();
        table.retire(a);
        table.reclaimLater(List.of(a));
        assertThat(table.segment(locA)).isNull();
        assertThat(table.resolve(locA)).as("mapped while a guard is open").isNotNull();
        assertThat(a.mapped()).isTrue();
        table.closeGuard();
        assertThat(a.mapped()).isFalse();
        assertThat(table.resolve(locA))
                .as("gone: an explicit null, not an exception")
                .isNull();
        assertThat(Reads.copyValue(table, locA, new byte[] {1}, true)).isSameAs(Reads.GONE);
        table.unmapAll();
        assertThat(b.mapped()).isFalse();
    }

    @Test
    void aPinnedSegmentIsUnmappedByTheLastUnpin() throws Exception {
        Segment s = Segment.create(1, dir, Segment.fileName(1, 0), 1, 0, 4096, false);
        assertThat(s.tryPin()).isTrue();
        s.unmap();
        assertThat(s.mapped()).as("deferred while pinned").isTrue();
        s.force(0, 4096);
        s.unpin();
        assertThat(s.mapped()).isFalse();
        assertThat(s.tryPin()).isFalse();
    }
}
