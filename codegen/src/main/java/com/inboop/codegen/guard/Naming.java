package com.inboop.codegen.guard;

/**
 * Which file names the guard accepts without an IB101 finding. Naming is a finding, never a gate: whatever its name,
 * every {@code .sql} file in the folder is read and checked.
 */
public enum Naming {
    /** This repository's pattern, {@code V<3+ digits>__<lower_snake_description>.sql}, versions contiguous. */
    HOUSE,
    /**
     * Anything Flyway applies as a versioned migration ({@code V1__}, {@code V13.1__}, {@code V3_2_0__}, any
     * description), versions unique but not necessarily contiguous: for checking someone else's history.
     */
    FLYWAY;

    /** Parses a command-line value: {@code house} or {@code flyway}. */
    public static Naming parse(String value) {
        return switch (value) {
            case "house" -> HOUSE;
            case "flyway" -> FLYWAY;
            default -> throw new IllegalArgumentException("--naming takes house or flyway, not '" + value + "'");
        };
    }
}
