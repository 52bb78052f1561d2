/*
 * Copyright 2026 the Ferrum authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.ferrum.matrix;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

/** Raw memory access stays in the internal package; the API never touches segment elements itself. */
class ArchitectureTest {

    private final JavaClasses classes = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("dev.ferrum.matrix");

    @Test
    void onlyTheInternalPackageReadsOrWritesSegments() {
        noClasses()
                .that()
                .resideInAPackage("dev.ferrum.matrix")
                .should()
                .callMethodWhere(com.tngtech.archunit.base.DescribedPredicate.describe(
                        "reads or writes MemorySegment elements",
                        call -> call.getTargetOwner().isAssignableTo(java.lang.foreign.MemorySegment.class)
                                && (call.getName().startsWith("get")
                                        || call.getName().startsWith("set")
                                        || call.getName().equals("copy")
                                        || call.getName().equals("fill"))))
                .check(classes);
    }

    @Test
    void theInternalPackageDoesNotDependOnTheApi() {
        noClasses()
                .that()
                .resideInAPackage("dev.ferrum.matrix.internal")
                .should()
                .dependOnClassesThat()
                .resideInAPackage("dev.ferrum.matrix")
                .check(classes);
    }

    @Test
    void onlyTheVectorKernelsNameTheIncubatorModule() {
        // Everything else must load on a JVM without --add-modules jdk.incubator.vector (see Vectorization).
        noClasses()
                .that()
                .doNotHaveSimpleName("DoubleVectorKernels")
                .and()
                .doNotHaveSimpleName("FloatVectorKernels")
                .should()
                .dependOnClassesThat()
                .resideInAPackage("jdk.incubator.vector..")
                .check(classes);
    }
}
