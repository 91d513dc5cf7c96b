package com.inboop.codegen.guard.rule;

import java.util.Optional;
import java.util.Set;

/**
 * Every rule of the migration guard, with a stable code. Codes never change meaning and are never reused; the
 * README's "Migration guard" section documents each under its code.
 *
 * <p>IB1xx: the migrations folder and the lock file (static). IB2xx: statement hazards (static, from the lexer).
 * IB3xx: what applying a migration did to the catalog (semantic, on Postgres). IB9xx: approvals themselves.
 */
public enum Rule {

    IB101(Layer.STATIC, Severity.ERROR,
            "migration file name does not follow V<3+ digits>__<lower_snake_description>.sql",
            "rename it, e.g. V045__add_notes_to_orders.sql"),
    IB102(Layer.STATIC, Severity.ERROR, "migration versions are not contiguous or not unique",
            "number the new migration right after the newest one (V001, V002, ...), each version once"),
    IB103(Layer.STATIC, Severity.ERROR,
            "not a SQL migration: Java, undo (U...) and repeatable (R__...) migrations are not allowed",
            "write a versioned SQL migration; mistakes are fixed by a new forward migration, never undone"),
    IB104(Layer.STATIC, Severity.ERROR, "a .sql.conf may only say executeInTransaction=false, next to its migration",
            "keep just that line, and name the file after its migration: V045__x.sql.conf"),
    IB105(Layer.STATIC, Severity.ERROR, "an applied migration was edited",
            "restore the file (git checkout origin/main -- migrations/FILE) and put the change in a new migration"),
    IB106(Layer.STATIC, Severity.ERROR, "an applied migration was deleted",
            "restore the file (git checkout origin/main -- migrations/FILE); migrations are never removed"),
    IB107(Layer.STATIC, Severity.ERROR, "a migration is not recorded in migrations/migrations.lock",
            "build locally (./mvnw compile), which appends it, and commit migrations.lock with it"),
    IB108(Layer.STATIC, Severity.ERROR, "migrations/migrations.lock is damaged (its lines do not add up to its total)",
            "restore it from main (git checkout origin/main -- migrations/migrations.lock) and build again"),
    IB109(Layer.STATIC, Severity.ERROR, "a migration holds no SQL statement",
            "write its statements before the build records it in migrations.lock: filling in a recorded migration "
                    + "later is an edit (IB105)"),

    IB201(Layer.STATIC, Severity.ERROR,
            "CREATE INDEX without CONCURRENTLY on an existing table blocks writes while it builds",
            "CREATE INDEX CONCURRENTLY IF NOT EXISTS ... in a migration of its own with a .sql.conf saying "
                    + "executeInTransaction=false", "non-concurrent-index"),
    IB202(Layer.STATIC, Severity.ERROR, "DROP INDEX without CONCURRENTLY blocks reads and writes of the table",
            "DROP INDEX CONCURRENTLY IF EXISTS ... in a non-transactional migration (and get approval: it is not "
                    + "additive)"),
    IB203(Layer.STATIC, Severity.ERROR,
            "FOREIGN KEY or CHECK without NOT VALID on an existing table scans it under a lock that "
            + "blocks writes", "ADD CONSTRAINT ... NOT VALID here, then ALTER TABLE ... VALIDATE CONSTRAINT in a "
                    + "later migration; for a new column, add the column first", "constraint-without-not-valid"),
    IB204(Layer.STATIC, Severity.ERROR, "ALTER TYPE ... RENAME VALUE: enums are append-only",
            "add the new value with ALTER TYPE ... ADD VALUE and stop writing the old one", "enum-change"),
    IB205(Layer.STATIC, Severity.ERROR,
            "data changes (UPDATE, INSERT, DELETE, MERGE, COPY) in the same migration as schema changes",
            "move the data change to a migration of its own, or better to a backfill job"),
    IB206(Layer.STATIC, Severity.ERROR, "DO block: its body cannot be checked statically",
            "write plain statements, or approve it with a reason: -- inboop:approve IB206 <why>"),
    IB207(Layer.STATIC, Severity.ERROR, "an enum value added in this migration is used in the same migration",
            "use the new value in a later migration: Postgres cannot use it before the ADD VALUE commits"),
    IB208(Layer.STATIC, Severity.ERROR,
            "TRUNCATE deletes every row of a table", "rows are never deleted by a migration; if the "
            + "table's rows are truly disposable, approve it: -- inboop:approve IB208 <who approved and why>"),
    IB209(Layer.STATIC, Severity.ERROR,
            "a function is called for its effect (SELECT f(...), CALL p(...)): like a DO block, what it "
            + "does to data cannot be seen on an empty database", "move the data change to a backfill job, or approve "
            + "it with a reason: -- inboop:approve IB209 <why>"),

