/*
 * Copyright 2026 the Ferrum authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.ferrum.queue;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

/** The raw off-heap access stays in {@code internal.RingLayout}; nothing reinterprets segments. */
class ArchitectureTest {

    private static final JavaClasses MAIN = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("dev.ferrum.queue");

    @Test
    void nothingReinterpretsASegment() {
        noClasses()
                .should()
                .callMethod(java.lang.foreign.MemorySegment.class, "reinterpret", long.class)
                .check(MAIN);
    }

    @Test
    void layoutAccessStaysInTheInternalPackage() {
        noClasses()
                .that()
                .resideOutsideOfPackage("dev.ferrum.queue.internal")
                .should()
                .dependOnClassesThat()
                .haveFullyQualifiedName("java.lang.foreign.ValueLayout")
                .orShould()
                .dependOnClassesThat()
                .haveFullyQualifiedName("java.lang.foreign.ValueLayout$OfLong")
                .orShould()
                .dependOnClassesThat()
                .haveFullyQualifiedName("java.lang.foreign.ValueLayout$OfInt")
                .check(MAIN);
    }
}
