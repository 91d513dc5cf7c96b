package com.inboop.db.backfill;

import java.sql.Connection;
import java.sql.Statement;
import java.util.List;

import org.jooq.DSLContext;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import com.inboop.codegen.junit.MigratedDatabaseExtension;
import com.inboop.codegen.junit.TestDatabase;
import com.inboop.db.Seed;

/**
 * Benchmark, not part of the test suite: the conversation backfills on {@code -Dbench.conversations} legacy
 * conversations (default 1,000,000; one message each, 200,000 distinct customers over 100 workspaces, 100,000 leads
 * and orders), with the default batch size; prints rows per second and the longest batch transaction of each job.
 *
 * <pre>./mvnw -B -pl db -am verify -Dtest=BackfillBenchmark -Dsurefire.failIfNoSpecifiedTests=false</pre>
 */
@ExtendWith(MigratedDatabaseExtension.class)
class BackfillBenchmark {

    @Test
    void conversationBackfills(TestDatabase database) throws Exception {
        int n = Integer.getInteger("bench.conversations", 1_000_000);
        long seedStart = System.nanoTime();
        try (Connection connection = database.connect(); Statement statement = connection.createStatement()) {
            statement.execute("INSERT INTO workspaces (name) SELECT 'shop ' || g FROM generate_series(1, 100) g");
            statement.execute("INSERT INTO conversations (workspace_id, channel, external_thread_id, customer_handle, "
                    + "customer_name, last_message_at) SELECT 1 + g % 100, CASE WHEN g % 3 = 0 THEN 'WHATSAPP' ELSE "
                    + "'INSTAGRAM' END, 't' || g, CASE WHEN g % 50 = 0 THEN NULL ELSE 'customer' || (g % 200000) END, "
                    + "'Customer ' || (g % 200000), now() - g * interval '1 second' FROM generate_series(1, " + n + ") g");
            statement.execute("INSERT INTO messages (conversation_id, body, is_from_customer, created_at) "
                    + "SELECT id, 'hello', true, last_message_at FROM conversations");
            statement.execute("INSERT INTO leads (workspace_id, conversation_id, title) SELECT 1 + g % 100, "
                    + "1 + (g * 7) % " + n + ", 'lead' FROM generate_series(1, " + n / 10 + ") g");
            statement.execute("INSERT INTO orders (workspace_id, conversation_id, total, currency) SELECT 1 + g % 100, "
                    + "1 + (g * 11) % " + n + ", 10, 'EUR' FROM generate_series(1, " + n / 10 + ") g");
            statement.execute("VACUUM ANALYZE");
        }
        System.out.printf("seeded %,d conversations in %.1f s%n", n, (System.nanoTime() - seedStart) / 1e9);
        DSLContext dsl = Seed.dsl(database);
        BackfillRunner runner = new BackfillRunner(dsl, System.out::println);
        for (BackfillJob job : List.of(new ContactLinkBackfill(), new FirstMessageAtBackfill(),
                new ConversationCountsBackfill())) {
            runner.run(job, BackfillOptions.defaults());
        }
    }
}
