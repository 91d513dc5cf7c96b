package com.inboop.db.internal.cli;

/**
 * The exit statuses of every inboop-db command ({@code check}, {@code diff}, {@code align} in codegen;
 * {@code backfill}, {@code migrate}, {@code validate}, {@code info} here), as the README's "Errors" section lists
 * them.
 */
public final class ExitStatus {

    /** Done: the command did what it was asked, or found nothing wrong. */
    public static final int DONE = 0;
    /** Refused or failed: a finding, a failed migration or job, a database that cannot be reached. */
    public static final int FAILED = 1;
    /** Usage: an unknown, repeated or malformed option, or a bad value; nothing was connected to or written. */
    public static final int USAGE = 2;

    private ExitStatus() {
    }
}
