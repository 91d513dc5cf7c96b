package com.inboop.codegen.architecture;

import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import org.junit.jupiter.api.Test;

import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.library.dependencies.SliceAssignment;
import com.tngtech.archunit.library.dependencies.SliceIdentifier;

/**
 * The build helper's packages as layers: none depends, directly or through others, on a package that depends on it.
 * The root package counts as one of them (it holds the build's entry points, which use everything).
 */
class CodegenArchitectureTest {

    private static final String ROOT = "com.inboop.codegen";

    private static final JavaClasses MAIN = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages(ROOT);

    /** Each package its own slice, the root package included. */
    private static final SliceAssignment PACKAGES = new SliceAssignment() {
        @Override
        public SliceIdentifier getIdentifierOf(JavaClass type) {
            String name = type.getPackageName();
            if (!name.startsWith(ROOT)) {
                return SliceIdentifier.ignore();
            }
            return SliceIdentifier.of(name.equals(ROOT) ? "(root)" : name.substring(ROOT.length() + 1));
        }

        @Override
        public String getDescription() {
            return "packages of " + ROOT;
        }
    };

    @Test
    void thePackagesFormNoCycle() {
        slices().assignedFrom(PACKAGES).should().beFreeOfCycles().check(MAIN);
    }
}
