package com.inboop.backend;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.junit.jupiter.api.Test;

import com.inboop.codegen.postgres.JdbcTarget;
import com.inboop.codegen.postgres.ThrowawayDatabase;

/**
 * What inboop-db's step adds to a start of the backend, on a database already migrated (production's, adopted): each
 * start in a new JVM, as a deploy starts the application (class loading and all), with {@code inboop.db.startup}
 * none, validate (the default) and migrate, interleaved so that the machine's drift spreads over all three. Not part
 * of the suite:
 *
 * <pre>./mvnw -B -f spring-tests/boot-3.5 test -Dtest=StartupCostBenchmark</pre>
 *
 * (after {@code ./mvnw install -DskipTests}); {@code -Dinboop.benchmark.rounds=N} changes the 15 rounds.
 */
class StartupCostBenchmark {

    private static final List<String> MODES = List.of("none", "validate", "migrate");

    @Test
    void inboopDbsStepOnAMigratedDatabase() throws Exception {
        int rounds = Integer.getInteger("inboop.benchmark.rounds", 15);
        try (ThrowawayDatabase database = Backends.productionAtV13()) {
            JdbcTarget target = database.target();
            start("migrate", target); // adopts; every start below finds nothing to apply
            start("none", target); // the file cache and the JIT-less JVM's first read of the jars, once
            Map<String, List<Double>> millis = new LinkedHashMap<>();
            MODES.forEach(mode -> millis.put(mode, new ArrayList<>()));
            for (int round = 0; round < rounds; round++) {
                for (int i = 0; i < MODES.size(); i++) {
                    String mode = MODES.get((round + i) % MODES.size());
                    millis.get(mode).add(start(mode, target));
                }
            }
            double none = median(millis.get("none"));
            System.out.printf(Locale.ROOT, "Spring Boot %s, %d starts of each, each in a new JVM:%n",
                    System.getProperty("inboop.spring-boot.line", "?"), rounds);
            for (String mode : MODES) {
                List<Double> sorted = millis.get(mode).stream().sorted().toList();
                System.out.printf(Locale.ROOT, "  inboop.db.startup=%-8s median %6.0f ms  (min %6.0f, max %6.0f)"
                                + "  added: %+5.0f ms%n", mode, median(sorted), sorted.get(0),
                        sorted.get(sorted.size() - 1), median(sorted) - none);
            }
            assertThat(millis.values()).allSatisfy(times -> assertThat(times).hasSize(rounds));
        }
    }

    /** One start in a new JVM; its time to a started context, in milliseconds. */
    private static double start(String mode, JdbcTarget target) throws IOException, InterruptedException {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        String classpath = System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
        Process process = new ProcessBuilder(java, "-cp", classpath, "-Dorg.jooq.no-logo=true",
                StartOnce.class.getName(), mode, target.url(), target.user(), target.password())
                .redirectErrorStream(true).start();
        String last = null;
        StringBuilder output = new StringBuilder();
        try (BufferedReader lines = new BufferedReader(new InputStreamReader(process.getInputStream(),
                StandardCharsets.UTF_8))) {
            for (String line = lines.readLine(); line != null; line = lines.readLine()) {
                output.append(line).append('\n');
                if (line.startsWith("TIMING")) System.out.println(mode + " " + line);
                last = line;
            }
        }
        if (process.waitFor() != 0 || last == null || !last.startsWith("started-in-ms ")) {
            throw new IllegalStateException("the backend did not start with inboop.db.startup=" + mode + ":\n"
                    + output);
        }
        return Double.parseDouble(last.substring("started-in-ms ".length()));
    }

    private static double median(List<Double> values) {
        List<Double> sorted = values.stream().sorted().toList();
        int middle = sorted.size() / 2;
        return sorted.size() % 2 == 1 ? sorted.get(middle) : (sorted.get(middle - 1) + sorted.get(middle)) / 2;
    }
}
