/*
 * Copyright 2026 the Ferrum authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.ferrum.arena;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

/** Raw access stays in {@code internal.Chunk}; only the arena variants reach into it. */
class ArchitectureTest {

    private static final JavaClasses CLASSES = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("dev.ferrum.arena");

    @Test
    void onlyTheArenaVariantsUseTheInternalChunk() {
        noClasses()
                .that()
                .resideInAPackage("dev.ferrum.arena")
                .and()
                .haveNameNotMatching("dev\\.ferrum\\.arena\\.(BumpArena|ConfinedBumpArena|SharedBumpArena)(\\$.*)?")
                .should()
                .dependOnClassesThat()
                .resideInAPackage("dev.ferrum.arena.internal")
                .check(CLASSES);
    }

    @Test
    void onlyTheChunkReinterpretsMemory() {
        noClasses()
                .that()
                .doNotHaveFullyQualifiedName("dev.ferrum.arena.internal.Chunk")
                .should()
                .callMethod(
                        java.lang.foreign.MemorySegment.class,
                        "reinterpret",
                        java.lang.foreign.Arena.class,
                        java.util.function.Consumer.class)
                .orShould()
                .callMethod(java.lang.foreign.MemorySegment.class, "reinterpret", long.class)
                .check(CLASSES);
    }

    @Test
    void nothingUsesUnsafe() {
        noClasses()
                .should()
                .dependOnClassesThat()
                .haveFullyQualifiedName("sun.misc." + "Unsafe")
                .check(CLASSES);
    }
}
