package com.inboop.codegen.diff;

import com.inboop.codegen.failure.CodegenException;

/**
 * A point of a diff could not be built because one of its migrations failed to apply: no comparison is possible,
 * which is not the same as a breaking change. The message names the migration where its source keeps it.
 */
public final class MigrationNotAppliedException extends CodegenException {

    private static final long serialVersionUID = 1L;

    public MigrationNotAppliedException(String message, Throwable cause) {
        super(message, cause);
    }
}
