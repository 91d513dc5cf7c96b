package com.inboop.db.spring;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import org.junit.jupiter.api.Test;

import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;

/** The starter is inboop-db's first consumer: it uses the API a backend uses, never inboop-db's internal packages. */
class StarterArchitectureTest {

    @Test
    void theStarterUsesNoInternalPackageOfInboopDb() {
        noClasses().should().dependOnClassesThat().resideInAPackage("com.inboop.db.internal..")
                .check(new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                        .importPackages("com.inboop.db.spring"));
    }
}
