package com.inboop.codegen.migrate;

import org.flywaydb.core.api.logging.Log;
import org.flywaydb.core.api.logging.LogCreator;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Flyway's log for the build helper: warnings and errors only, through SLF4J. Applying 40-odd migrations to a
 * throwaway database on every codegen run would otherwise print a line each, while the helper prints its own
 * summary; Flyway's own Maven plugin ({@code ./mvnw -pl db flyway:info}) keeps its full output.
 */
public final class QuietFlywayLog implements LogCreator {

    @Override
    public Log createLogger(Class<?> clazz) {
        Logger logger = LoggerFactory.getLogger(clazz);
        return new Log() {
            // Abstract in Flyway 11, a default in 13: implemented for both.
            @Override
            public boolean isDebugEnabled() {
                return false;
            }

            @Override
            public void debug(String message) {
                // deliberately dropped: see the class comment
            }

            @Override
            public void info(String message) {
                // deliberately dropped: see the class comment
            }

            @Override
            public void notice(String message) {
                // deliberately dropped: see the class comment
            }

            @Override
            public void warn(String message) {
                logger.warn(message);
            }

            @Override
            public void error(String message) {
                logger.error(message);
            }

            @Override
            public void error(String message, Exception e) {
                logger.error(message, e);
            }
        };
    }
}
