package com.inboop.db.list;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDateTime;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import com.inboop.db.InvalidRequestException;
import com.inboop.db.inbox.InboxFilter;
import com.inboop.db.lead.LeadFilter;
import com.inboop.db.order.OrderFilter;
import com.inboop.db.schema.enums.IntentLabel;
import com.inboop.db.schema.enums.LeadStatus;
import com.inboop.db.schema.enums.OrderStatus;
import com.inboop.db.schema.enums.PaymentStatus;

/** Filters as query parameters: every filter survives the round trip, and every bad parameter is named. */
class QueryParametersTest {

    private static final long VIEWER = 42;

    private static InboxFilter inbox(String query) {
        return InboxFilter.fromQueryParameters(QueryParameters.parse(query), VIEWER);
    }

    @Test
    void everyInboxFilterSurvivesTheRoundTripThroughAQueryString() {
        InboxFilter filter = InboxFilter.active().withSearch("red dress & co?").withChannels("FACEBOOK", "WHATSAPP")
                .withIntents(IntentLabel.BUYING, IntentLabel.SPAM).withAssignee(AssigneeFilter.UNASSIGNED)
                .withUnreadOnly(true).withHasNewLead(YesNo.YES).withHasOrders(YesNo.NO).withView(ArchiveView.ALL);

        String query = QueryParameters.format(filter.toQueryParameters());

        assertThat(query).isEqualTo("q=red+dress+%26+co%3F&channel=FACEBOOK&channel=WHATSAPP&intent=BUYING&"
                + "intent=SPAM&assignee=unassigned&unread=true&has_new_lead=YES&has_orders=NO&view=ALL");
        assertThat(inbox(query)).isEqualTo(filter);
        assertThat(inbox("")).isEqualTo(InboxFilter.active());
        assertThat(InboxFilter.active().toQueryParameters()).isEmpty();
    }

    @Test
    void everyLeadAndOrderFilterSurvivesTheRoundTrip() {
        LocalDateTime from = LocalDateTime.of(2026, 11, 1, 0, 0);
        LeadFilter leads = LeadFilter.active().withSearch("meera").withStatuses(LeadStatus.NEW, LeadStatus.LOST)
                .withSources("AI").withAssignee(AssigneeFilter.user(7)).withCreated(new TimeRange(from, from.plusDays(7)))
                .withHasOrders(YesNo.YES).withView(ArchiveView.ARCHIVED);
        OrderFilter orders = OrderFilter.active().withSearch("DHL123").withStatuses(OrderStatus.SHIPPED)
                .withPaymentStatuses(PaymentStatus.UNPAID).withPaymentMethods("COD").withChannels("INSTAGRAM")
                .withAssignee(AssigneeFilter.user(VIEWER)).withCreated(TimeRange.from(from))
                .withDelivered(new TimeRange(null, from.plusHours(5).plusMinutes(30))).withView(ArchiveView.ALL);

        assertThat(LeadFilter.fromQueryParameters(QueryParameters.parse(QueryParameters.format(
                leads.toQueryParameters())), VIEWER)).isEqualTo(leads);
        assertThat(OrderFilter.fromQueryParameters(QueryParameters.parse(QueryParameters.format(
                orders.toQueryParameters())), VIEWER)).isEqualTo(orders);
    }

    @Test
    void readsWhatPeopleTypeCommaListsLowerCaseMeAndDates() {
        InboxFilter filter = inbox("?intent=buying,support&channel=instagram&assignee=me&has_orders=yes&view=archived");

        assertThat(filter).isEqualTo(InboxFilter.active().withIntents(IntentLabel.BUYING, IntentLabel.SUPPORT)
                .withChannels("INSTAGRAM").withAssignee(AssigneeFilter.user(VIEWER)).withHasOrders(YesNo.YES)
                .withView(ArchiveView.ARCHIVED));
        OrderFilter orders = OrderFilter.fromQueryParameters(QueryParameters.parse(
                "created_from=2026-11-01&created_to=2026-11-02T10:00:00%2B05:30&delivered_from=2026-11-01T08:00:00Z"),
                VIEWER);
        assertThat(orders.created()).isEqualTo(new TimeRange(LocalDateTime.of(2026, 11, 1, 0, 0),
                LocalDateTime.of(2026, 11, 2, 4, 30)));
        assertThat(orders.delivered().from()).isEqualTo(LocalDateTime.of(2026, 11, 1, 8, 0));
    }

    @Test
    void anUnknownParameterIsNamedWithWhatIsAccepted() {
        assertThatThrownBy(() -> inbox("stauts=NEW")).isInstanceOf(InvalidRequestException.class)
                .hasMessage("stauts: is not a parameter of this list; accepted: q, match, channel, intent, assignee, unread, "
                        + "has_new_lead, has_orders, view")
                .satisfies(e -> assertThat(((InvalidRequestException) e).argument()).isEqualTo("stauts"));
    }

