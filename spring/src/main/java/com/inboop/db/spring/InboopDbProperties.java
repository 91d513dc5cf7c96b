package com.inboop.db.spring;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * inboop-db's settings in a Spring Boot application ({@code inboop.db.*}).
 *
 * @param startup what happens to the schema when the application starts, before JPA, jOOQ or any JDBC template
 *                touches the database
 */
@ConfigurationProperties("inboop.db")
public record InboopDbProperties(@DefaultValue("validate") Startup startup) {

    public InboopDbProperties {
        startup = startup == null ? Startup.VALIDATE : startup;
    }

    /** What the application does with the schema at startup. */
    public enum Startup {
        /**
         * Apply inboop-db's migrations (build an empty database, adopt the backend's at V13, add what is new), then
         * check the schema as {@link #VALIDATE} does. For development databases, and for a production whose
         * migrations run with the application rather than in a deploy step.
         */
        MIGRATE,
        /**
         * The default: change nothing, and refuse to start unless the database holds the schema this inboop-db jar
         * needs (migrations applied by a deploy step, {@code ./inboop-db migrate}).
         */
        VALIDATE,
        /** Neither migrate nor check. */
        NONE
    }
}
