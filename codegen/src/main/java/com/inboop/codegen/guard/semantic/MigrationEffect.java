package com.inboop.codegen.guard.semantic;

import java.util.List;
import java.util.Map;

import com.inboop.codegen.guard.rule.Violation;

/**
 * What applying one migration did, as observed on Postgres.
 *
 * @param script     the migration's file name
 * @param findings   rule violations derived from the catalog before and after
 * @param tableLocks locks the migration's transaction held on tables that existed before it, by table, at the end
 *                   of the migration (empty for non-transactional migrations, which hold none by then)
 */
public record MigrationEffect(String script, List<Violation> findings, Map<String, List<String>> tableLocks) {

    /** Lock modes that block INSERT, UPDATE and DELETE. */
    public static final List<String> WRITE_BLOCKING =
            List.of("ShareLock", "ShareRowExclusiveLock", "ExclusiveLock", "AccessExclusiveLock");

    /** eugene-style lines: {@code conversations: AccessExclusiveLock (blocks reads and writes)}. */
    public List<String> lockReport() {
        return tableLocks.entrySet().stream()
                .map(e -> e.getKey() + ": " + String.join(", ", e.getValue().stream().map(MigrationEffect::describe)
                        .toList()))
                .toList();
    }

    private static String describe(String mode) {
        return switch (mode) {
            case "AccessExclusiveLock" -> mode + " (blocks reads and writes)";
            case "ShareLock", "ShareRowExclusiveLock", "ExclusiveLock" -> mode + " (blocks writes)";
            default -> mode + " (blocks neither reads nor writes)";
        };
    }
}
