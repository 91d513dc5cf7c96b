package com.inboop.codegen.cli;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Passwords kept off the command line and out of every message: read from a file or the environment, never taken
 * inside a URL, and replaced by {@code ****} wherever a message would show one.
 */
final class Redaction {

    private static final Pattern PASSWORD_PARAMETER = Pattern.compile("(?i)([?&;](?:ssl)?password=)[^&;\\s]*");
    private static final Pattern USER_INFO = Pattern.compile("(?i)(jdbc:postgresql://[^/@\\s]*?:)[^/@\\s]*@");

    private Redaction() {
    }

    /** Whether {@code url} carries a password ({@code ?password=}, {@code user:password@}). */
    static boolean carriesPassword(String url) {
        return PASSWORD_PARAMETER.matcher(url).find() || USER_INFO.matcher(url).find();
    }

    /** {@code text} without a password from a URL or from {@code environment}'s password variables. */
    static String redact(String text, Map<String, String> environment) {
        if (text == null) {
            return null;
        }
        String redacted = text;
        for (String variable : new String[] {"INBOOP_DB_PASSWORD", "PGPASSWORD"}) {
            String password = environment.get(variable);
            if (password != null && !password.isEmpty()) {
                redacted = redacted.replace(password, "****");
            }
        }
        redacted = PASSWORD_PARAMETER.matcher(redacted).replaceAll(m -> Matcher.quoteReplacement(m.group(1) + "****"));
        return USER_INFO.matcher(redacted).replaceAll(m -> Matcher.quoteReplacement(m.group(1) + "****@"));
    }

    /** The first line of {@code file}: a file written by echo ends with a line break that is not the password's. */
    static String readPassword(Path file) {
        try {
            return Files.readString(file, StandardCharsets.UTF_8).lines().findFirst().orElse("");
        } catch (IOException e) {
            throw new IllegalArgumentException("--password-file " + file + " cannot be read (" + e.getMessage()
                    + "); give a readable file holding the password on its first line");
        }
    }
}