    @Test
    void badValuesAreNamedWithWhatIsAccepted() {
        assertThatThrownBy(() -> inbox("intent=BUYIN")).isInstanceOf(InvalidRequestException.class)
                .hasMessage("intent: unknown value 'BUYIN'; accepted: BUYING, SUPPORT, BROWSING, SPAM, OTHER");
        assertThatThrownBy(() -> inbox("unread=yes")).hasMessage("unread: must be true or false, was 'yes'");
        assertThatThrownBy(() -> inbox("assignee=bob"))
                .hasMessage("assignee: must be anyone, unassigned, me or a user id, was 'bob'");
        assertThatThrownBy(() -> inbox("assignee=-3")).hasMessageStartingWith("assignee: must be a positive id");
        assertThatThrownBy(() -> inbox("q=ab")).hasMessageStartingWith("search: must have at least 3 characters");
        assertThatThrownBy(() -> inbox("q=a%00bc")).hasMessageStartingWith("search: must not contain control");
        assertThatThrownBy(() -> inbox("view=active&view=all")).hasMessage("view: was given 2 times; give it at most once");
        assertThatThrownBy(() -> inbox("q=%zz")).hasMessageStartingWith("queryString: is not valid percent-encoding");
        assertThatThrownBy(() -> LeadFilter.fromQueryParameters(QueryParameters.parse("created_from=yesterday"), VIEWER))
                .hasMessageStartingWith("created_from: must be an ISO-8601 date or date-time");
        assertThatThrownBy(() -> LeadFilter.fromQueryParameters(
                QueryParameters.parse("created_from=2026-11-02&created_to=2026-11-01"), VIEWER))
                .hasMessageStartingWith("created_to: must be after created_from");
        assertThatThrownBy(() -> OrderFilter.fromQueryParameters(QueryParameters.parse("channel=INSTA%20GRAM"), VIEWER))
                .hasMessageStartingWith("channel: each value must be a code");
    }

    @Test
    void nullsAreRefusedWithTheArgumentsName() {
        assertThatThrownBy(() -> InboxFilter.fromQueryParameters(null, VIEWER))
                .hasMessageStartingWith("parameters: must not be null");
        assertThatThrownBy(() -> QueryParameters.parse(null)).hasMessageStartingWith("queryString: must not be null");
        java.util.HashMap<String, List<String>> withNull = new java.util.HashMap<>();
        withNull.put("q", null);
        assertThatThrownBy(() -> InboxFilter.fromQueryParameters(withNull, VIEWER)).hasMessage("q: must not be null");
        assertThatThrownBy(() -> InboxFilter.fromQueryParameters(Map.of("assignee", List.of("me")), -1))
                .hasMessageStartingWith("viewerUserId: must be a positive id");
    }

    @Test
    void aPrefixSearchRoundTripsAsMatchPrefixAndAnUnknownMatchIsNamed() {
        LeadFilter prefix = LeadFilter.active().withSearch(TextSearch.prefix("Ab"));

        assertThat(prefix.toQueryParameters()).containsExactly(Map.entry("q", List.of("Ab")),
                Map.entry("match", List.of("prefix")));
        assertThat(LeadFilter.fromQueryParameters(prefix.toQueryParameters())).isEqualTo(prefix);
        assertThat(LeadFilter.active().withSearch("Abc").toQueryParameters()).containsOnlyKeys("q");
        assertThatThrownBy(() -> InboxFilter.fromQueryParameters(Map.of("q", List.of("Ab"), "match",
                List.of("start")), VIEWER)).hasMessage("match: must be contains or prefix, was 'start'");
        assertThat(TextSearch.prefix("  ")).isEqualTo(TextSearch.NONE);
    }

    @Test
    void aListReadWithoutAViewerTakesEveryParameterButMe() {
        assertThat(LeadFilter.fromQueryParameters(Map.of("assignee", List.of("7"), "status", List.of("new"))))
                .isEqualTo(LeadFilter.active().withAssignee(AssigneeFilter.user(7)).withStatuses(LeadStatus.NEW));
        assertThatThrownBy(() -> OrderFilter.fromQueryParameters(Map.of("assignee", List.of("me"))))
                .isInstanceOf(InvalidRequestException.class)
                .hasMessage("assignee: is 'me', which needs the user who is looking: read the parameters with "
                        + "fromQueryParameters(parameters, viewerUserId)");
    }

    @Test
    void aMultiValuedParameterHoldsAtMostAHundredValuesHoweverItIsWritten() {
        String hundred = String.join(",", java.util.Collections.nCopies(QueryParameters.MAX_VALUES, "INSTAGRAM"));
        assertThat(inbox("channel=" + hundred).channels()).containsExactly("INSTAGRAM");

        assertThatThrownBy(() -> inbox("channel=" + hundred + ",WHATSAPP")).isInstanceOf(InvalidRequestException.class)
                .hasMessageStartingWith("channel: has more than 100 values");
        assertThatThrownBy(() -> inbox("channel=" + hundred + "&channel=WHATSAPP"))
                .hasMessageStartingWith("channel: has more than 100 values");
        // The 7.9 MB request that once took 51 s: refused as it is read, before the filter exists.
        String huge = "channel=" + String.join(",", java.util.Collections.nCopies(800_000, "C0"));
        assertThatThrownBy(() -> inbox(huge)).hasMessageStartingWith("channel: has more than 100 values");
    }
}
