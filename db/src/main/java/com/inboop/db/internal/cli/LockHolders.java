package com.inboop.db.internal.cli;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import com.inboop.db.migration.InboopMigrations;

/**
 * What a migration that hit {@code lock_timeout} was waiting for: the other sessions of its database whose
 * transactions had been open longer than the timeout when it failed, the only ones that can have held the lock that
 * long. Read on a connection of its own, right after the failure, for the message.
 */
final class LockHolders {

    /** SQLSTATE of a lock_timeout (lock_not_available). */
    static final String LOCK_NOT_AVAILABLE = "55P03";

    private static final String OLD_TRANSACTIONS = """
            SELECT pid, coalesce(usename, '?'), coalesce(state, '?'),
                   extract(epoch FROM now() - xact_start)::int,
                   left(regexp_replace(coalesce(query, ''), '\\s+', ' ', 'g'), 80)
              FROM pg_stat_activity
             WHERE datname = current_database() AND pid <> pg_backend_pid() AND xact_start IS NOT NULL
               AND now() - xact_start > current_setting('lock_timeout')::interval
             ORDER BY xact_start""";

    private LockHolders() {
    }

    /** True if {@code failure} was caused, at any depth, by a lock_timeout. */
    static boolean causedByLockTimeout(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof SQLException sql && LOCK_NOT_AVAILABLE.equals(sql.getSQLState())) {
                return true;
            }
        }
        return false;
    }

    /**
     * The sessions that may have held the lock, one line each ({@code pid 4242 (inboop, idle in transaction, open
     * 40 s): UPDATE leads ...}); empty if there are none any more or they cannot be read.
     */
    static List<String> describe(String url, String user, String password) {
        List<String> holders = new ArrayList<>();
        try (Connection connection = DriverManager.getConnection(url, user, Optional.ofNullable(password).orElse(""))) {
            try (Statement session = connection.createStatement()) {
                // The migrations' own session settings, so "older than lock_timeout" means the timeout that fired.
                session.execute(beforeEachMigrate());
            }
            try (PreparedStatement statement = connection.prepareStatement(OLD_TRANSACTIONS);
                 ResultSet rs = statement.executeQuery()) {
                while (rs.next()) {
                    holders.add("pid " + rs.getInt(1) + " (" + rs.getString(2) + ", " + rs.getString(3) + ", open "
                            + rs.getInt(4) + " s): " + rs.getString(5));
                }
            }
        } catch (SQLException | IOException e) {
            holders.add("(could not read pg_stat_activity: " + e.getMessage() + ")");
        }
        return holders;
    }

    /** The Flyway callback that runs before every migration, as this jar ships it. */
    private static String beforeEachMigrate() throws IOException {
        String resource = InboopMigrations.LOCATION.substring("classpath:".length()) + "/beforeEachMigrate.sql";
        try (InputStream in = LockHolders.class.getClassLoader().getResourceAsStream(resource)) {
            if (in == null) {
                throw new IOException(resource + " is missing from the classpath");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}
