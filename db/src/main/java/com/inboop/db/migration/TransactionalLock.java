package com.inboop.db.migration;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.util.Map;

import org.flywaydb.core.api.configuration.FluentConfiguration;
import org.flywaydb.database.postgresql.PostgreSQLConfigurationExtension;

import com.inboop.db.InboopDbException;

/**
 * Flyway's PostgreSQL setting {@code flyway.postgresql.transactional.lock}, set the way the Flyway on the classpath
 * takes it. inboop-db runs under the Flyway its consumer's dependency management picks (Spring Boot 3.5: 11.7;
 * Spring Boot 4.0: 11.14; inboop-db's own: 13.12), and they differ here, so the difference lives in this class alone:
 *
 * <ul>
 *   <li>from 11.8 on, {@code FluentConfiguration.getConfigurationExtension(Class)} hands out the plugin's settings,
 *       and plugin settings given as properties would need the Jackson that Flyway no longer ships;</li>
 *   <li>before, that method is missing, and Flyway maps plugin properties itself (with the Jackson it then depends
 *       on).</li>
 * </ul>
 */
final class TransactionalLock {

    private static final String PROPERTY = "flyway.postgresql.transactional.lock";

    private TransactionalLock() {
    }

    /** Sets the setting on {@code configuration} to {@code enabled}. */
    static void set(FluentConfiguration configuration, boolean enabled) {
        Method extension;
        try {
            extension = FluentConfiguration.class.getMethod("getConfigurationExtension", Class.class);
        } catch (NoSuchMethodException olderFlyway) {
            configuration.configuration(Map.of(PROPERTY, Boolean.toString(enabled)));
            return;
        }
        try {
            ((PostgreSQLConfigurationExtension) extension.invoke(configuration, PostgreSQLConfigurationExtension.class))
                    .setTransactionalLock(enabled);
        } catch (IllegalAccessException | InvocationTargetException e) {
            throw new InboopDbException("Could not set " + PROPERTY + " through Flyway's configuration extension: "
                    + e.getMessage() + ". Use a Flyway version between 11.7 and 13.x.", e);
        }
    }
}
