package com.inboop.codegen.concurrent;

import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.function.Supplier;

/**
 * A value computed on a daemon thread of its own while the caller does something else: loading a library's classes
 * while a server starts, starting a server while the migrations are read. The value's failure is rethrown by
 * {@link #join()} as it was thrown, not wrapped.
 *
 * @param <T> the value
 */
public final class Background<T> {

    private final CompletableFuture<T> value;

    private Background(CompletableFuture<T> value) {
        this.value = value;
    }

    /** Starts computing {@code work} on a new daemon thread named {@code threadName}. */
    public static <T> Background<T> start(String threadName, Supplier<T> work) {
        return new Background<>(CompletableFuture.supplyAsync(work, runnable -> {
            Thread thread = new Thread(runnable, threadName);
            thread.setDaemon(true);
            thread.start();
        }));
    }

    /** Waits for the value; an unchecked failure of the work is rethrown unwrapped. */
    public T join() {
        try {
            return value.join();
        } catch (CompletionException | CancellationException e) {
            if (e.getCause() instanceof RuntimeException cause) {
                throw cause;
            }
            if (e.getCause() instanceof Error error) {
                throw error;
            }
            throw e;
        }
    }
}
