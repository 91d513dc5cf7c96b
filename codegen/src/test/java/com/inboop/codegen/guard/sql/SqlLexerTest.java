package com.inboop.codegen.guard.sql;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;

class SqlLexerTest {

    private static List<Statement> statements(String sql) {
        return Statement.split(SqlLexer.tokenize(sql));
    }

    @Test
    void splitsAtSemicolonsOutsideStringsCommentsAndDollarQuotes() {
        List<Statement> statements = statements("""
                SELECT 'a;b', E'it\\'s;', "semi;colon" FROM t; -- not; a statement
                /* outer /* nested; */ still comment; */
                DO $body$ BEGIN PERFORM 1; PERFORM 2; END $body$;
                SELECT $$;$$;
                """);

        assertThat(statements).hasSize(3);
        assertThat(statements.get(0).tokens()).extracting(Token::text).contains("a;b", "it's;", "semi;colon");
        assertThat(statements.get(1).tokens().get(1).kind()).isEqualTo(Token.Kind.DOLLAR_QUOTED);
        assertThat(statements.get(1).tokens().get(1).text()).isEqualTo(" BEGIN PERFORM 1; PERFORM 2; END ");
        assertThat(statements.get(2).tokens().get(1).text()).isEqualTo(";");
    }

    @Test
    void reportsLineAndColumnOfEveryToken() {
        List<Token> tokens = SqlLexer.tokenize("SELECT 1;\n  -- note\n  CREATE  INDEX");

        assertThat(tokens).filteredOn(t -> t.isWord("index")).singleElement()
                .satisfies(t -> {
                    assertThat(t.line()).isEqualTo(3);
                    assertThat(t.column()).isEqualTo(11);
                });
        assertThat(tokens).filteredOn(t -> t.kind() == Token.Kind.COMMENT).singleElement()
                .satisfies(t -> assertThat(t.text()).isEqualTo(" note"));
    }

    @Test
    void keepsDoubledQuotesAndPositionalParametersApart() {
        List<Token> tokens = SqlLexer.tokenize("SELECT 'it''s', $1, $2::int");

        assertThat(tokens).extracting(Token::text).contains("it's");
        assertThat(tokens).noneMatch(t -> t.kind() == Token.Kind.DOLLAR_QUOTED);
    }

    @Test
    void foldsUnquotedIdentifiersButNotQuotedOnes() {
        Statement statement = statements("ALTER TABLE Public.\"Orders\" ADD COLUMN x int").get(0);

        assertThat(statement.nameAt(2)).isEqualTo("Orders");
        assertThat(statements("ALTER TABLE public.ORDERS ADD COLUMN x int").get(0).nameAt(2)).isEqualTo("orders");
    }

    @Test
    void survivesUnterminatedInput() {
        assertThat(statements("SELECT 'never closed; CREATE INDEX i ON t (c);")).hasSize(1);
        assertThat(statements("SELECT $x$ unterminated")).hasSize(1);
    }
}
