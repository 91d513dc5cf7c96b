package com.inboop.db.list;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.atomic.AtomicInteger;

import org.jooq.DSLContext;
import org.jooq.ExecuteContext;
import org.jooq.ExecuteListener;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import com.inboop.codegen.junit.MigratedDatabaseExtension;
import com.inboop.codegen.junit.TestDatabase;
import com.inboop.db.InvalidRequestException;
import com.inboop.db.Seed;
import com.inboop.db.inbox.InboxFilter;
import com.inboop.db.inbox.InboxQuery;
import com.inboop.db.lead.LeadFilter;
import com.inboop.db.lead.LeadQuery;
import com.inboop.db.order.OrderFilter;
import com.inboop.db.order.OrderQuery;
import com.inboop.db.schema.enums.LeadStatus;
import com.inboop.db.schema.enums.OrderStatus;
import com.inboop.db.schema.enums.PaymentStatus;

/**
 * Random query strings, as a hostile or careless client sends them, read by each list and then run: every outcome is
 * rows or an {@link InvalidRequestException}, and a refused request runs no SQL at all. Seeded, so a failure names the
 * seed and the query string that reproduce it.
 *
 * <p>In the suite it makes {@value #SUITE_TRIES} tries (a few seconds). Longer on demand, with the slowest read per
 * input size printed: {@code ./mvnw -pl db verify -Dtest=QueryParametersFuzzTest -Dinboop.fuzz.tries=20000
 * -Dinboop.fuzz.seed=7}.
 */
@ExtendWith(MigratedDatabaseExtension.class)
class QueryParametersFuzzTest {

    private static final int SUITE_TRIES = 400;
    private static final long VIEWER = 42;

    private static final List<String> NAMES = List.of("q", "match", "channel", "intent", "assignee", "unread",
            "has_new_lead", "has_orders", "view", "status", "source", "payment_status", "payment_method",
            "created_from",
            "created_to", "delivered_from", "delivered_to");
    private static final List<String> WORDS = List.of("NEW", "new", "Confirmed", "SHIPPED", "CONTACTED", "LOST",
            "PAID", "unpaid", "REFUNDED", "COD", "ONLINE", "INSTAGRAM", "instagram", "WhatsApp", "FACEBOOK", "AI",
            "MANUAL", "BUYING", "spam", "me", "unassigned", "anyone", "7", "0", "-1", "9223372036854775808", "true",
            "FALSE", "yes", "NO", "ANY", "ACTIVE", "archived", "ALL", "contains", "prefix", "red dress", "EE", "a",
            "2026-11-01", "2026-11-01T09:30:00", "2026-11-01T09:30:00Z", "2026-11-02T10:00:00+05:30",
            "0000-01-01", "-4713-01-01", "+10000-01-01", "9999-12-31T23:59:59.9999999", "2026-02-30",
            "2026-11-01T00:00:00.0000001", "1970-01-01T00:00:00Z", "%", "_", "\\", "'", "\"; DROP TABLE orders; --",
            "\u0000", "\n", "\uD83D\uDE00\uD83D\uDE00", "\uD83D", "\u00e9t\u00e9", "%zz", "%C3", ",", ",,,", " ");

    private final DSLContext dsl;
    private final AtomicInteger statements = new AtomicInteger();
    private final InboxQuery inbox;
    private final LeadQuery leads;
    private final OrderQuery orders;
    private long workspace;

    QueryParametersFuzzTest(TestDatabase database) {
        this.dsl = Seed.dsl(database);
        DSLContext counted = dsl.configuration().deriveAppending(new ExecuteListener() {
            @Override
            public void executeStart(ExecuteContext ctx) {
                statements.incrementAndGet();
            }
        }).dsl();
        this.inbox = new InboxQuery(counted);
        this.leads = new LeadQuery(counted);
        this.orders = new OrderQuery(counted);
    }

    @BeforeEach
    void aWorkspaceWithSomeOfEverything() {
        Seed seed = new Seed(dsl);
        workspace = seed.workspace("fuzz");
        for (int i = 0; i < 5; i++) {
            seed.update(seed.conversation(workspace, i % 2 == 0 ? "INSTAGRAM" : "WHATSAPP", i),
                    c -> c.setCustomerName("red dress buyer").setCustomerHandle("handle_ee"));
            seed.lead(workspace, LeadStatus.NEW, "AI", i);
            seed.order(workspace, OrderStatus.NEW, PaymentStatus.UNPAID, i);
        }
    }

