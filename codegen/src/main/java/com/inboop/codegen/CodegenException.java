package com.inboop.codegen;

/**
 * Root of the build helper's exceptions. Every message says what happened, where, and what to do about it, so the
 * build can print it as it is.
 */
public class CodegenException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public CodegenException(String message) {
        super(message);
    }

    public CodegenException(String message, Throwable cause) {
        super(message, cause);
    }
}
