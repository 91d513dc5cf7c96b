package com.inboop.codegen.cli;

import java.io.PrintStream;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import com.inboop.codegen.align.Alignment;
import com.inboop.codegen.align.AlignmentReport;
import com.inboop.codegen.align.ProposalWriter;
import com.inboop.codegen.align.SchemaSources;
import com.inboop.codegen.postgres.EphemeralPostgres;
import com.inboop.codegen.postgres.JdbcTarget;
import com.inboop.codegen.postgres.PostgresSettings;
import com.inboop.codegen.toolchain.Toolchain;

/**
 * {@code align (--url URL [--user U] [--password-file F] | --migrations DIR) [--design FILE] [--out DIR]}: compares a
 * live database (read-only) or what the migrations build with {@code design/target-schema.sql}, reports what is
 * missing and what needs an approved change, and writes proposed migrations to {@code proposed-migrations/}. It
 * never applies anything. Exit 0 when aligned, 1 when something is missing or differs.
 */
final class AlignCommand {

    static final String USAGE_TEXT = """
              align (--url URL [--user U] [--password-file F] | --migrations DIR) [--design FILE] [--out DIR]
                --url            a live database, read in a read-only session (a role that can only connect will do);
                                 no password in it: the password comes from --password-file F, INBOOP_DB_PASSWORD
                                 or PGPASSWORD
                --migrations     a folder of migrations, applied to a throwaway Postgres
                --design         the target (default design/target-schema.sql)
                --out            where proposals go (default proposed-migrations/; Flyway never reads it)""";

    private AlignCommand() {
    }

    static int run(List<String> args, PrintStream out, java.util.Map<String, String> environment) {
        CommandLine line = CommandLine.parse(args, Set.of(), Set.of("--url", "--user", "--password-file",
                "--migrations", "--design", "--out", "--flyway-config"), 0);
        Optional<String> url = line.value("--url");
        Optional<Path> migrations = line.path("--migrations");
        String user = line.value("--user").orElse("postgres");
        Path design = line.path("--design").orElse(Path.of("design/target-schema.sql"));
        Path proposals = line.path("--out").orElse(Path.of("proposed-migrations"));
        Optional<Path> flywayConfig = line.path("--flyway-config");
        if (url.isPresent() && Redaction.carriesPassword(url.get())) {
            throw new IllegalArgumentException("--url carries a password, which the command line shows to every user "
                    + "of this machine (ps): remove it from the URL and set INBOOP_DB_PASSWORD (or PGPASSWORD), or "
                    + "pass --password-file FILE");
        }
        String password = line.path("--password-file").map(Redaction::readPassword)
                .orElseGet(() -> environment.getOrDefault("INBOOP_DB_PASSWORD",
                        environment.getOrDefault("PGPASSWORD", "")));
        if (url.isPresent() == migrations.isPresent()) {
            throw new IllegalArgumentException("align needs exactly one source: --url URL or --migrations DIR");
        }
        try (EphemeralPostgres postgres = PostgresSettings.fromEnvironment(Toolchain.current().postgresImage())
                .start()) {
            SchemaSources.Source source = url.isPresent()
                    ? SchemaSources.live(new JdbcTarget(url.get(), user, password))
                    : SchemaSources.migrations(migrations.get(), InboopDbCli.runner(flywayConfig,
                            migrations), postgres);
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
