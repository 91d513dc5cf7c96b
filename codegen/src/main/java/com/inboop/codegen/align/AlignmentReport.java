package com.inboop.codegen.align;

import java.util.List;

/**
 * What {@code align} found: the missing parts (each with a proposed migration) and the differences that additive
 * steps cannot fix, which need an explicit, approved change and are never proposed.
 *
 * @param missing       one line per missing table, column, enum type or value, foreign key or index
 * @param needsApproval one line per conflicting type, nullability, enum order, or object the design lacks
 * @param proposals     the proposed migrations, in the order they must run
 */
public record AlignmentReport(List<String> missing, List<String> needsApproval, List<ProposedMigration> proposals) {

    public AlignmentReport {
        missing = List.copyOf(missing);
        needsApproval = List.copyOf(needsApproval);
        proposals = List.copyOf(proposals);
    }

    /** True if the source has everything the design asks for and nothing conflicting. */
    public boolean aligned() {
        return missing.isEmpty() && needsApproval.isEmpty();
    }

    /** The report as text. */
    public String render() {
        StringBuilder text = new StringBuilder();
        if (missing.isEmpty()) {
            text.append("missing: nothing\n");
        } else {
            text.append("missing (").append(missing.size()).append("):\n");
            missing.forEach(line -> text.append("  ").append(line).append('\n'));
        }
        if (!needsApproval.isEmpty()) {
            text.append("needs an explicit, approved change (").append(needsApproval.size())
                    .append("; nothing proposed):\n");
            needsApproval.forEach(line -> text.append("  ").append(line).append('\n'));
        }
        return text.toString().stripTrailing();
    }
}
