package com.inboop.codegen.postgres;

import java.nio.file.Path;
import java.util.List;

/** Finds running processes by what their command line mentions, to prove a server was really stopped. */
public final class PostgresProcesses {

    private PostgresProcesses() {
    }

    /** Live processes whose command line contains {@code directory} (a data directory, or its parent). */
    public static List<String> using(Path directory) {
        String needle = directory.toAbsolutePath().toString();
        return ProcessHandle.allProcesses()
                .filter(ProcessHandle::isAlive)
                .map(p -> p.info().commandLine().orElse(""))
                .filter(commandLine -> commandLine.contains(needle))
                .toList();
    }

    /** Settings for an embedded server whose data directories go under {@code directory}. */
    public static PostgresSettings embeddedIn(Path directory) {
        return new PostgresSettings(PostgresProvider.EMBEDDED, java.util.Optional.empty(), "postgres", "",
                "postgres:17", directory);
    }
}
