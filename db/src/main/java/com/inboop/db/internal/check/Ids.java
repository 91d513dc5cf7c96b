package com.inboop.db.internal.check;

import com.inboop.db.InvalidRequestException;

/** Validation of the ids every entry point takes, before any SQL runs. */
public final class Ids {

    private Ids() {
    }

    /**
     * Returns {@code id} if it is a possible row id (positive).
     *
     * @throws InvalidRequestException naming {@code argument} otherwise
     */
    public static long require(String argument, long id) {
        if (id <= 0) {
            throw new InvalidRequestException(argument, "must be a positive id, was " + id);
        }
        return id;
    }
}
