package com.inboop.codegen.guard;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.inboop.codegen.guard.sql.SqlLexer;
import com.inboop.codegen.guard.sql.Statement;
import com.inboop.codegen.guard.sql.Token;

/**
 * A versioned migration read and lexed: its statements and the approvals written in its comments.
 *
 * @param fileName   e.g. {@code V007__add_contact_id_to_conversations.sql}
 * @param version    the numeric version, e.g. 7
 * @param statements its statements, comments removed
 * @param approvals  its {@code -- inboop:approve CODE reason} lines
 */
public record MigrationScript(String fileName, int version, List<Statement> statements, List<Approval> approvals) {

    /** {@code V<3+ digits>__<lower_snake_description>.sql}. */
    public static final Pattern NAME = Pattern.compile("V(\\d{3,})__([a-z0-9]+(?:_[a-z0-9]+)*)\\.sql");

    private static final Pattern APPROVAL = Pattern.compile("\\s*inboop:approve\\b\\s*(\\S*)\\s*(.*?)\\s*");

    /** Reads {@code file}, whose name must match {@link #NAME}. */
    public static MigrationScript read(Path file) {
        String name = file.getFileName().toString();
        Matcher matcher = NAME.matcher(name);
        if (!matcher.matches()) {
            throw new IllegalArgumentException(name + " is not a versioned migration name");
        }
        String sql;
        try {
            sql = Files.readString(file, StandardCharsets.UTF_8);
        } catch (java.nio.charset.MalformedInputException e) {
            throw new UncheckedIOException(file.toAbsolutePath() + " is not valid UTF-8 (the JDK reports: "
                    + e.getMessage() + "). Flyway reads migrations as UTF-8: save the file as UTF-8.", e);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read migration " + file.toAbsolutePath(), e);
        }
        return parse(name, Integer.parseInt(matcher.group(1)), sql);
    }

    /** Lexes {@code sql} as the migration {@code fileName}. */
    public static MigrationScript parse(String fileName, int version, String sql) {
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
        return new MigrationScript(fileName, version, Statement.split(tokens), List.copyOf(approvals));
    }

    /** V001 is the legacy schema as production has it: the additive rules do not apply to it. */
    public boolean isBaseline() {
        return version == 1;
    }
}
