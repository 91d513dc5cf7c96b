package com.inboop.codegen.guard;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.inboop.codegen.failure.CodegenException;
import com.inboop.codegen.guard.rule.Approval;
import com.inboop.codegen.guard.sql.SqlLexer;
import com.inboop.codegen.guard.sql.Statement;
import com.inboop.codegen.guard.sql.Token;

/**
 * A SQL file of a migrations folder, read and lexed whatever its name: its statements and the approvals written in
 * its comments.
 *
 * @param fileName   e.g. {@code V007__add_contact_id_to_conversations.sql}
 * @param kind       what Flyway makes of the name
 * @param version    the version of a {@link Kind#VERSIONED} migration, null for any other kind
 * @param statements its statements, comments removed
 * @param approvals  its {@code -- inboop:approve CODE reason} lines
 */
public record MigrationScript(String fileName, Kind kind, ScriptVersion version, List<Statement> statements,
                              List<Approval> approvals) {

    /** What Flyway does with a {@code .sql} file, judged by its name. */
    public enum Kind {
        /** {@code V<version>__<description>.sql}: applied once, in version order. */
        VERSIONED,
        /** {@code R__<description>.sql}: applied again whenever it changes. */
        REPEATABLE,
        /** {@code U<version>__<description>.sql}: an undo migration (Flyway Teams). */
        UNDO,
        /** Any other name: Flyway ignores the file. */
        IGNORED_BY_FLYWAY
    }

    /** The house pattern: {@code V<3+ digits>__<lower_snake_description>.sql}. */
    public static final Pattern NAME = Pattern.compile("V(\\d{3,})__([a-z0-9]+(?:_[a-z0-9]+)*)\\.sql");

    /** What Flyway applies as a versioned migration: {@code V1__x.sql}, {@code V13.1__x.sql}, {@code V3_2_0__X.sql}. */
    public static final Pattern FLYWAY_VERSIONED = Pattern.compile("V(\\d+(?:[._]\\d+)*)__(.+)\\.sql");

    private static final Pattern REPEATABLE = Pattern.compile("R__.+\\.sql");
    private static final Pattern UNDO = Pattern.compile("U\\d+(?:[._]\\d+)*__.+\\.sql");
    private static final Pattern APPROVAL = Pattern.compile("\\s*inboop:approve\\b\\s*(\\S*)\\s*(.*?)\\s*");

    /** Reads and lexes {@code file}; the name decides only its {@link Kind}. */
    public static MigrationScript read(Path file) {
        String sql;
        try {
            sql = Files.readString(file, StandardCharsets.UTF_8);
        } catch (java.nio.charset.MalformedInputException e) {
            throw new CodegenException(file.toAbsolutePath() + " is not valid UTF-8 (the JDK reports: "
                    + e.getMessage() + "). Flyway reads migrations as UTF-8: save the file as UTF-8.", e);
        } catch (IOException e) {
            throw CodegenException.io("Cannot read migration " + file.toAbsolutePath(), e);
        }
        return parse(file.getFileName().toString(), sql);
    }

    /** Lexes {@code sql} as the file {@code fileName}. */
    public static MigrationScript parse(String fileName, String sql) {
        List<Token> tokens = SqlLexer.tokenize(sql);
        List<Approval> approvals = new ArrayList<>();
        for (Token token : tokens) {
            if (token.kind() == Token.Kind.COMMENT) {
                Matcher approval = APPROVAL.matcher(token.text());
                if (approval.matches()) {
                    approvals.add(new Approval(fileName, token.line(), approval.group(1), approval.group(2)));
                }
            }
        }
        Matcher versioned = FLYWAY_VERSIONED.matcher(fileName);
        Kind kind = versioned.matches() ? Kind.VERSIONED
                : REPEATABLE.matcher(fileName).matches() ? Kind.REPEATABLE
                : UNDO.matcher(fileName).matches() ? Kind.UNDO : Kind.IGNORED_BY_FLYWAY;
        ScriptVersion version = kind == Kind.VERSIONED ? ScriptVersion.parse(versioned.group(1)) : null;
        return new MigrationScript(fileName, kind, version, Statement.split(tokens), List.copyOf(approvals));
    }

    /** Whether Flyway applies it when it migrates: a versioned or a repeatable migration. */
    public boolean appliedByFlyway() {
        return kind == Kind.VERSIONED || kind == Kind.REPEATABLE;
    }

    /** V001 (version 1 however written) is the legacy schema as production has it: the additive rules do not apply. */
    public boolean isBaseline() {
        return kind == Kind.VERSIONED && version.isOne();
    }

    /** The tables this script empties with {@code TRUNCATE}, which rewrites them without changing their structure. */
    public Set<String> truncatedTables() {
        Set<String> tables = new LinkedHashSet<>();
        statements.forEach(statement -> tables.addAll(truncatedBy(statement)));
        return tables;
    }

    /** The tables {@code statement} truncates, in order; empty unless it is a {@code TRUNCATE}. */
    static Set<String> truncatedBy(Statement statement) {
        Set<String> tables = new LinkedHashSet<>();
        if (!statement.startsWith("truncate")) {
            return tables;
        }
        int i = statement.skipWords(1, new String[] {"table"}, new String[] {"only"});
        while (i < statement.tokens().size()) {
            String name = statement.nameAt(i);
            if (name == null) {
                break;
            }
            tables.add(name);
            i = statement.indexAfterName(i);
            if (i < statement.tokens().size() && statement.tokens().get(i).isSymbol('*')) {
                i++;
            }
            if (i >= statement.tokens().size() || !statement.tokens().get(i).isSymbol(',')) {
                break;
            }
            i = statement.skipWords(i + 1, new String[] {"only"});
        }
        return tables;
    }
}
