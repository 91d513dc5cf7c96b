package com.inboop.db.spring;

import java.util.stream.Collectors;

import javax.sql.DataSource;

import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.FlywayException;
import org.flywaydb.core.api.MigrationInfoService;
import org.flywaydb.core.api.output.ValidateResult;
import org.jooq.SQLDialect;
import org.jooq.impl.DSL;
import org.springframework.beans.factory.InitializingBean;

import com.inboop.db.migration.CompatibilityReport;
import com.inboop.db.migration.SchemaCompatibility;
import com.inboop.db.migration.InboopMigrations;

/**
 * The schema, brought to or checked against what this inboop-db jar needs when the application starts
 * ({@code inboop.db.startup}), before any bean that reads or writes the database is created (the auto-configuration
 * makes JPA's, jOOQ's and the JDBC templates' beans depend on this one). A database that cannot be used stops the
 * start with an {@link InboopDbStartupException} saying what was found and what to do.
 */
public final class SchemaAtStartup implements InitializingBean {

    private final DataSource dataSource;
    private final InboopDbProperties properties;

    public SchemaAtStartup(DataSource dataSource, InboopDbProperties properties) {
        this.dataSource = dataSource;
        this.properties = properties;
    }

    @Override
    public void afterPropertiesSet() {
        if (properties.startup() == InboopDbProperties.Startup.NONE) {
            return;
        }
        // The common case, a database already at this jar's migrations, costs one read of the history table: Flyway
        // (hundreds of milliseconds to load and scan in a new JVM) only runs when there is something to apply or to
        // explain.
        if (!InboopMigrations.isUpToDate(dataSource)) {
            if (properties.startup() == InboopDbProperties.Startup.MIGRATE) {
                migrate();
            }
            checkHistory();
        }
        checkSchema();
    }

    private void migrate() {
        try {
            InboopMigrations.migrate(dataSource);
        } catch (FlywayException e) {
            throw new InboopDbStartupException("applying inboop-db's migrations failed: " + e.getMessage().strip(),
                    "Do what the message above says, then start again. inboop-db never writes the backend's "
                            + "flyway_schema_history, and a failed migration is rolled back or retried by the next "
                            + "start.", e);
        }
    }

    private void checkHistory() {
        Flyway flyway = InboopMigrations.flyway(dataSource);
        MigrationInfoService info = flyway.info();
        if (info.current() == null) {
            throw new InboopDbStartupException("this database has no inboop-db schema yet (no "
                    + InboopMigrations.HISTORY_TABLE + ").", "Set inboop.db.startup=migrate to build it (an empty "
                    + "database) or adopt it (Inboop's database at the backend's V13) when the application starts, "
                    + "or apply the migrations in the deploy step: ./inboop-db migrate --url ... (see inboop-db's "
                    + "README, \"How production runs it\").", null);
        }
        if (info.pending().length > 0) {
            throw new InboopDbStartupException("this database's schema is at V" + info.current().getVersion()
                    + " and this inboop-db jar ships migrations up to V" + info.pending()[info.pending().length - 1]
                    .getVersion() + " (" + info.pending().length + " not applied).", "Apply them: set "
                    + "inboop.db.startup=migrate, or run ./inboop-db migrate in the deploy step.", null);
        }
        ValidateResult validation = flyway.validateWithResult();
        if (!validation.validationSuccessful) {
            throw new InboopDbStartupException("the applied migrations differ from this jar's: "
                    + validation.invalidMigrations.stream().map(m -> "V" + m.version + " " + m.description + ": "
                            + m.errorDetails.errorMessage).collect(Collectors.joining("; ")) + ".",
                    "Deploy the inboop-db jar whose migrations this database has, or fix the history as the message "
                            + "says.", null);
        }
    }

    private void checkSchema() {
        CompatibilityReport report = new SchemaCompatibility(DSL.using(dataSource, SQLDialect.POSTGRES)).check();
        if (!report.compatible()) {
            throw new InboopDbStartupException("this database's schema lacks what the inboop-db jar needs: "
                    + report.describe(),
                    "Apply inboop-db's migrations (inboop.db.startup=migrate, or ./inboop-db migrate), or deploy the "
                            + "jar that matches this database.", null);
        }
    }
}
