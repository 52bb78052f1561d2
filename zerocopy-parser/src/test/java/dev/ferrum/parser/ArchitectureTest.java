/*
 * Copyright 2026 the Ferrum authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.ferrum.parser;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaAccess;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import dev.ferrum.parser.internal.Bytes;
import java.lang.foreign.MemorySegment;
import org.junit.jupiter.api.Test;

/** The raw-access rule of the house style: only {@link Bytes} loads from a segment; no {@code Unsafe}. */
class ArchitectureTest {

    static final JavaClasses LIBRARY = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("dev.ferrum.parser");

    @Test
    void onlyBytesReadsFromSegments() {
        noClasses()
                .that()
                .doNotHaveFullyQualifiedName(Bytes.class.getName())
                .should()
                .callMethodWhere(new DescribedPredicate<JavaAccess<?>>("MemorySegment.get(...)") {
                    @Override
                    public boolean test(JavaAccess<?> access) {
                        return access.getTargetOwner().isEquivalentTo(MemorySegment.class)
                                && access.getName().equals("get");
                    }
                })
                .check(LIBRARY);
    }

    @Test
    void nothingUsesUnsafe() {
        noClasses()
                .should()
                .dependOnClassesThat()
                .haveFullyQualifiedName("sun.misc." + "Unsafe")
                .check(LIBRARY);
    }
}