    @Test
    void everyQueryStringGivesRowsOrANamedRefusalBeforeAnySql() {
        long seed = Long.getLong("inboop.fuzz.seed", 20261205L);
        int tries = Integer.getInteger("inboop.fuzz.tries", SUITE_TRIES);
        Random random = new Random(seed);
        int refused = 0;
        long[] slowestNanosPerSize = new long[8]; // by input size: < 10^1, < 10^2, ... characters
        for (int i = 0; i < tries; i++) {
            String query = queryString(random);
            int before = statements.get();
            long start = System.nanoTime();
            try {
                run(random.nextInt(3), query);
            } catch (InvalidRequestException e) {
                refused++;
                if (statements.get() != before) {
                    fail("seed " + seed + ", try " + i + ": refused after running SQL: " + e.getMessage()
                            + "\n  query: " + shown(query));
                }
                if (e.argument() == null || !e.getMessage().startsWith(e.argument() + ": ")) {
                    fail("seed " + seed + ", try " + i + ": the refusal names no argument: " + e.getMessage()
                            + "\n  query: " + shown(query));
                }
            } catch (RuntimeException e) {
                throw new AssertionError("seed " + seed + ", try " + i + ": neither rows nor InvalidRequestException"
                        + "\n  query: " + shown(query), e);
            }
            int size = (int) Math.min(7, Math.log10(Math.max(1, query.length())));
            slowestNanosPerSize[size] = Math.max(slowestNanosPerSize[size], System.nanoTime() - start);
        }
        assertThat(refused).as("some tries are refused, some run").isBetween(1, tries - 1);
        if (tries > SUITE_TRIES) {
            System.out.printf("%d tries (seed %d), %d refused; slowest read and run by query length:%n", tries, seed,
                    refused);
            for (int size = 0; size < slowestNanosPerSize.length; size++) {
                System.out.printf("  < 10^%d characters: %.1f ms%n", size + 1, slowestNanosPerSize[size] / 1e6);
            }
        }
    }

    private void run(int list, String query) {
        Map<String, List<String>> parameters = QueryParameters.parse(query);
        PageRequest first = PageRequest.first(10);
        switch (list) {
            case 0 -> assertThat(inbox.page(workspace, InboxFilter.fromQueryParameters(parameters, VIEWER), first)
                    .rows()).allSatisfy(row -> assertThat(row.businessId()).isPositive());
            case 1 -> assertThat(leads.page(workspace, LeadFilter.fromQueryParameters(parameters, VIEWER), first)
                    .rows()).allSatisfy(row -> assertThat(row.businessId()).isPositive());
            default -> assertThat(orders.page(workspace, OrderFilter.fromQueryParameters(parameters, VIEWER), first)
                    .rows()).allSatisfy(row -> assertThat(row.businessId()).isPositive());
        }
    }

    /** Up to six parameters, names mostly real, values from the vocabulary, random text, long runs and long lists. */
    private static String queryString(Random random) {
        List<String> pairs = new ArrayList<>();
        int count = random.nextInt(7);
        for (int i = 0; i < count; i++) {
            String name = random.nextInt(10) == 0 ? text(random, 1 + random.nextInt(12)) : pick(random, NAMES);
            pairs.add(encode(random, name) + "=" + encode(random, value(random)));
        }
        return (random.nextBoolean() ? "?" : "") + String.join("&", pairs);
    }

    private static String value(Random random) {
        return switch (random.nextInt(10)) {
            case 0 -> text(random, 1 + random.nextInt(40));
            case 1 -> text(random, 1 + random.nextInt(random.nextInt(10) == 0 ? 200_000 : 300));
            case 2 -> {
                List<String> many = new ArrayList<>();
                int n = 1 + random.nextInt(random.nextBoolean() ? 20 : 400);
                for (int i = 0; i < n; i++) {
                    many.add(pick(random, WORDS));
                }
                yield String.join(",", many);
            }
            default -> pick(random, WORDS);
        };
    }

    /** Text of any code points, a surrogate half or a control character now and then. */
    private static String text(Random random, int length) {
        StringBuilder text = new StringBuilder(length);
        for (int i = 0; i < length; i++) {
            int kind = random.nextInt(20);
            if (kind == 0) {
                text.append((char) random.nextInt(32));
            } else if (kind == 1) {
                text.append((char) (0xD800 + random.nextInt(0x800)));
            } else if (kind < 5) {
                text.appendCodePoint(0x80 + random.nextInt(0x10FFFF - 0x80 - 0x800));
            } else {
                text.append((char) (' ' + random.nextInt(95)));
            }
        }
        return text.toString();
    }

    /** Percent-encoded, raw, or raw with spaces as {@code +}: clients do all three. */
    private static String encode(Random random, String text) {
        return switch (random.nextInt(3)) {
            case 0 -> URLEncoder.encode(text, StandardCharsets.UTF_8);
            case 1 -> text;
            default -> text.replace(' ', '+');
        };
    }

    private static String pick(Random random, List<String> values) {
        return values.get(random.nextInt(values.size()));
    }

    private static String shown(String query) {
        return query.length() <= 300 ? query : query.substring(0, 300) + "... (" + query.length() + " characters)";
    }
}
