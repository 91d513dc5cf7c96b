package com.inboop.codegen.guard.rule;

/**
 * One finding: a rule broken at a place.
 *
 * @param file    file name within the migrations folder (or the folder itself for folder-wide findings)
 * @param line    1-based line, 0 when the finding is about the whole file
 * @param rule    the rule
 * @param message what exactly was found
 */
public record Violation(String file, int line, Rule rule, String message) {

    /** {@code file:line: CODE severity: message} and, indented below, the fix. */
    public String render() {
        return file + (line > 0 ? ":" + line : "") + ": " + rule.name() + " " + rule.severity() + ": " + message
                + "\n    fix: " + rule.fix();
    }
}
