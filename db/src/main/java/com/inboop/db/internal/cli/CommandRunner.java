package com.inboop.db.internal.cli;

import java.io.PrintStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.BiFunction;
import java.util.function.UnaryOperator;

/**
 * What every command of this module does around its own work: reads its command line ({@link CommandLine}), answers
 * {@code --help}, keeps the libraries quiet unless {@code --verbose}, and turns every failure into a message and an
 * {@link ExitStatus}: a usage error is 2, any other failure 1, never a stack trace (unless {@code --verbose}), and
 * every message redacted ({@link DatabaseLogin#redact}).
 */
final class CommandRunner {

    private CommandRunner() {
    }

    /**
     * Runs {@code work} with the parsed command line; its result is the exit status.
     *
     * @param name    the command's name, which starts its messages ({@code inboop-db migrate})
     * @param usage   its synopsis, printed above the options by {@code --help} and after a usage error
     * @param options the options it declares besides {@link DatabaseLogin#OPTIONS}
     * @param work    the command's own work, given its command line and the login read from it and the environment
     */
    static int run(String name, String usage, List<CommandLine.Option> options, String[] args, Streams streams,
                   BiFunction<CommandLine, DatabaseLogin, Integer> work) {
        List<CommandLine.Option> all = new ArrayList<>(DatabaseLogin.OPTIONS);
        all.addAll(options);
        String help = "usage: " + usage + "\n" + CommandLine.describe(all);
        PrintStream out = streams.out();
        PrintStream err = streams.err();
        CommandLine line;
        try {
            line = CommandLine.parse(List.of(args), all);
        } catch (UsageException e) {
            err.println(name + ": " + e.getMessage());
            err.println(help);
            return ExitStatus.USAGE;
        }
        if (line.has(CommandLine.HELP)) {
            out.println(help);
            return ExitStatus.DONE;
        }
        LibraryLogging.configure(line.has(CommandLine.VERBOSE));
        // Until the login is read there is no password to hide, but a URL may still carry one.
        UnaryOperator<String> redact = DatabaseLogin::redactUrls;
        try {
            DatabaseLogin login = DatabaseLogin.of(line, streams.environment());
            redact = login::redact;
            return work.apply(line, login);
        } catch (UsageException e) {
            err.println(name + ": " + redact.apply(e.getMessage()));
            err.println(help);
            return ExitStatus.USAGE;
        } catch (RuntimeException e) {
            err.println(name + " failed: " + redact.apply(LibraryLogging.withoutFlywayAdvice(describe(e))));
            if (line.has(CommandLine.VERBOSE)) {
                StringWriter trace = new StringWriter();
                e.printStackTrace(new PrintWriter(trace));
                err.println(redact.apply(trace.toString()));
            }
            return ExitStatus.FAILED;
        }
    }

    /**
     * Where a command reads and writes: its standard streams and its environment (a test's own, or the process's).
     */
    record Streams(PrintStream out, PrintStream err, Map<String, String> environment) {
    }

    /** The failure's message, and its causes' where they add something (the driver's "connection refused"). */
    private static String describe(Throwable failure) {
        StringBuilder text = new StringBuilder(String.valueOf(failure.getMessage()));
        for (Throwable cause = failure.getCause(); cause != null && cause != cause.getCause();
             cause = cause.getCause()) {
            String message = cause.getMessage();
            if (message != null && !text.toString().contains(message)) {
                text.append("\n  caused by: ").append(message);
            }
        }
        return text.toString();
    }
}
