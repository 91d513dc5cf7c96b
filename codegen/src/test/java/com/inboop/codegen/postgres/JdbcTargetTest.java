package com.inboop.codegen.postgres;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class JdbcTargetTest {

    @Test
    void swapsTheDatabaseKeepingHostAndParameters() {
        JdbcTarget target = new JdbcTarget("jdbc:postgresql://db:5432/postgres?ssl=true", "u", "p");

        assertThat(target.withDatabase("inboop_x").url()).isEqualTo("jdbc:postgresql://db:5432/inboop_x?ssl=true");
        assertThat(target.database()).isEqualTo("postgres");
    }

    @Test
    void hidesThePasswordInToString() {
        assertThat(new JdbcTarget("jdbc:postgresql://db/x", "u", "hunter2").toString()).doesNotContain("hunter2");
    }

    @Test
    void rejectsUrlWithoutDatabaseShowingTheExpectedForm() {
        assertThatThrownBy(() -> new JdbcTarget("jdbc:postgresql://db:5432", "u", "p").database())
                .hasMessageContaining("jdbc:postgresql://db:5432")
                .hasMessageContaining("jdbc:postgresql://host:port/database");
    }
}
