package com.inboop.db.internal.cli;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * A command's options, read strictly: every argument is an option the command declares ({@code --name value},
 * {@code --name=value}, or a flag); an unknown, repeated or valueless one is a {@link UsageException} before anything
 * connects. Every command also takes {@code --help} and {@code --verbose}. {@code --password} is refused by name: a
 * password on the command line is visible to every user of the machine ({@code ps}).
 */
public final class CommandLine {

    /** Prints the command's usage and exits 0. */
    public static final Option HELP = Option.flag("--help", "print this help and exit");
    /** Shows the libraries' own log lines (Flyway's, the driver's), and a failure's stack trace. */
    public static final Option VERBOSE = Option.flag("--verbose", "also print the libraries' log lines and, on a "
            + "failure, its stack trace");

    private final Map<String, String> values;

    private CommandLine(Map<String, String> values) {
        this.values = values;
    }

    /**
     * Reads {@code args} against {@code declared} (plus {@link #HELP} and {@link #VERBOSE}).
     *
     * @throws UsageException for an unknown, repeated or valueless option, or any argument that is not an option
     */
    public static CommandLine parse(List<String> args, List<Option> declared) {
        Map<String, Option> options = new LinkedHashMap<>();
        for (Option option : declared) {
            options.put(option.name(), option);
        }
        options.put(HELP.name(), HELP);
        options.put(VERBOSE.name(), VERBOSE);
        Map<String, String> values = new LinkedHashMap<>();
        for (int i = 0; i < args.size(); i++) {
            String arg = args.get(i);
            int eq = arg.indexOf('=');
            String name = arg.startsWith("--") && eq > 0 ? arg.substring(0, eq) : arg;
            Option option = options.get(name);
            if (name.equals("--password")) {
                throw new UsageException("--password is not accepted: a password on the command line is visible to "
                        + "every user of this machine (ps). Set INBOOP_DB_PASSWORD (or PGPASSWORD), or pass "
                        + "--password-file FILE");
            }
            if (option == null) {
                throw new UsageException("unknown " + (arg.startsWith("-") ? "option" : "argument") + " '" + name
                        + "'; the options are " + options.keySet().stream().collect(Collectors.joining(", ")));
            }
            String value = "";
            if (option.takesValue()) {
                value = eq > 0 && arg.startsWith("--") ? arg.substring(eq + 1)
                        : i + 1 < args.size() && !args.get(i + 1).startsWith("--") ? args.get(++i) : "";
                if (value.isBlank()) {
                    throw new UsageException(name + " needs a value: " + name + " " + option.valueName());
                }
            } else if (eq > 0 && arg.startsWith("--")) {
                throw new UsageException(name + " takes no value");
            }
            if (values.put(name, value) != null) {
                throw new UsageException(name + " is given twice; give it once");
            }
        }
        return new CommandLine(Collections.unmodifiableMap(values));
    }

    /** Whether the flag or option was given. */
    public boolean has(Option option) {
        return values.containsKey(option.name());
    }

    /** The option's value, if given. */
    public Optional<String> value(Option option) {
        return Optional.ofNullable(values.get(option.name()));
    }

    /**
     * The option's value.
     *
     * @throws UsageException if it was not given
     */
    public String required(Option option) {
        return value(option).orElseThrow(() -> new UsageException(option.name() + " " + option.valueName()
                + " is required"));
    }

    /** The options' help, one line each, for a usage text. */
    public static String describe(List<Option> declared) {
        List<Option> all = new ArrayList<>(declared);
        all.add(VERBOSE);
        all.add(HELP);
        return all.stream().map(o -> String.format("  %-28s %s",
                        o.name() + (o.takesValue() ? " " + o.valueName() : ""), o.help()))
                .collect(Collectors.joining("\n"));
    }

    /**
     * One option a command declares.
     *
     * @param name      with its dashes, e.g. {@code --url}
     * @param valueName what its value is, e.g. {@code URL}; null for a flag
     * @param help      one line for the usage text
     */
    public record Option(String name, String valueName, String help) {

        /** An option that takes a value. */
        public static Option valued(String name, String valueName, String help) {
            return new Option(name, valueName, help);
        }

        /** A flag: present or not. */
        public static Option flag(String name, String help) {
            return new Option(name, null, help);
        }

        /** Whether it takes a value. */
        public boolean takesValue() {
            return valueName != null;
        }
    }
}
