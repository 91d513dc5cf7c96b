package com.inboop.db.migration;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.function.BooleanSupplier;

/** Waiting for what a killed process or a crashed server leaves behind to settle, within a minute. */
final class Eventually {

    private Eventually() {
    }

    /** Polls {@code condition} every few milliseconds; fails the test after 60 s. */
    static void awaitUntil(BooleanSupplier condition) throws InterruptedException {
        Instant deadline = Instant.now().plus(Duration.ofSeconds(60));
        while (!condition.getAsBoolean()) {
            assertThat(Instant.now()).as("waited 60 s").isBefore(deadline);
            Thread.sleep(2);
        }
    }
}
