package com.inboop.codegen;

import java.nio.file.Path;
import java.util.Optional;

import com.inboop.codegen.guard.lock.LockCheck;
import com.inboop.codegen.postgres.PostgresProcesses;
import com.inboop.codegen.postgres.PostgresProvider;
import com.inboop.codegen.postgres.PostgresSettings;

/**
 * A build to kill: runs the codegen step as the db module's build does, in a JVM of its own, so that
 * {@link FaultInjectionTest} can kill it (or its server) at a chosen point. Arguments: {@code embedded PARENT} or
 * {@code server URL}, then the migrations folder, the Flyway settings, the jOOQ settings and the output folder.
 * Prints {@code DONE} when it finished; exits 1 with the failure's message if it failed.
 */
public final class RunsCodegen {

    private RunsCodegen() {
    }

    public static void main(String[] args) {
        PostgresSettings settings = args[0].equals("embedded") ? PostgresProcesses.embeddedIn(Path.of(args[1]))
                : new PostgresSettings(PostgresProvider.SERVER, Optional.of(args[1]), "postgres", "", "unused",
                Path.of("unused"));
        try {
            new SchemaCodegen(Path.of(args[2]), Path.of(args[3]), Path.of(args[4]), Path.of(args[5]))
                    .run(false, settings, LockCheck.Mode.RECORD);
            System.out.println("DONE");
        } catch (RuntimeException e) {
            System.err.println("FAILED " + e.getMessage());
            System.exit(1);
        }
    }
}
