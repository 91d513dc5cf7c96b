package com.inboop.db.spring;

import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;

/**
 * Turns an {@link InboopDbStartupException} into Spring Boot's startup failure report: "Description" says what
 * inboop-db found in the database, "Action" what to do, instead of a stack trace through bean creation.
 */
public class InboopDbFailureAnalyzer extends AbstractFailureAnalyzer<InboopDbStartupException> {

    @Override
    protected FailureAnalysis analyze(Throwable rootFailure, InboopDbStartupException cause) {
        return new FailureAnalysis("inboop-db: " + cause.description(), cause.action(), cause);
    }
}
