package com.inboop.db.replica;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;

import javax.sql.DataSource;

/**
 * Production-sized data for the benchmarks, written only into the backend's V13 columns and with no trigger firing,
 * as production holds it before inboop-db's migrations: it fits a replica before adoption as well as a migrated
 * database, where it stands for the rows nobody wrote since the triggers exist (typed columns NULL, businesses
 * unplaced, until V040 or the jobs run). 100 owners, each owning one workspace and one business (workspace_id NULL,
 * as the backend leaves it); {@code n} conversations spread evenly over the businesses, on three channels (MESSENGER
 * included), with legacy intent labels; {@code messagesPerConversation} messages each; n/5 leads and n/10 orders with
 * every legacy status; and 200,000 contacts whose Instagram handle matches the conversations' customers.
 */
public final class ProductionScale {

    private static final int BUSINESSES = 100;
    private static final int CUSTOMERS = 200_000;

    private ProductionScale() {
    }

    /** Seeds the data and runs VACUUM ANALYZE; prints what it made and how long it took. */
    public static void seed(DataSource dataSource, int n, int messagesPerConversation) throws SQLException {
        long start = System.nanoTime();
        try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement()) {
            // As production holds them before inboop-db's triggers exist: on a migrated database, no trigger fires
            // (typed columns stay NULL, businesses unplaced, until the jobs run).
            statement.execute("SET session_replication_role = replica");
            statement.execute("INSERT INTO users (name, email, password) SELECT 'bench owner ' || g,"
                    + " 'bench-owner-' || g || '@example.com', 'x' FROM generate_series(1, " + BUSINESSES + ") g");
            statement.execute("INSERT INTO workspaces (name, owner_id) SELECT 'bench ' || id, id FROM users"
                    + " WHERE name LIKE 'bench owner %'");
            statement.execute("INSERT INTO businesses (name, owner_id) SELECT 'bench business ' || id, id FROM users"
                    + " WHERE name LIKE 'bench owner %'");
            statement.execute("CREATE TEMP TABLE bench_business AS SELECT row_number() OVER (ORDER BY id) - 1 AS k, id,"
                    + " owner_id FROM businesses WHERE name LIKE 'bench business %'");
            statement.execute("INSERT INTO contacts (business_id, name, handles)"
                    + " SELECT b.id, 'Customer ' || g, jsonb_build_object('instagram', 'customer' || g)"
                    + " FROM generate_series(0, " + (CUSTOMERS - 1) + ") g JOIN bench_business b ON b.k = g % "
                    + BUSINESSES);
            statement.execute("INSERT INTO conversations (business_id, channel, instagram_conversation_id,"
                    + " customer_handle, customer_name, last_message, last_message_at, unread_count, intent_label,"
                    + " assigned_to_user_id, created_at)"
                    + " SELECT b.id, (ARRAY['INSTAGRAM', 'INSTAGRAM', 'WHATSAPP', 'MESSENGER'])[1 + g % 4],"
                    + " 'bench-' || g, CASE WHEN g % 50 = 0 THEN NULL ELSE 'customer' || (g % " + CUSTOMERS + ") END,"
                    + " 'Customer ' || (g % " + CUSTOMERS + "), 'hello ' || g,"
                    + " localtimestamp - g * interval '1 second', g % 3,"
                    + " (ARRAY['BUYING', 'SUPPORT', 'BROWSING', 'SPAM', 'OTHER', NULL])[1 + g % 6],"
                    + " CASE WHEN g % 4 = 1 THEN b.owner_id END, localtimestamp - g * interval '2 second'"
                    + " FROM generate_series(1, " + n + ") g JOIN bench_business b ON b.k = g % " + BUSINESSES);
            statement.execute("INSERT INTO messages (conversation_id, sender_id, is_from_customer, original_text,"
                    + " sent_at) SELECT c.id, 'sender', m % 2 = 0, 'message ' || m, c.last_message_at - m * interval"
                    + " '1 minute' FROM conversations c CROSS JOIN generate_series(1, " + messagesPerConversation
                    + ") m WHERE c.instagram_conversation_id LIKE 'bench-%'");
            statement.execute("INSERT INTO leads (business_id, conversation_id, instagram_user_id, status, assigned_to,"
                    + " created_at) SELECT b.id, NULL, 'ig-' || g,"
                    + " (ARRAY['NEW', 'CONTACTED', 'QUALIFIED', 'NEGOTIATING', 'CONVERTED', 'CLOSED', 'LOST', 'SPAM'])"
                    + "[1 + g % 8], CASE WHEN g % 3 = 0 THEN b.owner_id END,"
                    + " localtimestamp - g * interval '1 minute'"
                    + " FROM generate_series(1, " + n / 5 + ") g JOIN bench_business b ON b.k = g % " + BUSINESSES);
            statement.execute("INSERT INTO orders (order_number, business_id, status, payment_status, order_date,"
                    + " created_at) SELECT 'BENCH-' || g, b.id,"
                    + " (ARRAY['NEW', 'PENDING', 'CONFIRMED', 'PROCESSING', 'SHIPPED', 'DELIVERED', 'CANCELLED',"
                    + " 'REFUNDED'])[1 + g % 8], (ARRAY['UNPAID', 'PAID', 'REFUNDED', NULL])[1 + g % 4],"
                    + " localtimestamp - g * interval '5 minute', localtimestamp - g * interval '5 minute'"
                    + " FROM generate_series(1, " + n / 10 + ") g JOIN bench_business b ON b.k = g % " + BUSINESSES);
            statement.execute("VACUUM ANALYZE");
        }
        System.out.printf("seeded %,d conversations, %,d messages, %,d leads, %,d orders, %,d contacts in %.1f s%n",
                n, (long) n * messagesPerConversation, n / 5, n / 10, CUSTOMERS, (System.nanoTime() - start) / 1e9);
    }
}
