package com.inboop.codegen.postgres;

import com.inboop.codegen.failure.CodegenException;

/** No Postgres could be provisioned with the chosen provider; the message names the cause and the alternatives. */
public class PostgresUnavailableException extends CodegenException {

    private static final long serialVersionUID = 1L;

    public PostgresUnavailableException(String message) {
        super(message);
    }

    public PostgresUnavailableException(String message, Throwable cause) {
        super(message, cause);
    }
}
