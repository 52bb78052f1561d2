/*
 * Copyright 2026 the Ferrum authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.ferrum.kv.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.ferrum.kv.CorruptStoreException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ManifestTest {

    @TempDir
    Path dir;

    @Test
    void roundTripsSealedUnsyncedAndActiveEntries() throws Exception {
        assertThat(Manifest.read(dir)).isNull();
        List<Manifest.Entry> entries = List.of(
                new Manifest.Entry("0000000000000001-0000.seg", 0x5f0c33a1, 4211, true),
                new Manifest.Entry("0000000000000001-0001.seg", -7, 64, false),
                new Manifest.Entry("0000000000000002-0000.seg", 1, -1, false));
        Manifest.write(dir, entries);
        assertThat(Manifest.read(dir)).containsExactlyElementsOf(entries);
        assertThat(Files.readString(dir.resolve("MANIFEST"))).contains("sealed-unsynced 64", "active");
        assertThat(dir.resolve("MANIFEST.tmp")).doesNotExist();
    }

    @Test
    void aDamagedManifestIsATypedError() throws Exception {
        Manifest.write(dir, List.of(new Manifest.Entry("0000000000000001-0000.seg", 3, -1, false)));
        String text = Files.readString(dir.resolve("MANIFEST"));
        Files.writeString(dir.resolve("MANIFEST"), text.replace("active", "activf"));
        assertThatThrownBy(() -> Manifest.read(dir))
                .isInstanceOf(CorruptStoreException.class)
                .hasMessageContaining("checksum mismatch");
        Files.writeString(dir.resolve("MANIFEST"), "something else\n");
        assertThatThrownBy(() -> Manifest.read(dir))
                .isInstanceOf(CorruptStoreException.class)
                .hasMessageContaining("not a version-2 manifest");
    }
}
