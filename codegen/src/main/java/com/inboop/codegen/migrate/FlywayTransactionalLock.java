package com.inboop.codegen.migrate;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.util.Map;

import org.flywaydb.core.api.configuration.FluentConfiguration;
import org.flywaydb.database.postgresql.PostgreSQLConfigurationExtension;

import com.inboop.codegen.failure.CodegenException;

/**
 * Flyway's PostgreSQL setting {@code flyway.postgresql.transactional.lock}, set the way the Flyway on the classpath
 * takes it: the helper runs with inboop-db's Flyway (13) and, under {@code -Plowest-versions}, with the lowest one a
 * Spring Boot backend brings (11.7). From 11.8 on, {@code FluentConfiguration.getConfigurationExtension(Class)} hands
 * out the plugin's settings (and the properties route needs a Jackson that Flyway 12 moved to version 3); before,
 * that method is missing and only the properties route exists. The artifact has the same class for the same reason
 * ({@code com.inboop.db.migration.TransactionalLock}): the helper cannot depend on it.
 */
final class FlywayTransactionalLock {

    private static final String PROPERTY = "flyway.postgresql.transactional.lock";

    private FlywayTransactionalLock() {
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
            throw new CodegenException("Could not set " + PROPERTY + " through Flyway's configuration extension: "
                    + e.getMessage() + ". Use a Flyway version between 11.7 and 13.x.", e);
        }
    }
}
