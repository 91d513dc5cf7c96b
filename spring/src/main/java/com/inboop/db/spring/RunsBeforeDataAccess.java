package com.inboop.db.spring;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import org.springframework.beans.factory.BeanFactoryUtils;
import org.springframework.beans.factory.config.BeanDefinition;
import org.springframework.beans.factory.config.BeanFactoryPostProcessor;
import org.springframework.beans.factory.config.ConfigurableListableBeanFactory;
import org.springframework.context.EnvironmentAware;
import org.springframework.core.env.Environment;
import org.springframework.util.ClassUtils;

import com.inboop.db.migration.InboopMigrations;

/**
 * Puts {@link SchemaAtStartup} before every bean that reads or writes the database, and after Spring Boot's own Flyway:
 *
 * <ul>
 *   <li>JPA's entity manager factory (Hibernate validates or updates the schema when it is made), jOOQ's
 *       {@code DSLContext}, and the JDBC templates depend on it, so an {@code ApplicationRunner}, a
 *       {@code @PostConstruct} or Hibernate's {@code ddl-auto} never see a schema before inboop-db has migrated or
 *       checked it;</li>
 *   <li>it depends on Spring Boot's Flyway initializer, which applies the backend's own migrations (V1..V13 in its
 *       {@code db/migration}), so that a database the backend's Flyway brings to V13 is then adopted.</li>
 * </ul>
 *
 * <p>Types are matched by name: the application may have JPA without jOOQ or the other way round, and Spring Boot 3.5
 * and 4.0 keep the Flyway initializer in different packages.
 *
 * <p>Before any bean exists, it also refuses Spring Boot's own Flyway pointed at inboop-db's migrations: that Flyway
 * runs the backend's migrations (its {@code db/migration}, its flyway_schema_history), and on inboop-db's it would
 * run them without the settings they need (its transactional advisory lock blocks the index migrations) and race
 * this starter for their history table.
 */
final class RunsBeforeDataAccess implements BeanFactoryPostProcessor, EnvironmentAware {

    private static final List<String> DATA_ACCESS = List.of(
            "jakarta.persistence.EntityManagerFactory",
            "org.springframework.orm.jpa.AbstractEntityManagerFactoryBean",
            "org.jooq.DSLContext",
            "org.springframework.jdbc.core.JdbcOperations",
            "org.springframework.jdbc.core.namedparam.NamedParameterJdbcOperations");

    private static final List<String> BOOT_FLYWAY = List.of(
            "org.springframework.boot.autoconfigure.flyway.FlywayMigrationInitializer",
            "org.springframework.boot.flyway.autoconfigure.FlywayMigrationInitializer");

    /** The settings of Spring Boot's own Flyway that would point it at inboop-db's migrations. */
    private static final List<String> BOOT_FLYWAY_SETTINGS = List.of("spring.flyway.locations", "spring.flyway.table");

    private final String schemaBean;
    private Environment environment;

    RunsBeforeDataAccess(String schemaBean) {
        this.schemaBean = schemaBean;
    }

    @Override
    public void setEnvironment(Environment environment) {
        this.environment = environment;
    }

    @Override
    public void postProcessBeanFactory(ConfigurableListableBeanFactory beanFactory) {
        refuseBootsFlywayOnInboopDbsMigrations();
        if (!beanFactory.containsBeanDefinition(schemaBean)) {
            return;
        }
        for (String name : beansOf(beanFactory, DATA_ACCESS)) {
            dependOn(beanFactory.getBeanDefinition(name), schemaBean);
        }
        BeanDefinition schema = beanFactory.getBeanDefinition(schemaBean);
        beansOf(beanFactory, BOOT_FLYWAY).forEach(flyway -> dependOn(schema, flyway));
    }

    private void refuseBootsFlywayOnInboopDbsMigrations() {
        for (String setting : BOOT_FLYWAY_SETTINGS) {
            String value = environment == null ? "" : environment.getProperty(setting, "");
            if (value.contains(InboopMigrations.LOCATION.substring("classpath:".length()))
                    || value.contains(InboopMigrations.HISTORY_TABLE)) {
                throw new InboopDbStartupException(setting + "=" + value + " points Spring Boot's own Flyway at "
                        + "inboop-db's migrations, which this starter applies itself, with the settings they need.",
                        "Remove " + setting + " (Spring Boot's Flyway keeps the backend's own migrations in "
                                + "db/migration), and set inboop.db.startup=migrate to apply inboop-db's at startup.",
                        null);
            }
        }
    }

    private List<String> beansOf(ConfigurableListableBeanFactory beanFactory, List<String> typeNames) {
        List<String> names = new ArrayList<>();
        ClassLoader classLoader = beanFactory.getBeanClassLoader();
        for (String typeName : typeNames) {
            if (ClassUtils.isPresent(typeName, classLoader)) {
                Class<?> type = ClassUtils.resolveClassName(typeName, classLoader);
                for (String name : BeanFactoryUtils.beanNamesForTypeIncludingAncestors(beanFactory, type, true,
                        false)) {
                    String definition = BeanFactoryUtils.transformedBeanName(name);
                    if (beanFactory.containsBeanDefinition(definition) && !definition.equals(schemaBean)
                            && !names.contains(definition)) {
                        names.add(definition);
                    }
                }
            }
        }
        return names;
    }

    private static void dependOn(BeanDefinition definition, String bean) {
        List<String> dependsOn = new ArrayList<>(Arrays.asList(
                definition.getDependsOn() == null ? new String[0] : definition.getDependsOn()));
        if (!dependsOn.contains(bean)) {
            dependsOn.add(bean);
            definition.setDependsOn(dependsOn.toArray(String[]::new));
        }
    }
}
