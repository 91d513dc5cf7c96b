package com.inboop.codegen.postgres;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * A watchdog outside the JVM for one embedded server, in the manner of Testcontainers' Ryuk: a small shell process
 * in a session (and so a process group) of its own, which waits for the JVM to let go of its standard input and then
 * stops the server of a data directory and removes that directory and its owner file.
 *
 * <p>The JVM lets go in two ways: {@link #close()} after it cleaned up itself (the watchdog then finds nothing and
 * exits), or by dying. A JVM killed with SIGKILL runs no shutdown hook and no {@code finally}, but the kernel closes
 * its end of the pipe all the same, so its server is gone within moments, not at the next run. The watchdog is the
 * JVM's child in its own session: a signal to the build's process group (an IDE stopping a test run) does not reach
 * it, and it does not wait for anything but its input.
 *
 * <p>Where there is no POSIX shell (Windows), there is no watchdog; the next run's leftover sweep
 * ({@link EmbeddedLeftovers}) still removes what a killed run left.
 */
final class Reaper implements AutoCloseable {

    /**
     * $1: the data directory, $2: its owner file. Reads until end of input, then: the postmaster named in
     * postmaster.pid, if it still runs from that directory (pids are reused), gets SIGQUIT (immediate shutdown, which
     * ends its backends too) and, if it lingers, SIGKILL; any other process still working in the directory (a
     * {@code cp} of the template, an initdb) is killed, so that nothing writes into it while it is removed; then the
     * directory goes and, only once it is gone, the owner file (without it, a later run could no longer tell whose
     * the directory was).
     */
    private static final String SCRIPT = """
            while read -r _; do :; done
            pid=$(sed -n 1p "$1/postmaster.pid" 2>/dev/null)
            alive() {
              kill -0 "$pid" 2>/dev/null || return 1
              if [ -r "/proc/$pid/stat" ]; then
                ! sed 's/^.*) //' "/proc/$pid/stat" | grep -q '^Z'
              fi
            }
            ours() {
              if [ -r "/proc/$pid/cmdline" ]; then tr '\\000' ' ' < "/proc/$pid/cmdline"; else ps -o args= -p "$pid"; fi \\
                | grep -qF -- "$1"
            }
            if [ -n "$pid" ] && alive && ours "$1"; then
              kill -QUIT "$pid" 2>/dev/null
              n=0
              while alive && [ "$n" -lt 100 ]; do sleep 0.1; n=$((n + 1)); done
              kill -KILL "$pid" 2>/dev/null
            fi
            others() {
              for proc in /proc/[0-9]*; do
                other=${proc#/proc/}
                [ "$other" = "$$" ] && continue
                case "$(tr '\\000' ' ' < "$proc/cmdline" 2>/dev/null)" in *"$1 "* | *"$1/"*) echo "$other" ;; esac
              done
            }
            n=0
            while [ -e "$1" ] && [ "$n" -lt 50 ]; do
              for other in $(others "$1"); do kill -KILL "$other" 2>/dev/null; done
              rm -rf -- "$1" 2>/dev/null || sleep 0.1
              n=$((n + 1))
            done
            [ -e "$1" ] || rm -f -- "$2"
            """;

    private static final long EXIT_WAIT_SECONDS = 10;

    private final Process process;
    private final OutputStream lifeline;

    private Reaper(Process process) {
        this.process = process;
        // Held for as long as this object lives: closing it (or the JVM's death) is the watchdog's signal.
        this.lifeline = process == null ? null : process.getOutputStream();
    }

    /**
     * Starts a watchdog for the server of {@code dataDirectory} and the directory itself. Never fails: where no
     * watchdog can be started, the returned one does nothing and the next run's sweep remains.
     */
    static Reaper watch(Path dataDirectory, Path ownerFile) {
        if (System.getProperty("os.name", "").startsWith("Windows")) {
            return new Reaper(null);
        }
        List<String> command = new ArrayList<>();
        if (Files.isExecutable(Path.of("/usr/bin/setsid")) || Files.isExecutable(Path.of("/bin/setsid"))) {
            command.add("setsid"); // its own session and process group (it is no group leader, so it does not fork)
        }
        command.addAll(List.of("sh", "-c", SCRIPT, "inboop-reaper", dataDirectory.toAbsolutePath().toString(),
                ownerFile.toAbsolutePath().toString()));
        try {
            Process process = new ProcessBuilder(command)
                    .redirectOutput(ProcessBuilder.Redirect.DISCARD)
                    .redirectError(ProcessBuilder.Redirect.DISCARD)
                    .start();
            return new Reaper(process);
        } catch (IOException e) {
            return new Reaper(null);
        }
    }

    /**
     * Lets the watchdog go and waits for it to finish: it removes whatever of the directory is still there, which
     * after an orderly stop is nothing.
     */
    @Override
    public void close() {
        if (process == null) {
            return;
        }
        try {
            lifeline.close();
        } catch (IOException e) {
            // Already closed: the watchdog has its end of input either way.
        }
        try {
            if (!process.waitFor(EXIT_WAIT_SECONDS, TimeUnit.SECONDS)) {
                process.destroyForcibly();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
