package com.inboop.db.internal.statement;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;

import org.jooq.DSLContext;
import org.jooq.QueryPart;
import org.jooq.SQLDialect;
import org.jooq.impl.DSL;
import org.jooq.impl.SQLDataType;
import org.junit.jupiter.api.Test;

/**
 * A statement is rendered the first time its shape is asked for and its text reused after; the least recently used
 * shapes are forgotten beyond the capacity and rendered again when they come back; placeholders stay in the text.
 */
class RenderedStatementsTest {

    private final DSLContext dsl = DSL.using(SQLDialect.POSTGRES);
    private final AtomicInteger renders = new AtomicInteger();

    @Test
    void aShapeIsRenderedOnceAndItsTextReused() {
        RenderedStatements<String> statements = new RenderedStatements<>(dsl, 4, 10_000);

        RenderedStatement first = statements.statement("a", counted(1));
        RenderedStatement again = statements.statement("a", counted(2));

        assertThat(again).isSameAs(first);
        assertThat(renders).hasValue(1);
        assertThat(first.text()).contains("1");
    }

    @Test
    void valuesAreWrittenAsLiteralsAndPlaceholdersLeftToBeBound() {
        RenderedStatements<String> statements = new RenderedStatements<>(dsl, 4, 10_000);

        String text = statements.statement("a", () -> DSL.select(DSL.val("it's")).where(
                DSL.val(7L).eq(RenderedStatements.placeholder(0, SQLDataType.BIGINT))
                        .or(DSL.val(8L).eq(RenderedStatements.placeholder(0, SQLDataType.BIGINT))))).text();

        assertThat(text).contains("'it''s'").contains("7 = {0}").contains("8 = {0}").doesNotContain("?");
    }

    @Test
    void aPlaceholderIsBoundWhereverItAppearsButNotInsideAStringLiteral() {
        RenderedStatement statement = RenderedStatement.of(
                "select 'it''s {0}', {0}, {1} where x = {0} and y = '{1}'");

        assertThat(dsl.render(statement.query(dsl, DSL.val(5L), DSL.val("b"))))
                .isEqualTo("select 'it''s {0}', ?, ? where x = ? and y = '{1}'");
        assertThat(statement.query(dsl, DSL.val(5L), DSL.val("b")).getBindValues()).containsExactly(5L, "b", 5L);
    }

    @Test
    void aPlaceholderWithoutAValueIsRefusedNamingTheStatement() {
        RenderedStatement statement = RenderedStatement.of("select {0}, {1}");

        assertThatThrownBy(() -> statement.query(dsl, DSL.val(1)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("The statement has placeholder {1} but 1 values were given: select {0}, {1}");
    }

    @Test
    void beyondItsCapacityTheLeastRecentlyUsedShapeIsForgottenAndRenderedAgain() {
        RenderedStatements<String> statements = new RenderedStatements<>(dsl, 2, 10_000);
        statements.statement("a", counted(1));
        statements.statement("b", counted(2));
        statements.statement("a", counted(1));
        statements.statement("c", counted(3));

        assertThat(statements.size()).isEqualTo(2);
        assertThat(renders).hasValue(3);
        statements.statement("a", counted(1));
        assertThat(renders).as("a was used after b, so b was forgotten, not a").hasValue(3);
        statements.statement("b", counted(2));
        assertThat(renders).hasValue(4);
    }

    @Test
    void beyondItsCharactersTheLeastRecentlyUsedAreForgottenButTheNewestIsKept() {
        String longer = "x".repeat(60);
        RenderedStatements<String> statements = new RenderedStatements<>(dsl, 100, 100);
        statements.statement("a", () -> DSL.select(DSL.inline(longer)));
        statements.statement("b", () -> DSL.select(DSL.inline(1)));
        assertThat(statements.size()).isEqualTo(2);

        statements.statement("c", () -> DSL.select(DSL.inline(longer)));
        assertThat(statements.size()).as("a forgotten for c; b is short enough to stay").isEqualTo(2);
        assertThat(statements.characters()).isLessThanOrEqualTo(100);

        statements.statement("d", () -> DSL.select(DSL.inline("y".repeat(150))));
        assertThat(statements.size()).as("a statement longer than the budget is kept, alone").isEqualTo(1);
        assertThat(statements.statement("d", counted(9)).text()).contains("y".repeat(150));
        assertThat(renders).hasValue(0);
    }

    @Test
    void aCapacityBelowOneIsRefused() {
        assertThatThrownBy(() -> new RenderedStatements<String>(dsl, 0, 10_000))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("capacity must be at least 1, not 0");
    }

    private Supplier<QueryPart> counted(int value) {
        return () -> {
            renders.incrementAndGet();
            return DSL.select(DSL.val(value));
        };
    }
}
