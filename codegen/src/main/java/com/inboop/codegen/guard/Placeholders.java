package com.inboop.codegen.guard;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Properties;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.inboop.codegen.failure.CodegenException;

/**
 * Flyway placeholders ({@code ${name}}) that the settings give no value: Flyway refuses to apply a file that uses
 * one ("No value provided for placeholder"), so the semantic layer sets such a file aside, applies the rest, and the
 * guard reports the file where the placeholder is. Flyway's own ({@code ${flyway:defaultSchema}} ...) always have one.
 */
final class Placeholders {

    /**
     * The first placeholder without a value in a file.
     *
     * @param name the placeholder's name
     * @param line its line (1-based)
     */
    record Unresolved(String name, int line) {
    }

    private Placeholders() {
    }

    /** Each file of {@code scripts} (names in {@code directory}) that uses a placeholder {@code settings} lacks. */
    static Map<String, Unresolved> unresolved(Path directory, Iterable<MigrationScript> scripts, Properties settings) {
        Map<String, Unresolved> found = new LinkedHashMap<>();
        if (!Boolean.parseBoolean(settings.getProperty("flyway.placeholderReplacement", "true").strip())) {
            return found;
        }
        String prefix = settings.getProperty("flyway.placeholderPrefix", "${");
        String suffix = settings.getProperty("flyway.placeholderSuffix", "}");
        Pattern placeholder = Pattern.compile(Pattern.quote(prefix) + "(.+?)" + Pattern.quote(suffix));
        for (MigrationScript script : scripts) {
            String text = read(directory.resolve(script.fileName()));
            Matcher matcher = placeholder.matcher(text);
            while (matcher.find()) {
                String name = matcher.group(1);
                if (!name.startsWith("flyway:") && !hasValue(settings, name)) {
                    int line = (int) text.substring(0, matcher.start()).chars().filter(c -> c == '\n').count() + 1;
                    found.put(script.fileName(), new Unresolved(name, line));
                    break;
                }
            }
        }
        return found;
    }

    private static boolean hasValue(Properties settings, String name) {
        // Flyway matches placeholder names without regard to case.
        return settings.stringPropertyNames().stream()
                .anyMatch(key -> key.equalsIgnoreCase("flyway.placeholders." + name));
    }

    private static String read(Path file) {
        try {
            return Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw CodegenException.io("Cannot read " + file.toAbsolutePath() + " to find its placeholders", e);
        }
    }
}
