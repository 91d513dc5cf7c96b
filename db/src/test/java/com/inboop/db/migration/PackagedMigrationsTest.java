package com.inboop.db.migration;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

import com.inboop.codegen.junit.MigratedDatabaseExtension;

/** What the jar ships at inboop/db/migration is exactly the migrations folder, and nothing at db/migration. */
class PackagedMigrationsTest {

    @Test
    void shipsEveryMigrationByteForByteAtItsOwnLocation() throws IOException {
        Path migrations = Path.of(System.getProperty(MigratedDatabaseExtension.MIGRATIONS));
        try (Stream<Path> files = Files.list(migrations)) {
            for (Path file : files.filter(p -> p.toString().endsWith(".sql")).toList()) {
                String resource = "inboop/db/migration/" + file.getFileName();
                try (InputStream shipped = getClass().getClassLoader().getResourceAsStream(resource)) {
                    assertThat(shipped).as(resource).isNotNull();
                    assertThat(shipped.readAllBytes()).as(resource).isEqualTo(Files.readAllBytes(file));
                }
            }
        }
        assertThat(getClass().getClassLoader().getResource("inboop/db/migration/V001__initial_schema.sql")).isNotNull();
        // Not at Flyway's (and Spring Boot's) default, where the backend keeps its own V1..V13.
        assertThat(getClass().getClassLoader().getResource("db/migration/V001__initial_schema.sql")).isNull();
    }
}
