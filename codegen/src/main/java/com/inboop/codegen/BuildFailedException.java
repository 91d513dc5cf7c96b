package com.inboop.codegen;

import com.inboop.codegen.failure.CodegenException;

/**
 * What the codegen step throws to end a build: only the message, which already says what happened, where and what to
 * do. No stack trace and no cause, since Maven prints both and they bury the message under a hundred lines of frames
 * that help no one fix a migration. The full exception is still one {@code -Dinboop.codegen.stackTraces=true} away.
 */
public final class BuildFailedException extends CodegenException {

    private static final long serialVersionUID = 1L;

    /** System property: keep the original exception, stack trace and all, for debugging the build helper itself. */
    public static final String STACK_TRACES = "inboop.codegen.stackTraces";

    public BuildFailedException(String message) {
        super(message);
    }

    @Override
    public synchronized Throwable fillInStackTrace() {
        return this;
    }
}
