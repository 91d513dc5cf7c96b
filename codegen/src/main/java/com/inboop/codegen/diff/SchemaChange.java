package com.inboop.codegen.diff;

/**
 * One difference between two schemas.
 *
 * @param object   what changed, e.g. {@code column orders.total}
 * @param change   how, e.g. {@code removed}, {@code type numeric(12,2) -> text}
 * @param breaking true if code compiled against the old schema can fail against the new one (removed, renamed,
 *                 narrowed, type changed); false if it keeps working (added, widened)
 */
public record SchemaChange(String object, String change, boolean breaking) {

    /** {@code BREAKING column orders.total: removed}. */
    public String render() {
        return (breaking ? "BREAKING " : "safe     ") + object + ": " + change;
    }
}
