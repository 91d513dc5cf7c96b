package com.inboop.codegen.guard;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

import com.inboop.codegen.Fixtures;
import com.inboop.codegen.guard.lock.LockCheck;
import com.inboop.codegen.guard.rule.Rule;
import com.inboop.codegen.guard.semantic.SemanticGuard;
import com.inboop.codegen.junit.MigratedDatabaseExtension;
import com.inboop.codegen.migrate.MigrationFailedException;
import com.inboop.codegen.migrate.MigrationFiles;
import com.inboop.codegen.migrate.MigrationRunner;
import com.inboop.codegen.postgres.EphemeralPostgres;
import com.inboop.codegen.postgres.ThrowawayDatabase;

/**
 * The guard against third-party examples (eugene's per-hazard migrations, ../shared/corpus/eugene): which examples
 * each layer flags, under which rule, is recorded with the reason in guard/corpus-expectations.tsv, and no
 * {@code good} example may be flagged by a rule that claims the example's hazard category, unless the example keeps
 * a hazard of that category on purpose (an {@code -- eugene: ignore} line naming a hint of that category).
 *
 * <p>Each example's {@code -- N.sql} sections become migrations V001, V002, ...; V001 is the baseline, as in our own
 * folder. Unlike the build, both layers always run, so the table shows everything each layer sees.
 */
@ExtendWith(MigratedDatabaseExtension.class)
class CorpusConformanceTest {

    private static final Pattern SECTION = Pattern.compile("(?m)^-- (\\d+)\\.sql\\s*$");

    @TempDir
    static Path work;

    private static EphemeralPostgres server;
    private static Path corpus;

    @BeforeAll
    static void findTheCorpus(EphemeralPostgres shared) {
        corpus = Path.of(System.getProperty("inboop.corpus.dir", "missing")).resolve("eugene");
        assumeTrue(Files.isRegularFile(corpus.resolve("INDEX.tsv")), "no corpus at " + corpus);
        server = shared;
    }

    /**
     * One example: its file, category, what the guard says, and the hazard categories its author kept on purpose
     * (the categories of the hints its {@code -- eugene: ignore} lines name).
     */
    record Example(String file, String category, String codes, java.util.Set<String> deliberate) {
    }

    private static final Pattern IGNORE = Pattern.compile("(?m)^\\s*-- eugene: ignore (.*)$");

    @Test
    void flagsExactlyWhatTheExpectationsTableSaysAndNoGoodExampleInItsOwnCategory() throws IOException {
        Map<String, String[]> expectations = expectations();
        List<String[]> index = Files.readAllLines(corpus.resolve("INDEX.tsv"), StandardCharsets.UTF_8).stream()
                .skip(1).map(line -> line.split("\t")).toList();
        Map<String, String> categoryOfHint = new LinkedHashMap<>();
        index.forEach(columns -> categoryOfHint.put(columns[0], columns[3]));
        List<Example> examples = new ArrayList<>();
        for (String[] columns : index) {
            if (columns[1].startsWith("demo/")) {
                continue; // the demo is one folder of three migrations, checked as a whole below
            }
            Path file = corpus.resolve(columns[1]);
            java.util.Set<String> deliberate = new java.util.TreeSet<>();
            Matcher ignored = IGNORE.matcher(Files.readString(file));
            while (ignored.find()) {
                for (String hint : ignored.group(1).split("[,\\s]+")) {
                    if (categoryOfHint.containsKey(hint)) {
                        deliberate.add(categoryOfHint.get(hint));
                    }
                }
            }
            examples.add(new Example(columns[1], columns[3], codes(sectionsOf(file)), deliberate));
        }
        examples.add(new Example("demo/", "not-null-without-default", codes(demoFolder()), java.util.Set.of()));

        StringBuilder table = new StringBuilder();
        examples.forEach(e -> table.append(e.file()).append('\t').append(e.codes()).append('\n'));
        for (Example example : examples) {
            assertThat(expectations).as("corpus-expectations.tsv lacks a line for %s; actual:%n%s", example.file(), table)
                    .containsKey(example.file());
            assertThat(example.codes()).as("%s (%s); all actual results:%n%s", example.file(),
                    expectations.get(example.file())[1], table).isEqualTo(expectations.get(example.file())[0]);
            if (example.file().endsWith("good.sql") && !example.deliberate().contains(example.category())) {
                for (String code : example.codes().split(",")) {
                    Rule.byCode(code).ifPresent(rule -> assertThat(rule.categories())
                            .as("good example %s flagged by %s, which claims its category", example.file(), code)
                            .doesNotContain(example.category()));
                }
            }
        }
    }

