package com.inboop.db.internal.check;

import java.math.BigDecimal;

import org.jooq.DSLContext;
import org.jooq.SQLDialect;

import com.inboop.db.InvalidRequestException;

/** Validation of the object arguments every entry point takes, before any SQL runs. */
public final class Arguments {

    /** The first amount a numeric(10,2) column cannot hold. */
    private static final BigDecimal MONEY_LIMIT = new BigDecimal("100000000");

    private Arguments() {
    }

    /**
     * Returns {@code dsl} if it speaks Postgres. The queries use Postgres' own SQL (row comparisons, FILTER,
     * ILIKE, casts to its ENUM types); with {@code SQLDialect.DEFAULT} jOOQ renders them so that Postgres refuses
     * them at run time (a page after the first, the tab counts), so this is checked when the object is made.
     *
     * @throws InvalidRequestException if {@code dsl} is null or its dialect is not of the POSTGRES family
     */
    public static DSLContext requirePostgres(DSLContext dsl) {
        require("dsl", dsl);
        if (dsl.dialect().family() != SQLDialect.POSTGRES) {
            throw new InvalidRequestException("dsl", "its dialect is " + dsl.dialect() + "; inboop-db writes "
                    + "PostgreSQL's SQL: create it with DSL.using(dataSource, SQLDialect.POSTGRES) (Spring Boot: "
                    + "spring.jooq.sql-dialect=POSTGRES)");
        }
        return dsl;
    }

    /**
     * Returns {@code value} if it is not null.
     *
     * @throws InvalidRequestException naming {@code argument} otherwise
     */
    public static <T> T require(String argument, T value) {
        if (value == null) {
            throw new InvalidRequestException(argument, "must not be null");
        }
        return value;
    }

    /**
     * The values as a set, for the filters' {@code with...} methods.
     *
     * @throws InvalidRequestException naming {@code argument} if the array or one of its values is null
     */
    @SafeVarargs
    public static <T> java.util.Set<T> setOf(String argument, T... values) {
        require(argument, values);
        java.util.Set<T> set = new java.util.LinkedHashSet<>();
        for (T value : values) {
            set.add(require(argument, value));
        }
        return set;
    }

    /**
     * Returns {@code value} (null included) if Postgres can store it as text: no NUL character (Postgres' text
     * cannot hold one) and no half of a surrogate pair (it has no UTF-8 form).
     *
     * @throws InvalidRequestException naming {@code argument} otherwise
     */
    public static String storableText(String argument, String value) {
        if (value != null && value.codePoints().anyMatch(c -> c == 0 || Character.getType(c) == Character.SURROGATE)) {
            throw new InvalidRequestException(argument, "must not contain a NUL character or half of a surrogate "
                    + "pair, which Postgres cannot store; was '" + Printable.of(value) + "'");
        }
        return value;
    }

    /**
     * Returns {@code value} (null included) if a {@code numeric(10,2)} column holds it as given: not negative, at
     * most two decimals (Postgres would round more away), below 100,000,000.
     *
     * @throws InvalidRequestException naming {@code argument} otherwise
     */
    public static BigDecimal money(String argument, BigDecimal value) {
        if (value != null && (value.signum() < 0 || value.stripTrailingZeros().scale() > 2
                || value.compareTo(MONEY_LIMIT) >= 0)) {
            throw new InvalidRequestException(argument, "must be from 0 to 99999999.99 with at most two decimals "
                    + "(the column is numeric(10,2)), was " + value.toPlainString());
        }
        return value;
    }
}
