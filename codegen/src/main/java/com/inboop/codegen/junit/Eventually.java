package com.inboop.codegen.junit;

import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;

/**
 * Waiting in tests for a state that another process brings about (a killed build's watchdog, a crashed server's
 * backends exiting): the test asserts the state, not how soon it came. The minute is a hang guard, far beyond what
 * any of these states takes on a loaded machine.
 */
public final class Eventually {

    private static final long LIMIT_SECONDS = 60;

    private Eventually() {
    }

    /**
     * Polls {@code condition} every few milliseconds until it holds.
     *
     * @throws AssertionError if it still does not hold after a minute
     */
    public static void awaitUntil(BooleanSupplier condition) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(LIMIT_SECONDS);
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() - deadline > 0) {
                throw new AssertionError("waited " + LIMIT_SECONDS + " s for a state that never came");
            }
            Thread.sleep(5);
        }
    }
}
