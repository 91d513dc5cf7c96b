package com.inboop.db.internal.cli;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Where a command connects and as whom: {@code --url}, {@code --user}, and a password that never passes through the
 * command line (where {@code ps} shows it to every user of the machine) and is never printed. The password comes from
 * {@code --password-file FILE}, else {@code INBOOP_DB_PASSWORD}, else {@code PGPASSWORD}; a URL that carries one
 * ({@code ?password=}, {@code user:password@}) is refused. Every message a command prints goes through
 * {@link #redact}.
 *
 * @param url      a {@code jdbc:postgresql://} URL without a password
 * @param user     the user, or null for the driver's default
 * @param password the password, or null for none
 */
public record DatabaseLogin(String url, String user, String password) {

    /** {@code --url}. */
    public static final CommandLine.Option URL = CommandLine.Option.valued("--url", "URL",
            "the database: jdbc:postgresql://HOST:PORT/DB, no password in it");
    /** {@code --user}. */
    public static final CommandLine.Option USER = CommandLine.Option.valued("--user", "USER", "the user to connect as");
    /** {@code --password-file}. */
    public static final CommandLine.Option PASSWORD_FILE = CommandLine.Option.valued("--password-file", "FILE",
            "read the password from FILE (else INBOOP_DB_PASSWORD, else PGPASSWORD)");
    /** The options a command that connects declares. */
    public static final List<CommandLine.Option> OPTIONS = List.of(URL, USER, PASSWORD_FILE);

    private static final Pattern PASSWORD_PARAMETER = Pattern.compile("(?i)([?&;](?:ssl)?password=)[^&;\\s]*");
    private static final Pattern USER_INFO = Pattern.compile("(?i)(jdbc:postgresql://[^/@\\s]*?:)[^/@\\s]*@");

    /**
     * The login the command line and the environment give.
     *
     * @throws UsageException if {@code --url} is missing or not a {@code jdbc:postgresql://} URL, carries a password,
     *                        or the password file cannot be read
     */
    public static DatabaseLogin of(CommandLine line, Map<String, String> environment) {
        String url = line.required(URL);
        if (!url.startsWith("jdbc:postgresql://")) {
            throw new UsageException("--url must be a jdbc:postgresql://HOST:PORT/DATABASE URL, was '"
                    + redactUrls(url) + "'");
        }
        if (PASSWORD_PARAMETER.matcher(url).find() || USER_INFO.matcher(url).find()) {
            throw new UsageException("--url carries a password, which the command line shows to every user of this "
                    + "machine (ps): remove it from the URL and set INBOOP_DB_PASSWORD (or PGPASSWORD), or pass "
                    + "--password-file FILE");
        }
        String password = line.value(PASSWORD_FILE).map(DatabaseLogin::read)
                .orElseGet(() -> environment.getOrDefault("INBOOP_DB_PASSWORD", environment.get("PGPASSWORD")));
        return new DatabaseLogin(url, line.value(USER).orElse(null), password);
    }

    /** {@code text} with this login's password and any password in a URL replaced by {@code ****}. */
    public String redact(String text) {
        return redact(text, password);
    }

    /** {@code text} with any password in a URL replaced by {@code ****}. */
    public static String redactUrls(String text) {
        return redact(text, null);
    }

    private static String redact(String text, String password) {
        if (text == null) {
            return null;
        }
        String redacted = text;
        if (password != null && !password.isEmpty()) {
            redacted = redacted.replace(password, "****");
        }
        redacted = PASSWORD_PARAMETER.matcher(redacted).replaceAll(m -> Matcher.quoteReplacement(m.group(1) + "****"));
        return USER_INFO.matcher(redacted).replaceAll(m -> Matcher.quoteReplacement(m.group(1) + "****@"));
    }

    private static String read(String file) {
        try {
            String content = Files.readString(Path.of(file), StandardCharsets.UTF_8);
            // A file written by echo ends with a line break that is not part of the password.
            return content.lines().findFirst().orElse("");
        } catch (IOException | RuntimeException e) {
            throw new UsageException("--password-file " + file + " cannot be read (" + e.getClass().getSimpleName()
                    .toLowerCase(Locale.ROOT) + ": " + e.getMessage() + "); give a readable file holding the "
                    + "password on its first line");
        }
    }

    @Override
    public String toString() {
        return "DatabaseLogin[url=" + url + ", user=" + user + ", password=" + (password == null ? "none" : "****")
                + "]";
    }
}
