package com.inboop.db.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.domain.JavaCodeUnit;
import com.tngtech.archunit.core.domain.JavaModifier;
import com.tngtech.archunit.core.domain.JavaType;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;

/**
 * The shape of the artifact a backend compiles against: its API packages ({@code inbox}, {@code lead}, {@code order},
 * {@code assignment}, {@code lifecycle}, {@code list}, {@code legacy}, {@code migration} and the root's exceptions)
 * never show a type of {@code com.inboop.db.internal}, the packages form no cycle, and only the command line exits
 * the JVM. See docs/architecture.md.
 */
class ArchitectureTest {

    static final String INTERNAL = "com.inboop.db.internal";
    static final String GENERATED = "com.inboop.db.schema";

    private static final JavaClasses MAIN = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("com.inboop.db");

    @Test
    void anApiTypeNeverShowsAnInternalOne() {
        List<String> exposed = new ArrayList<>();
        MAIN.stream().filter(ArchitectureTest::isApi).forEach(type -> exposedInternals(type).forEach(exposed::add));

        assertThat(exposed).as("public signatures of API types that name an internal type").isEmpty();
    }

    @Test
    void thePackagesFormNoCycle() {
        // jOOQ's generated classes refer to each other (tables, keys, indexes); they are one unit, outside the rule.
        slices().matching("com.inboop.db.(**)")
                .should().beFreeOfCycles()
                .check(MAIN.that(DescribedPredicate.not(JavaClass.Predicates.resideInAPackage(GENERATED + ".."))));
    }

    @Test
    void onlyTheCommandLineExitsTheJvm() {
        noClasses().that().resideOutsideOfPackage(INTERNAL + ".cli")
                .should().callMethod(System.class, "exit", int.class)
                .check(MAIN);
    }

    @Test
    void noApiMethodTakesMoreThanFiveArguments() {
        List<String> tooLong = new ArrayList<>();
        MAIN.stream().filter(ArchitectureTest::isApi)
                .flatMap(type -> Stream.concat(type.getMethods().stream(), type.getConstructors().stream()))
                .filter(member -> isVisible(member.getModifiers()) && member.getParameterTypes().size() > 5)
                // A record's canonical constructor lists its components; the records' with... steps are the way in.
                .filter(member -> !(member.getOwner().isRecord() && member.isConstructor()))
                .forEach(member -> tooLong.add(member.getFullName()));

        assertThat(tooLong).as("API methods with more than five parameters: take a record instead").isEmpty();
    }

    @Test
    void theApiIsTheFewTypesTheArchitectureNames() {
        var api = new TreeSet<String>();
        MAIN.stream().filter(ArchitectureTest::isApi).forEach(type -> api.add(type.getName()));

        // A new public type in an API package is a decision (docs/architecture.md counts them), not an accident.
        assertThat(api).hasSizeLessThanOrEqualTo(45)
                .allMatch(name -> name.matches("com\\.inboop\\.db\\.(inbox|lead|order|assignment|lifecycle|list"
                        + "|legacy|migration)\\.[A-Z].*|com\\.inboop\\.db\\.[A-Z].*"), "in an API package");
    }

    static boolean isApi(JavaClass type) {
        return type.getModifiers().contains(JavaModifier.PUBLIC)
                && !type.getPackageName().startsWith(INTERNAL)
                && !type.getPackageName().startsWith(GENERATED)
                && (type.getEnclosingClass().isEmpty() || isApi(type.getEnclosingClass().get()));
    }

    /** What {@code type}'s public face names from the internal packages, one line each. */
    static Stream<String> exposedInternals(JavaClass type) {
        List<String> found = new ArrayList<>();
        type.getRawSuperclass().ifPresent(superclass -> check(type.getName() + " extends", superclass, found));
        type.getRawInterfaces().forEach(implemented -> check(type.getName() + " implements", implemented, found));
        type.getFields().stream().filter(field -> isVisible(field.getModifiers()))
                .forEach(field -> check(field.getFullName(), field.getType(), found));
        Stream.concat(type.getMethods().stream(), type.getConstructors().stream())
                .filter(member -> isVisible(member.getModifiers()))
                .forEach(member -> signature(member, found));
        return found.stream();
    }

    private static void signature(JavaCodeUnit member, List<String> found) {
        check(member.getFullName() + " returns", member.getReturnType(), found);
        member.getParameterTypes().forEach(parameter -> check(member.getFullName() + " takes", parameter, found));
        member.getThrowsClause().getTypes().forEach(thrown -> check(member.getFullName() + " throws", thrown, found));
    }

    private static boolean isVisible(java.util.Set<JavaModifier> modifiers) {
        return modifiers.contains(JavaModifier.PUBLIC) || modifiers.contains(JavaModifier.PROTECTED);
    }

    private static void check(String where, JavaType type, List<String> found) {
        type.getAllInvolvedRawTypes().stream()
                .filter(raw -> raw.getPackageName().startsWith(INTERNAL))
                .forEach(raw -> found.add(where + " " + raw.getName()));
    }
}
