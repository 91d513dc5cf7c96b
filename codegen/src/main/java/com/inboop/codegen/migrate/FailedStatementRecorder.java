package com.inboop.codegen.migrate;

import java.util.Optional;

import org.flywaydb.core.api.callback.Context;
import org.flywaydb.core.api.callback.Event;

/**
 * Remembers which script and statement Flyway was running when a migration failed. Flyway's exception types that
 * carry this are internal; its callback API is public, so the location comes from here.
 */
final class FailedStatementRecorder extends MigrationObserver {

    private String script;
    private String statement;

    FailedStatementRecorder() {
        super(Event.AFTER_EACH_MIGRATE_STATEMENT_ERROR, Event.AFTER_EACH_MIGRATE_ERROR);
    }

    @Override
    public void handle(Event event, Context context) {
        if (context.getMigrationInfo() != null) {
            script = context.getMigrationInfo().getScript();
        }
        if (event == Event.AFTER_EACH_MIGRATE_STATEMENT_ERROR && context.getStatement() != null) {
            statement = context.getStatement().getSql();
        }
    }

    /** The failing script's name as Flyway reports it, relative to the location. */
    Optional<String> script() {
        return Optional.ofNullable(script);
    }

    /** The failing statement's SQL as Flyway sent it. */
    Optional<String> statement() {
        return Optional.ofNullable(statement);
    }
}
