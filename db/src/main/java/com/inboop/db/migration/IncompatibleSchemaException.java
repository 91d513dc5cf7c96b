package com.inboop.db.migration;

import com.inboop.db.InboopDbException;

/** The database lacks what this jar expects; the message lists every missing or different item. */
public class IncompatibleSchemaException extends InboopDbException {

    private static final long serialVersionUID = 1L;

    private final transient CompatibilityReport report;

    public IncompatibleSchemaException(CompatibilityReport report) {
        super(report.describe());
        this.report = report;
    }

    public CompatibilityReport report() {
        return report;
    }
}
