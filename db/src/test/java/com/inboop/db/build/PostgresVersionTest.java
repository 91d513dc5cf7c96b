package com.inboop.db.build;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import com.inboop.codegen.SchemaCodegen;
import com.inboop.codegen.toolchain.Toolchain;
import com.inboop.codegen.junit.MigratedDatabaseExtension;
import com.inboop.codegen.junit.TestDatabase;

/**
 * The PostgreSQL the build generated the classes on, and the one the tests run on, are the pinned one
 * ({@code postgres.binaries.version} in the parent POM), as the servers themselves report it: a stale binaries jar on
 * one classpath would otherwise generate against another major version while printing the pinned one.
 */
@ExtendWith(MigratedDatabaseExtension.class)
class PostgresVersionTest {

    /** "17.6" of "17.6.0": what {@code server_version} reports for the pinned binaries. */
    private static String pinnedMajorMinor() {
        String pinned = Toolchain.current().postgresVersion();
        return pinned.substring(0, pinned.lastIndexOf('.'));
    }

    @Test
    void theBuildGeneratedTheClassesOnThePinnedPostgres() throws IOException {
        String server = Files.readString(Path.of("target/generated-sources/jooq", SchemaCodegen.SERVER_FILE),
                StandardCharsets.UTF_8).strip();
        assumeTrue(server.startsWith("embedded"), "the build generated on " + server + ", not the embedded binaries");

        assertThat(server).isEqualTo("embedded PostgreSQL " + pinnedMajorMinor());
    }

    @Test
    void theTestsRunOnThePinnedPostgres(TestDatabase database) throws SQLException {
        try (Connection connection = database.connect(); Statement statement = connection.createStatement();
             ResultSet rs = statement.executeQuery("SHOW server_version")) {
            rs.next();
            assumeTrue(System.getProperty("inboop.postgres", "embedded").equals("embedded"), "not the embedded server");
            assertThat(rs.getString(1)).isEqualTo(pinnedMajorMinor());
        }
    }
}
