package com.inboop.codegen.cli;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * The command line of {@code check}, {@code diff} and {@code align}, read strictly, to the contract every inboop-db
 * command keeps (README, "Errors"): every argument is an operand or an option the command declares ({@code --name
 * value}, {@code --name=value}, or a flag); an unknown, repeated or valueless option is an
 * {@link IllegalArgumentException} (exit 2) before anything starts; {@code --password} is refused by name, since a
 * password on the command line is visible to every user of the machine ({@code ps}). {@code --help} and
 * {@code --verbose} are every command's.
 */
final class CommandLine {

    static final String HELP = "--help";
    static final String VERBOSE = "--verbose";

    private final Map<String, String> values;
    private final List<String> operands;

    private CommandLine(Map<String, String> values, List<String> operands) {
        this.values = values;
        this.operands = operands;
    }

    /**
     * Reads {@code args}.
     *
     * @param flags   the options without a value
     * @param valued  the options with one
     * @param maximum how many operands (folders, points) the command takes at most
     */
    static CommandLine parse(List<String> args, Set<String> flags, Set<String> valued, int maximum) {
        Set<String> known = new TreeSet<>(flags);
        known.addAll(valued);
        known.add(HELP);
        known.add(VERBOSE);
        Map<String, String> values = new LinkedHashMap<>();
        List<String> operands = new ArrayList<>();
        for (int i = 0; i < args.size(); i++) {
            String arg = args.get(i);
            if (!arg.startsWith("--")) {
                if (operands.size() == maximum) {
                    throw new IllegalArgumentException("unexpected argument '" + arg + "'");
                }
                operands.add(arg);
                continue;
            }
            int eq = arg.indexOf('=');
            String name = eq > 0 ? arg.substring(0, eq) : arg;
            if (name.equals("--password")) {
                throw new IllegalArgumentException("--password is not accepted: a password on the command line is "
                        + "visible to every user of this machine (ps). Set INBOOP_DB_PASSWORD (or PGPASSWORD), or "
                        + "pass --password-file FILE");
            }
            if (!known.contains(name)) {
                throw new IllegalArgumentException("unknown option '" + name + "'; the options are "
                        + String.join(", ", known));
            }
            String value = "";
            if (valued.contains(name)) {
                value = eq > 0 ? arg.substring(eq + 1)
                        : i + 1 < args.size() && !args.get(i + 1).startsWith("--") ? args.get(++i) : "";
                if (value.isBlank()) {
                    throw new IllegalArgumentException(name + " needs a value");
                }
            } else if (eq > 0) {
                throw new IllegalArgumentException(name + " takes no value");
            }
            if (values.put(name, value) != null) {
                throw new IllegalArgumentException(name + " is given twice; give it once");
            }
        }
        return new CommandLine(Collections.unmodifiableMap(values), List.copyOf(operands));
    }

    boolean has(String option) {
        return values.containsKey(option);
    }

    Optional<String> value(String option) {
        return Optional.ofNullable(values.get(option));
    }

    Optional<Path> path(String option) {
        return value(option).map(Path::of);
    }

    List<String> operands() {
        return operands;
    }
}
