package com.inboop.db.inbox;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

import org.jooq.DSLContext;
import org.jooq.Query;
import org.jooq.conf.ParamType;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import com.inboop.codegen.junit.MigratedDatabaseExtension;
import com.inboop.codegen.junit.TestDatabase;
import com.inboop.db.Seed;
import com.inboop.db.assignment.AssigneeFilter;
import com.inboop.db.paging.PageRequest;

/**
 * Query plans on a workspace of 100,000 conversations (plus a second, busy workspace): the first page and a page
 * deep in the list are an index scan on the view's index, with no sort, reading about one page of rows. Shapes,
 * not timings: EXPLAIN ANALYZE's row counts, not its milliseconds.
 */
@ExtendWith(MigratedDatabaseExtension.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class InboxPlanTest {

    private static final int CONVERSATIONS = 100_000;
    private static final int PAGE = 50;

    private DSLContext dsl;
    private TestDatabase database;
    private long workspace;
    private long agent;

    @BeforeAll
    void seedALargeWorkspace(TestDatabase database) throws Exception {
        this.database = database;
        this.dsl = Seed.dsl(database);
        Seed seed = new Seed(dsl);
        workspace = seed.workspace("large");
        long other = seed.workspace("neighbour");
        agent = seed.user(workspace, "agent@large.example");
        try (Connection connection = database.connect(); Statement statement = connection.createStatement()) {
            for (long ws : new long[] {workspace, other}) {
                statement.execute("INSERT INTO conversations (business_id, channel, instagram_conversation_id, "
                        + "customer_handle, last_message, last_message_at, unread_count, assigned_to_user_id, "
                        + "archived_at) "
                        + "SELECT " + seed.businessOf(ws) + ", 'INSTAGRAM', 't-" + ws + "-' || g, 'h' || g, 'hello', "
                        + "localtimestamp - g * interval '1 minute', g % 3, "
                        + "CASE WHEN g % 4 = 0 THEN NULL WHEN g % 4 = 1 THEN " + agent + " END, "
                        + "CASE WHEN g % 10 = 0 THEN localtimestamp END FROM generate_series(1, " + CONVERSATIONS
                        + ") g");
            }
            statement.execute("VACUUM ANALYZE");
        }
    }

    /** The cursor of the page {@code pages} pages in. */
    private PageRequest deep(InboxFilter filter, int pages) {
        InboxQuery inbox = new InboxQuery(dsl);
        PageRequest request = PageRequest.first(PAGE);
        for (int i = 0; i < pages; i++) {
            request = request.after(inbox.page(workspace, filter, request).nextCursor().orElseThrow());
        }
        return request;
    }

    @ParameterizedTest(name = "{0} view, page {1}")
    @CsvSource({"default, 0, idx_conversations_inbox", "default, 300, idx_conversations_inbox",
            "unassigned, 0, idx_conversations_inbox_unassigned", "unassigned, 100, idx_conversations_inbox_unassigned",
            "assignee, 0, idx_conversations_inbox_assignee", "assignee, 100, idx_conversations_inbox_assignee"})
    void isAnIndexScanWithoutSortReadingAboutOnePage(String view, int pages, String index) throws Exception {
        InboxFilter filter = switch (view) {
            case "unassigned" -> InboxFilter.active().withAssignee(AssigneeFilter.UNASSIGNED);
            case "assignee" -> InboxFilter.active().withAssignee(AssigneeFilter.user(agent));
            default -> InboxFilter.active();
        };
        PageRequest request = deep(filter, pages);
        List<Query> captured = new ArrayList<>();
        DSLContext capturing = dsl.configuration().derive(new org.jooq.impl.DefaultExecuteListenerProvider(
                new org.jooq.ExecuteListener() {
                    @Override
                    public void executeStart(org.jooq.ExecuteContext ctx) {
                        if (ctx.query() != null) {
                            captured.add(ctx.query());
                        }
                    }
                })).dsl();
        new InboxQuery(capturing).page(workspace, filter, request);
        // The page's own query, after the lookup of the workspace's businesses.
        String sql = captured.get(captured.size() - 1).getSQL(ParamType.INLINED);

        String plan = String.join("\n", dsl.fetch("EXPLAIN (ANALYZE, FORMAT TEXT) " + sql).getValues(0, String.class));

        assertThat(plan).as(plan).contains("Index Scan using " + index + " on conversations")
                .doesNotContain("Sort").doesNotContain("Seq Scan on conversations");
        int rowsRead = scannedRows(plan, index);
        assertThat(rowsRead).as("rows read from %s:%n%s", index, plan).isBetween(PAGE, PAGE + 1 + 5);
    }

    /** The actual rows of the index scan node (EXPLAIN ANALYZE's "actual ... rows=N"). */
    private static int scannedRows(String plan, String index) {
        for (String line : plan.split("\n")) {
            if (line.contains("Index Scan using " + index)) {
                java.util.regex.Matcher m = java.util.regex.Pattern.compile("actual time=\\S+ rows=(\\d+)").matcher(line);
                if (m.find()) {
                    return Integer.parseInt(m.group(1));
                }
            }
        }
        throw new AssertionError("no index scan on " + index + " in\n" + plan);
    }
}
