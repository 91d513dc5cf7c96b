package com.inboop.codegen.guard;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import com.inboop.codegen.Fixtures;
import com.inboop.codegen.guard.lock.LockCheck;
import com.inboop.codegen.guard.rule.Rule;
import com.inboop.codegen.guard.sql.Statement;
import com.inboop.codegen.junit.MigratedDatabaseExtension;
import com.inboop.codegen.migrate.MigrationRunner;
import com.inboop.codegen.postgres.EphemeralPostgres;

/**
 * The guard on three complete Flyway histories written by others (src/test/resources/corpus/real-world, unchanged
 * and named as upstream, with their licenses): every finding of both layers is recorded with a verdict in
 * guard/real-world-expectations.tsv ({@code true}, or {@code false} and why), a finding that appears or disappears
 * fails, no file is left unread whatever its name, and every table, view, column or constraint the text drops or
 * renames is named by some finding of its file.
 */
@ExtendWith(MigratedDatabaseExtension.class)
class RealWorldConformanceTest {

    private static final Path EXPECTATIONS = Fixtures.fixture("../guard/real-world-expectations.tsv");

    private static EphemeralPostgres server;

    @BeforeAll
    static void useTheSharedPostgres(EphemeralPostgres shared) {
        server = shared;
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"conductor", "genie", "hangar"})
    void reportsExactlyTheJudgedFindingsAndNamesEveryDropAndRename(String history) throws IOException {
        Path folder = Fixtures.fixture("../corpus/real-world/" + history + "/migrations");
        List<String> before = listing(folder);

        GuardReport report = check(folder);

        List<String> actual = report.violations().stream().map(v -> String.join("\t", history, v.file(),
                String.valueOf(v.line()), v.rule().name(), v.message())).sorted().toList();
        // What the guard said, for judging new findings: target/real-world-HISTORY.tsv.
        Files.write(Path.of("target", "real-world-" + history + ".tsv"), actual, StandardCharsets.UTF_8);
        Map<String, String[]> expected = expectations(history);
        List<String> appeared = actual.stream().filter(line -> !expected.containsKey(line)).toList();
        List<String> disappeared = expected.keySet().stream().filter(line -> !actual.contains(line)).toList();
        assertThat(appeared).as("findings not in real-world-expectations.tsv (judge each: true, or false and why; "
                + "all of them are in target/real-world-%s.tsv)", history).isEmpty();
        assertThat(disappeared).as("findings in real-world-expectations.tsv the guard no longer reports").isEmpty();
        assertThat(report.semanticRan()).isTrue();
        assertThat(report.violations()).as("no migration of %s fails to apply", history)
                .noneMatch(v -> v.rule() == Rule.IB316);
        assertThat(report.migrations()).as("every .sql file is read").isEqualTo(
                (int) before.stream().filter(name -> name.endsWith(".sql")).count());
        assertThat(listing(folder)).as("check writes nothing into the folder it checks").isEqualTo(before);

        Map<String, List<String>> messagesByFile = new TreeMap<>();
        report.violations().forEach(v -> messagesByFile.computeIfAbsent(v.file(), f -> new ArrayList<>())
                .add(v.message()));
        List<String> unnamed = new ArrayList<>();
        for (MigrationScript script : MigrationFolder.read(folder, Naming.FLYWAY).scripts()) {
            for (String object : DroppedOrRenamed.in(script)) {
                Pattern named = Pattern.compile("\\b" + Pattern.quote(object) + "\\b");
                if (messagesByFile.getOrDefault(script.fileName(), List.of()).stream()
                        .noneMatch(message -> named.matcher(message).find())) {
                    unnamed.add(script.fileName() + ": " + object);
                }
            }
        }
        assertThat(unnamed).as("dropped or renamed in the text, named by no finding of the file").isEmpty();
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"conductor", "genie", "hangar"})
    void everyVerdictIsTrueOrAFalsePositiveWithItsReason(String history) throws IOException {
        for (String[] verdict : expectations(history).values()) {
            assertThat(verdict[0]).as("verdict").isIn("true", "false");
            if (verdict[0].equals("false")) {
                assertThat(verdict[1]).as("a false positive says why").isNotBlank();
            }
        }
    }

    /** Both layers, as {@code check DIR --naming flyway} runs them, on the folder itself (which has no lock). */
    private static GuardReport check(Path folder) {
        MigrationGuard guard = new MigrationGuard(folder, LockCheck.Mode.NONE, Naming.FLYWAY);
        return guard.checkStatic().checkOn(server, MigrationRunner.withSettings(Fixtures.flywayConf()));
    }

    /** Lines {@code history file line code message} to their verdict and reason. */
    private static Map<String, String[]> expectations(String history) throws IOException {
        Map<String, String[]> expected = new LinkedHashMap<>();
        for (String line : Files.readAllLines(EXPECTATIONS, StandardCharsets.UTF_8)) {
            if (line.isBlank() || line.startsWith("#")) {
                continue;
            }
            String[] columns = line.split("\t", -1);
            assertThat(columns).as("7 tab-separated columns: %s", line).hasSize(7);
            if (columns[0].equals(history)) {
                expected.put(String.join("\t", columns[0], columns[1], columns[2], columns[3], columns[4]),
                        new String[] {columns[5], columns[6]});
            }
        }
        return expected;
    }

    private static List<String> listing(Path folder) {
        try (Stream<Path> files = Files.list(folder)) {
            return files.map(p -> p.getFileName().toString()).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The objects a script's text drops or renames, read independently of the guard's own rules. */
    private static final class DroppedOrRenamed {

        private static final Set<String> NOT_A_NAME = Set.of("if", "exists", "only", "column", "constraint",
                "cascade", "restrict");

        static Set<String> in(MigrationScript script) {
            Set<String> created = new TreeSet<>();
            Set<String> objects = new TreeSet<>();
            for (Statement s : script.statements()) {
                List<String> words = s.tokens().stream().map(t -> t.text().toLowerCase(java.util.Locale.ROOT)
                        .replace("\"", "")).toList();
                if (words.size() > 2 && words.get(0).equals("create") && words.contains("view")) {
                    created.add(nameAfter(words, words.indexOf("view") + 1));
                }
                if (words.get(0).equals("drop") && (words.get(1).equals("table") || words.get(1).equals("view")
                        || words.get(1).equals("materialized"))) {
                    for (int i = words.get(1).equals("materialized") ? 3 : 2; i < words.size(); i++) {
                        if (!NOT_A_NAME.contains(words.get(i)) && !words.get(i).equals(",")) {
                            objects.add(words.get(i));
                        }
                    }
                }
                if (words.get(0).equals("alter") && (words.contains("table") || words.contains("view"))) {
                    for (int i = 0; i + 1 < words.size(); i++) {
                        if (words.get(i).equals("drop") && !words.get(i + 1).equals("not")
                                && !words.get(i + 1).equals("default")) {
                            objects.add(nameAfter(words, i + 1));
                        } else if (words.get(i).equals("rename")) {
                            objects.add(words.get(i + 1).equals("to")
                                    ? nameAfter(words, words.get(1).equals("table") || words.get(1).equals("view")
                                    ? 2 : 3) : nameAfter(words, i + 1));
                        }
                    }
                }
            }
            objects.removeAll(created);
            objects.remove("");
            return objects;
        }

        private static String nameAfter(List<String> words, int from) {
            int i = from;
            while (i < words.size() && NOT_A_NAME.contains(words.get(i))) {
                i++;
            }
            return i < words.size() ? words.get(i) : "";
        }
    }
}
