package com.inboop.codegen.guard;

import com.inboop.codegen.failure.CodegenException;

/** The migration guard found errors; the message is the full report, the report itself is attached. */
public class GuardFailedException extends CodegenException {

    private static final long serialVersionUID = 1L;

    private final transient GuardReport report;

    public GuardFailedException(GuardReport report) {
        super("The migrations break the design's rules (see the README's \"Migration guard\" section):\n"
                + report.render(false));
        this.report = report;
    }

    /** The report behind this failure. */
    public GuardReport report() {
        return report;
    }
}
