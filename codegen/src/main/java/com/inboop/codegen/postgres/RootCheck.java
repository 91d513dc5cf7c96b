package com.inboop.codegen.postgres;

import java.io.IOException;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;

/**
 * PostgreSQL will not run as root. As root, the helper runs it in {@code unshare -U}; this check finds out up front
 * whether that can work, so a root build without user namespaces fails in milliseconds with a way out.
 */
final class RootCheck {

    private RootCheck() {
    }

    static void requireRunnable(long uid, BooleanSupplier userNamespacesWork) {
        if (uid == 0 && !userNamespacesWork.getAsBoolean()) {
            throw new PostgresUnavailableException("""
                    Embedded PostgreSQL cannot run here: the build runs as root (uid 0), PostgreSQL refuses to run \
                    as root, and user namespaces are unavailable (`unshare -U true` failed), so it cannot be started \
                    as an unprivileged user either.
                    Do one of:
                      - build as a non-root user;
                      - allow user namespaces (sysctl user.max_user_namespaces=15000, or on Debian/Ubuntu \
                    kernel.unprivileged_userns_clone=1; in a container, run it with user namespaces allowed);
                      - use an existing server: -Dinboop.postgres=server -Dinboop.postgres.url=jdbc:postgresql://HOST:5432/postgres \
                    -Dinboop.postgres.user=USER -Dinboop.postgres.password=PASSWORD (or PGHOST/PGPORT/PGUSER/PGPASSWORD);
                      - use Docker: -Dinboop.postgres=container""");
        }
    }

    /** The process's user id; -1 where there are no Unix user ids (Windows), where the check does not apply. */
    static long currentUid() {
        if (System.getProperty("os.name", "").startsWith("Windows")) {
            return -1;
        }
        return new com.sun.security.auth.module.UnixSystem().getUid();
    }

    static boolean userNamespacesWork() {
        try {
            Process process = new ProcessBuilder("unshare", "-U", "true")
                    .redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.DISCARD)
                    .start();
            if (!process.waitFor(10, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                return false;
            }
            return process.exitValue() == 0;
        } catch (IOException e) {
            return false; // no unshare binary: user namespaces cannot be used
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new PostgresUnavailableException("Interrupted while checking for user namespaces", e);
        }
    }
}
