package com.inboop.db.schema;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import com.inboop.codegen.catalog.CatalogSnapshot;
import com.inboop.codegen.junit.MigratedDatabaseExtension;
import com.inboop.codegen.junit.TestDatabase;

/** Every item of design-targets.tsv (the design document's target schema, as data) exists after migrating. */
@ExtendWith(MigratedDatabaseExtension.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class DesignTargetsTest {

    /** One line of design-targets.tsv. */
    record Target(String kind, String object, String expectation) {
        @Override
        public String toString() {
            return kind + " " + object + (expectation.isEmpty() ? "" : " " + expectation);
        }
    }

    private CatalogSnapshot catalog;

    @BeforeAll
    void readCatalog(TestDatabase database) throws SQLException {
        try (Connection connection = database.connect()) {
            catalog = CatalogSnapshot.read(connection, "public");
        }
    }

    static Stream<Target> targets() throws IOException {
        try (InputStream in = DesignTargetsTest.class.getResourceAsStream("design-targets.tsv");
             BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
            List<Target> targets = reader.lines()
                    .filter(line -> !line.isBlank() && !line.startsWith("#"))
                    .map(line -> line.split("\t", -1))
                    .map(f -> new Target(f[0], f[1], f.length > 2 ? String.join("\t", List.of(f).subList(2, f.length)) : ""))
                    .toList();
            return targets.stream();
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("targets")
    void existsAsTheDesignAsks(Target target) {
        switch (target.kind()) {
            case "enum" -> assertThat(catalog.enums()).as(target.object()).containsKey(target.object())
                    .extractingByKey(target.object()).extracting(CatalogSnapshot.EnumType::labels)
                    .isEqualTo(List.of(target.expectation().split(",")));
            case "table" -> assertThat(catalog.tables()).containsKey(target.object());
            case "column" -> {
                String[] tableColumn = target.object().split("\\.");
                String[] typeNullability = target.expectation().split("\t");
                CatalogSnapshot.Column column = column(tableColumn[0], tableColumn[1]);
                assertThat(column.type()).isEqualTo(typeNullability[0]);
                assertThat(column.notNull() ? "not null" : "null").isEqualTo(typeNullability[1]);
            }
            case "fk" -> {
                String[] tableColumn = target.object().split("\\.");
                String expected = "FOREIGN KEY (" + tableColumn[1] + ") REFERENCES " + target.expectation();
                assertThat(catalog.tables().get(tableColumn[0]).constraints().values())
                        .filteredOn(c -> c.type() == 'f' && c.definition().equals(expected))
                        .as("validated foreign key without actions: %s", expected)
                        .singleElement()
                        .matches(CatalogSnapshot.Constraint::validated, "validated");
            }
            case "index" -> {
                assertThat(catalog.indexes()).containsKey(target.object());
                CatalogSnapshot.Index index = catalog.indexes().get(target.object());
                assertThat(index.valid()).as("valid").isTrue();
                assertThat(index.definition()).endsWith(" ON public." + target.expectation());
            }
            default -> throw new IllegalArgumentException("Unknown kind '" + target.kind()
                    + "' in design-targets.tsv; use enum, table, column, fk or index");
        }
    }

    private CatalogSnapshot.Column column(String table, String name) {
        assertThat(catalog.tables()).containsKey(table);
        assertThat(catalog.tables().get(table).columns()).containsKey(name);
        return catalog.tables().get(table).columns().get(name);
    }
}
