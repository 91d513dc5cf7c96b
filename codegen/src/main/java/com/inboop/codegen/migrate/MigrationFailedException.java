package com.inboop.codegen.migrate;

import java.nio.file.Path;
import java.util.Optional;

import com.inboop.codegen.failure.CodegenException;

/**
 * A migration failed to apply. Carries where: the script, and the line and column of the failing statement when
 * Postgres said which statement failed.
 */
public class MigrationFailedException extends CodegenException {

    private static final long serialVersionUID = 1L;

    private final transient Path script;
    private final int line;
    private final int column;

    MigrationFailedException(String message, Path script, int line, int column, Throwable cause) {
        super(message, cause);
        this.script = script;
        this.line = line;
        this.column = column;
    }

    /** The migration file that failed, if Flyway said which. */
    public Optional<Path> script() {
        return Optional.ofNullable(script);
    }

    /** 1-based line of the failing statement in {@link #script()}, or 0 if unknown. */
    public int line() {
        return line;
    }

    /** 1-based column of the error in that line, or 0 if unknown. */
    public int column() {
        return column;
    }
}
