package com.inboop.codegen.jooq;

import com.inboop.codegen.failure.CodegenException;

/** jOOQ's generator rejected the configuration or failed while reading the schema or writing classes. */
public class GenerationFailedException extends CodegenException {

    private static final long serialVersionUID = 1L;

    GenerationFailedException(String message, Throwable cause) {
        super(message, cause);
    }
}
