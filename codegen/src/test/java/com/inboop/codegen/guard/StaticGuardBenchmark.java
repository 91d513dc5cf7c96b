package com.inboop.codegen.guard;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.inboop.codegen.Fixtures;
import com.inboop.codegen.guard.lock.LockCheck;

/**
 * Benchmark, not part of the test suite: the static layer on 100 migrations (the project's own, then generated
 * ALTER TABLE migrations up to V100), recorded in a lock, checked 20 times; prints the fastest and median run.
 *
 * <pre>./mvnw -B -pl codegen verify -Dtest=StaticGuardBenchmark -Dsurefire.failIfNoSpecifiedTests=false</pre>
 */
class StaticGuardBenchmark {

    @TempDir
    Path folder;

    @Test
    void hundredMigrations() throws IOException {
        int version = 0;
        try (Stream<Path> own = Files.list(Fixtures.projectMigrations())) {
            for (Path file : own.filter(p -> !p.getFileName().toString().equals("migrations.lock")).sorted().toList()) {
                Files.copy(file, folder.resolve(file.getFileName()));
                if (file.getFileName().toString().endsWith(".sql") && file.getFileName().toString().startsWith("V")) {
                    version++;
                }
            }
        }
        while (version < 100) {
            version++;
            Files.writeString(folder.resolve(String.format("V%03d__add_extra_%d_to_orders.sql", version, version)),
                    "-- generated for the benchmark\nALTER TABLE orders ADD COLUMN IF NOT EXISTS extra_" + version
                            + " text;\n");
        }
        MigrationGuard guard = new MigrationGuard(folder, LockCheck.Mode.RECORD);
        guard.checkStatic().recordInLock();
        long[] millis = new long[20];
        for (int i = 0; i < millis.length; i++) {
            long start = System.nanoTime();
            GuardReport report = guard.checkStatic().report();
            millis[i] = (System.nanoTime() - start) / 1_000_000;
            if (report.hasErrors()) {
                throw new AssertionError(report.render(false));
            }
        }
        Arrays.sort(millis);
        System.out.printf("static layer, %d migrations: fastest %d ms, median %d ms, slowest %d ms (first run "
                + "includes class loading)%n", version, millis[0], millis[millis.length / 2], millis[millis.length - 1]);
    }
}
