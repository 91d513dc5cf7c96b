package com.inboop.backend;

import java.util.List;

import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/** An application runner, the obvious place for startup work: what tables it finds. */
@Component
public class SchemaSeenAtStartup implements ApplicationRunner {

    private final JdbcTemplate jdbc;
    private volatile List<String> tables = List.of();

    public SchemaSeenAtStartup(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public void run(ApplicationArguments args) {
        tables = jdbc.queryForList("SELECT tablename FROM pg_tables WHERE schemaname = 'public' ORDER BY 1",
                String.class);
    }

    /** The tables the runner found. */
    public List<String> tables() {
        return tables;
    }
}
