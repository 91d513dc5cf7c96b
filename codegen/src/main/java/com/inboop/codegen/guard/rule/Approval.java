package com.inboop.codegen.guard.rule;

/**
 * An explicit, audited exemption written in a migration: {@code -- inboop:approve IB302 <reason>} exempts that file
 * from that rule.
 *
 * @param file   the migration
 * @param line   where the approval is written
 * @param code   the rule code as written
 * @param reason why, as written; never blank in a valid approval
 */
public record Approval(String file, int line, String code, String reason) {
}