    private static Map<String, String[]> expectations() throws IOException {
        Map<String, String[]> expectations = new LinkedHashMap<>();
        for (String line : Files.readAllLines(Fixtures.fixture("../guard/corpus-expectations.tsv"))) {
            if (!line.isBlank() && !line.startsWith("#")) {
                String[] columns = line.split("\t", 3);
                expectations.put(columns[0], new String[] {columns[1], columns.length > 2 ? columns[2] : ""});
            }
        }
        return expectations;
    }

    /** Writes the example's sections as V001, V002, ... into a fresh folder. */
    private static Path sectionsOf(Path example) throws IOException {
        String sql = Files.readString(example, StandardCharsets.UTF_8);
        Path folder = Files.createDirectories(work.resolve(example.getParent().getFileName() + "-"
                + example.getFileName().toString().replace(".sql", "")));
        Matcher matcher = SECTION.matcher(sql);
        List<int[]> bounds = new ArrayList<>();
        while (matcher.find()) {
            bounds.add(new int[] {Integer.parseInt(matcher.group(1)), matcher.end()});
        }
        for (int i = 0; i < bounds.size(); i++) {
            int end = i + 1 < bounds.size() ? sql.lastIndexOf("--", bounds.get(i + 1)[1] - 1) : sql.length();
            write(folder, bounds.get(i)[0], sql.substring(bounds.get(i)[1], end));
        }
        return folder;
    }

    /** The demo's Flyway-named files (V1_1, V1_2, V2_1) renumbered as V001, V002, V003. */
    private static Path demoFolder() throws IOException {
        Path folder = Files.createDirectories(work.resolve("demo"));
        int version = 1;
        for (String name : List.of("V1_1__create.sql", "V1_2__set_title_not_null.sql", "V2_1__create_authors.sql")) {
            write(folder, version++, Files.readString(corpus.resolve("demo").resolve(name)));
        }
        return folder;
    }

    private static void write(Path folder, int version, String sql) throws IOException {
        String name = String.format("V%03d__section_%d.sql", version, version);
        Files.writeString(folder.resolve(name), sql);
        if (sql.toLowerCase(java.util.Locale.ROOT).contains("concurrently")) {
            Files.writeString(folder.resolve(name + ".conf"), "executeInTransaction=false\n");
        }
    }

    /** The rule codes both layers report for a folder, sorted, comma-separated ("-" for none). */
    private static String codes(Path folder) {
        GuardRun guard = new MigrationGuard(folder, LockCheck.Mode.RECORD).checkStatic();
        SemanticGuard semantic = guard.semanticPass();
        TreeSet<String> codes = new TreeSet<>();
        try (ThrowawayDatabase database = ThrowawayDatabase.create(server, "inboop_corpus")) {
            MigrationRunner.withSettings(Fixtures.flywayConf())
                    .migrate(database.target(), MigrationFiles.in(folder), semantic);
        } catch (MigrationFailedException e) {
            codes.add("does-not-apply");
        }
        guard.report().violations().forEach(v -> codes.add(v.rule().name()));
        return codes.isEmpty() ? "-" : String.join(",", codes);
    }
}
