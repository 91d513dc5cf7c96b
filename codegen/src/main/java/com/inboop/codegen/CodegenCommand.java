package com.inboop.codegen;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import com.inboop.codegen.failure.CodegenException;
import com.inboop.codegen.postgres.PostgresSettings;
import com.inboop.codegen.toolchain.Toolchain;

/**
 * Command-line entry point of the codegen step, as the db module's build runs it:
 * {@code --migrations DIR --flyway-config FILE --jooq-config FILE --output DIR}. {@code -Dinboop.codegen.force=true}
 * regenerates even when nothing changed; {@code -Dinboop.postgres=...} picks the Postgres provider.
 *
 * <p>It runs inside Maven's JVM, so it reports failure by throwing, never by {@code System.exit}.
 */
public final class CodegenCommand {

    static final String FORCE = "inboop.codegen.force";
    private static final List<String> OPTIONS = List.of("--migrations", "--flyway-config", "--jooq-config", "--output");

    private CodegenCommand() {
    }

    public static void main(String[] args) {
        SchemaCodegen codegen = parse(args);
        SchemaCodegen.Outcome outcome;
        try {
            outcome = codegen.run(Boolean.getBoolean(FORCE),
                    PostgresSettings.fromEnvironment(Toolchain.current().postgresImage()));
        } catch (CodegenException e) {
            if (Boolean.getBoolean(BuildFailedException.STACK_TRACES)) {
                throw e;
            }
            // The message is the whole story; Maven would print the frames and every cause's message after it.
            throw new BuildFailedException(e.getMessage());
        }
        for (String line : outcome.guard().render(false).split("\n")) {
            System.out.println("[inboop-codegen] " + line);
        }
        System.out.println("[inboop-codegen] " + outcome.summary());
    }

    static SchemaCodegen parse(String[] args) {
        Map<String, Path> values = new HashMap<>();
        for (int i = 0; i < args.length; i++) {
            if (!OPTIONS.contains(args[i])) {
                throw usage("unknown argument '" + args[i] + "'");
            }
            if (i + 1 >= args.length) {
                throw usage(args[i] + " needs a value");
            }
            values.put(args[i], Path.of(args[++i]));
        }
        for (String option : OPTIONS) {
            if (!values.containsKey(option)) {
                throw usage("missing " + option);
            }
        }
        return new SchemaCodegen(values.get("--migrations"), values.get("--flyway-config"),
                values.get("--jooq-config"), values.get("--output"));
    }

    private static IllegalArgumentException usage(String problem) {
        return new IllegalArgumentException("inboop-codegen: " + problem + ". Usage: --migrations DIR "
                + "--flyway-config FILE --jooq-config FILE --output DIR");
    }
}