    IB301(Layer.SEMANTIC, Severity.ERROR, "a table was dropped", "tables are never dropped without explicit approval: "
            + "-- inboop:approve IB301 <who approved and why>"),
    IB302(Layer.BOTH, Severity.ERROR,
            "a column was dropped", "columns are never dropped without explicit approval: "
            + "-- inboop:approve IB302 <who approved and why>"),
    IB303(Layer.SEMANTIC, Severity.ERROR, "a table was renamed", "add the new table instead, or get explicit approval: "
            + "-- inboop:approve IB303 <who approved and why>"),
    IB304(Layer.SEMANTIC, Severity.ERROR,
            "a column was renamed", "add a new column and backfill it, or get explicit approval: "
            + "-- inboop:approve IB304 <who approved and why>"),
    IB305(Layer.SEMANTIC, Severity.ERROR, "a column changed type or a table was rewritten",
            "add a new column of the new type and backfill it in a separate job", "type-change/rewrite"),
    IB306(Layer.SEMANTIC, Severity.ERROR,
            "NOT NULL was set on an existing column, which scans the table under ACCESS EXCLUSIVE",
            "add columns nullable; enforce presence with a CHECK (col IS NOT NULL) NOT VALID validated later",
            "not-null-without-default"),
    IB307(Layer.SEMANTIC, Severity.ERROR,
            "a new column on an existing table is NOT NULL, with or without a default (the design's "
            + "rule 6: nullable columns first)", "add it nullable and backfill it separately; enforce presence later "
            + "with CHECK (col IS NOT NULL) NOT VALID, validated in a migration of its own",
            "not-null-without-default"),
    IB308(Layer.SEMANTIC, Severity.ERROR, "an enum value was removed, renamed or inserted before an existing one",
            "enums are append-only: ALTER TYPE ... ADD VALUE 'X' (without BEFORE/AFTER) adds at the end",
            "enum-change"),
    IB309(Layer.SEMANTIC, Severity.ERROR, "a foreign key cascades (ON DELETE/UPDATE CASCADE, SET NULL or SET DEFAULT)",
            "foreign keys are for identity only: drop the ON DELETE/ON UPDATE clause"),
    IB310(Layer.SEMANTIC, Severity.ERROR,
            "the migration changes more than one existing table or type: one logical change per "
            + "migration", "split it into one migration per table or type"),
    IB311(Layer.SEMANTIC, Severity.WARNING,
            "a lock that blocks writes was held on an existing table while it was scanned",
            "on a large table this stalls the application: use CONCURRENTLY, NOT VALID + VALIDATE, or a new column",
            "non-concurrent-index", "constraint-without-not-valid"),
    IB312(Layer.BOTH, Severity.ERROR,
            "a view was dropped", "views are never dropped without explicit approval (the backend or "
            + "reports may read it): -- inboop:approve IB312 <who approved and why>"),
    IB313(Layer.BOTH, Severity.ERROR,
            "a view was renamed", "create the view under its new name as well, or get explicit "
            + "approval: -- inboop:approve IB313 <who approved and why>"),
    IB314(Layer.SEMANTIC, Severity.ERROR, "a constraint was dropped, or dropped and re-created differently",
            "constraints are never dropped or loosened without explicit approval: "
                    + "-- inboop:approve IB314 <who approved and why>"),
    IB315(Layer.SEMANTIC, Severity.ERROR,
            "a constraint was renamed", "keep constraint names (code and Hibernate match on them), "
            + "or get explicit approval: -- inboop:approve IB315 <who approved and why>"),
    IB316(Layer.SEMANTIC, Severity.ERROR, "a migration failed to apply, so the semantic layer stopped there",
            "fix the statement at the place given; migrations after it were checked statically only"),

    IB901(Layer.STATIC, Severity.ERROR, "an approval gives no reason", "write who approved and why after the code: "
            + "-- inboop:approve IB302 dropping unused column, approved by <name> in <ticket>"),
    IB902(Layer.STATIC, Severity.ERROR,
            "an approval names no known rule", "use a code from the README's Migration guard section"),
    IB903(Layer.STATIC, Severity.ERROR, "an approval suppresses nothing", "remove the approval line");

    private final Layer layer;
    private final Severity severity;
    private final String reason;
    private final String fix;
    private final Set<String> categories;

    Rule(Layer layer, Severity severity, String reason, String fix, String... categories) {
        this.layer = layer;
        this.severity = severity;
        this.reason = reason;
        this.fix = fix;
        this.categories = Set.of(categories);
    }

    /** The layer that reports this rule's violations. */
    public Layer layer() {
        return layer;
    }

    public Severity severity() {
        return severity;
    }

    /** One line: why this is a problem. */
    public String reason() {
        return reason;
    }

    /** What to do instead. */
    public String fix() {
        return fix;
    }

    /**
     * The hazard categories of the third-party conformance corpus this rule claims to catch; a {@code good} example
     * of such a category must never trigger it.
     */
    public Set<String> categories() {
        return categories;
    }

    /**
     * True for rules that only V001, the baseline, is exempt from (the additive rules, IB2xx and IB3xx); a baseline
     * that fails to apply (IB316) is never exempt.
     */
    public boolean additive() {
        return (name().startsWith("IB2") || name().startsWith("IB3")) && this != IB316;
    }

    /** The rule with this code, if any. */
    public static Optional<Rule> byCode(String code) {
        for (Rule rule : values()) {
            if (rule.name().equals(code)) {
                return Optional.of(rule);
            }
        }
        return Optional.empty();
    }
}
