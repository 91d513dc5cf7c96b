package com.inboop.backend;

import java.io.IOException;
import java.io.StringReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Properties;

/**
 * The README's "Spring Boot" section, as the tests use it: the properties snippet is what they start the backend
 * with, so the README says what is run.
 */
final class Readme {

    /** From spring-tests/boot-*, where the tests run. */
    static final Path FILE = Path.of("../../README.md");

    private Readme() {
    }

    /** The README's text. */
    static String text() throws IOException {
        return Files.readString(FILE);
    }

    /** The first {@code ```properties} block of the Spring Boot section. */
    static Map<String, String> springBootProperties() {
        try {
            String text = text();
            String section = text.substring(text.indexOf("## Spring Boot"));
            String start = "```properties\n";
            int from = section.indexOf(start) + start.length();
            Properties properties = new Properties();
            properties.load(new StringReader(section.substring(from, section.indexOf("```", from))));
            Map<String, String> map = new LinkedHashMap<>();
            properties.stringPropertyNames().forEach(name -> map.put(name, properties.getProperty(name)));
            return Map.copyOf(map);
        } catch (IOException | RuntimeException e) {
            throw new IllegalStateException("cannot read the properties snippet of " + FILE.toAbsolutePath(), e);
        }
    }
}
