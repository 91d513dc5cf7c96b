package com.inboop.db.internal.cli;

import java.util.logging.Level;
import java.util.logging.Logger;
import java.util.stream.Collectors;

/**
 * The libraries' own output on a command line: Flyway logs every step at INFO, jOOQ prints its logo; a command
 * prints what it did itself, so they are quiet unless {@code --verbose}. Set through slf4j-simple's and jOOQ's system
 * properties before either library logs anything (the command's first step).
 */
final class LibraryLogging {

    /**
     * Flyway logs through java.util.logging when slf4j's API is not on the class path (the jar's lib/ has none); JUL
     * keeps loggers weakly, so the one whose level is set is held here.
     */
    private static final Logger FLYWAY = Logger.getLogger("org.flywaydb");

    private LibraryLogging() {
    }

    static void configure(boolean verbose) {
        FLYWAY.setLevel(verbose ? Level.INFO : Level.SEVERE);
        System.setProperty("org.slf4j.simpleLogger.defaultLogLevel", verbose ? "info" : "warn");
        System.setProperty("org.slf4j.simpleLogger.log.org.flywaydb", verbose ? "info" : "error");
        System.setProperty("org.jooq.no-logo", "true");
        System.setProperty("org.jooq.no-tips", "true");
    }

    /**
     * {@code message} without Flyway's advice for Flyway's own command line, which this is not: to run it with
     * {@code -X} ({@code --verbose} is the option here), or to set {@code -ignoreMigrationPatterns} (and its
     * advertisement for it).
     */
    static String withoutFlywayAdvice(String message) {
        return message.lines().filter(line -> !line.contains("with -X") && !line.contains("-X option")
                        && !line.startsWith("To fix this error, either run migrate, or set -ignoreMigrationPatterns")
                        && !line.startsWith("Need more flexibility with validation rules?"))
                .collect(Collectors.joining("\n"));
    }
}
