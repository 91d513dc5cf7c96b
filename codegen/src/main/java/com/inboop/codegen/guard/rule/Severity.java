package com.inboop.codegen.guard.rule;

/** How much a finding matters: errors fail the build, warnings are printed. */
public enum Severity {
    ERROR,
    WARNING;

    @Override
    public String toString() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }
}
