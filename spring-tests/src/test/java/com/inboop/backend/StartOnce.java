package com.inboop.backend;

import java.util.Map;

import org.springframework.context.ConfigurableApplicationContext;

/**
 * One start of the backend in a JVM of its own, as a deploy starts it, for {@link StartupCostBenchmark}: prints how
 * long {@code SpringApplication.run} took, in milliseconds, on the last line of its output, then exits.
 *
 * <p>Arguments: {@code inboop.db.startup} value, JDBC URL, user, password.
 */
public final class StartOnce {

    private StartOnce() {
    }

    public static void main(String[] args) {
        long started = System.nanoTime();
        try (ConfigurableApplicationContext backend = Backends.start(BackendApplication.class, args[1], args[2],
                args[3], Map.of("inboop.db.startup", args[0]))) {
            System.out.println("started-in-ms " + (System.nanoTime() - started) / 1_000_000.0);
        }
        System.exit(0);
    }
}
