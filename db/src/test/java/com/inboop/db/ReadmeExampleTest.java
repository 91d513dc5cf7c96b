package com.inboop.db;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.stream.Collectors;

import org.jooq.DSLContext;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import com.inboop.codegen.junit.MigratedDatabaseExtension;
import com.inboop.codegen.junit.TestDatabase;
import com.inboop.db.assignment.Assignable;
import com.inboop.db.assignment.Assignments;
import com.inboop.db.inbox.InboxFilter;
import com.inboop.db.inbox.InboxQuery;
import com.inboop.db.inbox.InboxRow;
import com.inboop.db.lead.LeadCreated;
import com.inboop.db.lead.LeadLifecycle;
import com.inboop.db.lead.NewLead;
import com.inboop.db.lifecycle.Transition;
import com.inboop.db.list.AssigneeFilter;
import com.inboop.db.list.Page;
import com.inboop.db.list.PageRequest;
import com.inboop.db.list.QueryParameters;
import com.inboop.db.order.NewOrder;
import com.inboop.db.order.OrderCreated;
import com.inboop.db.order.OrderLifecycle;
import com.inboop.db.schema.enums.IntentLabel;

/** The README's usage example compiles, runs, and is the README's text word for word. */
@ExtendWith(MigratedDatabaseExtension.class)
class ReadmeExampleTest {

    private static final String START = "// README example: start";
    private static final String END = "// README example: end";

    @Test
    void runs(TestDatabase database) {
        DSLContext dsl = Seed.dsl(database);
        Seed seed = new Seed(dsl);
        long workspaceId = seed.workspace("shop");
        long agentId = seed.user(workspaceId, "agent@shop.example");
        long conversationId = seed.update(seed.conversation(workspaceId, "INSTAGRAM", 1),
                c -> c.setIntentLabelEnum(IntentLabel.BUYING)).getId();

        // README example: start
        InboxQuery inbox = new InboxQuery(dsl);
        Assignments assignments = new Assignments(dsl);

        // An agent claims a conversation; of several agents claiming at once, exactly one wins.
        Transition<Long> claim = assignments.claim(workspaceId, Assignable.CONVERSATION, conversationId, agentId);

        // Their inbox: buyers first, 20 at a time; pass nextCursor back for the next page.
        InboxFilter mine = InboxFilter.active()
                .withAssignee(AssigneeFilter.user(agentId))
                .withIntents(IntentLabel.BUYING);
        Page<InboxRow> page = inbox.page(workspaceId, mine, PageRequest.first(20));
        for (InboxRow row : page.rows()) {
            System.out.printf("%s via %s: %s%n", row.customerName(), row.channel(), row.lastMessage());
        }
        page.nextCursor().ifPresent(cursor -> inbox.page(workspaceId, mine, PageRequest.first(20).after(cursor)));

        // A filter from the request's query string (?q=red+dress&has_new_lead=yes&view=all), and a link back to it.
        InboxFilter asked = InboxFilter.fromQueryParameters(
                QueryParameters.parse("q=red+dress&has_new_lead=yes&view=all"), agentId);
        String link = "/inbox?" + QueryParameters.format(asked.toQueryParameters());

        // A lead from the conversation, then an order that converts it (cash on delivery).
        LeadCreated lead = new LeadLifecycle(dsl).create(workspaceId,
                new NewLead(conversationId, "MANUAL", agentId, "wants the red dress in M", null));
        OrderCreated order = new OrderLifecycle(dsl).create(workspaceId,
                new NewOrder(conversationId, "A-1001", lead.leadId(), "COD", new BigDecimal("1499.00"), agentId));
        // README example: end

        assertThat(claim).isEqualTo(new Transition<>(true, agentId));
        assertThat(page.rows()).extracting(InboxRow::conversationId).containsExactly(conversationId);
        assertThat(link).isEqualTo("/inbox?q=red+dress&has_new_lead=YES&view=ALL");
        assertThat(dsl.fetchValue(com.inboop.db.schema.Tables.LEADS.STATUS,
                com.inboop.db.schema.Tables.LEADS.ID.eq(lead.leadId()))).isEqualTo("CONVERTED");
        assertThat(dsl.fetchValue(com.inboop.db.schema.Tables.ORDERS.PAYMENT_METHOD,
                com.inboop.db.schema.Tables.ORDERS.ID.eq(order.orderId()))).isEqualTo("COD");
        assertThat(order.convertedLeadId()).contains(lead.leadId());
    }

    @Test
    void isTheReadmesExampleWordForWord() throws IOException {
        String source = Files.readString(Path.of("src/test/java/com/inboop/db/ReadmeExampleTest.java"));
        String snippet = source.substring(source.indexOf(START + "\n") + START.length() + 1,
                source.indexOf("        " + END));
        String unindented = Arrays.stream(snippet.split("\n"))
                .map(line -> line.length() >= 8 ? line.substring(8) : line.strip())
                .collect(Collectors.joining("\n"));

        assertThat(Files.readString(Path.of("../README.md"))).contains("```java\n" + unindented + "\n```");
    }
}
