/*
 * Copyright 2026 the Ferrum authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.ferrum.kv;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static org.assertj.core.api.Assertions.assertThat;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import java.lang.module.ModuleDescriptor;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** Layout rules: raw memory access stays in the internal package; the module exports only the API. */
class ArchitectureTest {

    static final JavaClasses CLASSES = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("dev.ferrum.kv");

    @Test
    void onlyTheIndexAndRecordFlyweightsUseVarHandles() {
        noClasses()
                .that()
                .resideOutsideOfPackage("dev.ferrum.kv.internal")
                .should()
                .dependOnClassesThat()
                .haveFullyQualifiedName("java.lang.invoke.VarHandle")
                .check(CLASSES);
    }

    @Test
    void storageDoesNotDependOnTheServerOrTheCommandLine() {
        noClasses()
                .that()
                .resideInAnyPackage("dev.ferrum.kv", "dev.ferrum.kv.internal")
                .should()
                .dependOnClassesThat()
                .resideInAnyPackage("dev.ferrum.kv.server..", "picocli..")
                .check(CLASSES);
    }

    @Test
    void moduleExportsOnlyTheApiPackage() throws Exception {
        Path descriptor = Path.of("target/classes/module-info.class");
        ModuleDescriptor md = ModuleDescriptor.read(Files.newInputStream(descriptor));
        assertThat(md.exports()).extracting(ModuleDescriptor.Exports::source).containsExactly("dev.ferrum.kv");
        assertThat(md.requires()).extracting(ModuleDescriptor.Requires::name).contains("dev.ferrum.arena");
        // the command line and server (picocli) live in ferrum-kvstore-server; library users do not get picocli
        assertThat(md.requires()).extracting(ModuleDescriptor.Requires::name).doesNotContain("info.picocli");
    }
}
