package com.inboop.codegen.migrate;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;

import com.inboop.codegen.failure.CodegenException;

/**
 * A project's Flyway settings file as {@code flyway.*} properties: a {@code .conf} (Java properties, Flyway's
 * classic format) or a {@code .toml} (Flyway 10's: the {@code [flyway]} table and its sub-tables such as
 * {@code [flyway.placeholders]}; other tables, such as an environment's connection, are not this tool's business).
 * Only the TOML a settings file uses is read: {@code key = "string"}, numbers, booleans and arrays of strings.
 * The one reader of settings files, for the build ({@link MigrationRunner#withSettings(Path)}) and the command line.
 */
public final class FlywaySettingsFile {

    private FlywaySettingsFile() {
    }

    /**
     * The {@code flyway.*} settings in {@code file}.
     *
     * @param fix what to do if it cannot be read, for the message (e.g. "pass it with --flyway-config")
     * @throws CodegenException naming the file (and the line, for a TOML line that is not {@code key = value})
     */
    public static Properties read(Path file, String fix) {
        try {
            return file.getFileName().toString().endsWith(".toml") ? toml(Files.readAllLines(file,
                    StandardCharsets.UTF_8), file) : conf(file);
        } catch (IOException e) {
            throw CodegenException.io("Cannot read Flyway settings " + file.toAbsolutePath() + "; " + fix, e);
        }
    }

    private static Properties conf(Path file) throws IOException {
        Properties settings = new Properties();
        try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            settings.load(reader);
        }
        return settings;
    }

    private static Properties toml(List<String> lines, Path file) {
        Properties settings = new Properties();
        String table = "";
        for (int n = 0; n < lines.size(); n++) {
            String line = withoutComment(lines.get(n)).strip();
            if (line.isEmpty()) {
                continue;
            }
            if (line.startsWith("[")) {
                table = line.replaceAll("^\\[+|\\]+$", "").strip();
                continue;
            }
            int eq = line.indexOf('=');
            if (eq < 0) {
                throw new CodegenException(file.toAbsolutePath() + ":" + (n + 1) + ": expected key = value, found '"
                        + line + "'; fix the line or pass the settings as a flyway.conf");
            }
            if (!(table.equals("flyway") || table.startsWith("flyway."))) {
                continue;
            }
            String key = line.substring(0, eq).strip().replace("\"", "");
            settings.setProperty(table + "." + key, value(line.substring(eq + 1).strip()));
        }
        return settings;
    }

    /** A TOML value as a Flyway property: a string unquoted, an array joined with commas, anything else as written. */
    private static String value(String text) {
        if (text.startsWith("[") && text.endsWith("]")) {
            List<String> items = new ArrayList<>();
            for (String item : text.substring(1, text.length() - 1).split(",")) {
                if (!item.isBlank()) {
                    items.add(value(item.strip()));
                }
            }
            return String.join(",", items);
        }
        if (text.length() >= 2 && (text.startsWith("\"") && text.endsWith("\"")
                || text.startsWith("'") && text.endsWith("'"))) {
            return text.substring(1, text.length() - 1);
        }
        return text;
    }

    private static String withoutComment(String line) {
        boolean quoted = false;
        for (int i = 0; i < line.length(); i++) {
            char c = line.charAt(i);
            if (c == '"') {
                quoted = !quoted;
            } else if (c == '#' && !quoted) {
                return line.substring(0, i);
            }
        }
        return line;
    }
}
