package com.inboop.codegen.cli;

import java.io.PrintStream;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

import com.inboop.codegen.align.Alignment;
import com.inboop.codegen.align.AlignmentReport;
import com.inboop.codegen.align.ProposalWriter;
import com.inboop.codegen.align.SchemaSources;
import com.inboop.codegen.postgres.EphemeralPostgres;
import com.inboop.codegen.postgres.JdbcTarget;
import com.inboop.codegen.postgres.PostgresSettings;
import com.inboop.codegen.toolchain.Toolchain;

/**
 * {@code align (--url URL [--user U] [--password P] | --migrations DIR) [--design FILE] [--out DIR]}: compares a
 * live database (read-only) or what the migrations build with {@code design/target-schema.sql}, reports what is
 * missing and what needs an approved change, and writes proposed migrations to {@code proposed-migrations/}. It
 * never applies anything. Exit 0 when aligned, 1 when something is missing or differs.
 */
final class AlignCommand {

    static final String USAGE_TEXT = """
              align (--url URL [--user U] [--password P] | --migrations DIR) [--design FILE] [--out DIR]
                --url            a live database, read in a read-only session (a role that can only connect will do)
                --migrations     a folder of migrations, applied to a throwaway Postgres
                --design         the target (default design/target-schema.sql)
                --out            where proposals go (default proposed-migrations/; Flyway never reads it)""";

    private AlignCommand() {
    }

    static int run(List<String> args, PrintStream out) {
        Optional<String> url = Optional.empty();
        Optional<Path> migrations = Optional.empty();
        String user = "postgres";
        String password = "";
        Path design = Path.of("design/target-schema.sql");
        Path proposals = Path.of("proposed-migrations");
        Optional<Path> flywayConfig = Optional.empty();
        for (int i = 0; i < args.size(); i++) {
            String arg = args.get(i);
            String value = i + 1 < args.size() ? args.get(i + 1) : null;
            if (value == null) {
                throw new IllegalArgumentException(arg + " needs a value");
            }
            i++;
            switch (arg) {
                case "--url" -> url = Optional.of(value);
                case "--user" -> user = value;
                case "--password" -> password = value;
                case "--migrations" -> migrations = Optional.of(Path.of(value));
                case "--design" -> design = Path.of(value);
                case "--out" -> proposals = Path.of(value);
                case "--flyway-config" -> flywayConfig = Optional.of(Path.of(value));
                default -> throw new IllegalArgumentException("unexpected argument '" + arg + "'");
            }
        }
        if (url.isPresent() == migrations.isPresent()) {
            throw new IllegalArgumentException("align needs exactly one source: --url URL or --migrations DIR");
        }
        try (EphemeralPostgres postgres = PostgresSettings.fromEnvironment(Toolchain.current().postgresImage())
                .start()) {
            SchemaSources.Source source = url.isPresent()
                    ? SchemaSources.live(new JdbcTarget(url.get(), user, password))
                    : SchemaSources.migrations(migrations.get(), InboopDbCli.runner(flywayConfig), postgres);
            AlignmentReport report = Alignment.between(source.catalog(), SchemaSources.design(design, postgres));
            out.println(report.render());
            List<Path> written = ProposalWriter.write(report.proposals(), source.nextVersion(), proposals);
            if (!written.isEmpty()) {
                out.println("proposed " + report.proposals().size() + " migrations in " + proposals
                        + "/ (from V" + String.format("%03d", source.nextVersion()) + "); review them, then move "
                        + "them into migrations/");
            }
            return report.aligned() ? InboopDbCli.CLEAN : InboopDbCli.FAILED;
        }
    }
}
