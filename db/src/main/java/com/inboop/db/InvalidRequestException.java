package com.inboop.db;

/**
 * An argument was rejected before any SQL ran: the message names the argument, what was wrong with it, and what is
 * accepted.
 */
public class InvalidRequestException extends InboopDbException {

    private static final long serialVersionUID = 1L;

    private final String argument;
    private final String problem;

    public InvalidRequestException(String argument, String problem) {
        super(argument + ": " + problem);
        this.argument = argument;
        this.problem = problem;
    }

    /** The name of the rejected argument, e.g. {@code cursor} or {@code limit}. */
    public String argument() {
        return argument;
    }

    /** What was wrong with it and what is accepted: the message without the argument's name. */
    public String problem() {
        return problem;
    }
}
