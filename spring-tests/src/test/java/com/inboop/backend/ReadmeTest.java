package com.inboop.backend;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Map;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;

/** The README's Spring Boot snippets are the code and settings the tests run, word for word. */
class ReadmeTest {

    private static final String START = "// README example: start";
    private static final String END = "// README example: end";

    @Test
    void theOnePropertyIsTheOneTheTestsStartWith() {
        assertThat(Readme.springBootProperties()).isEqualTo(Map.of("inboop.db.startup", "migrate"))
                .isEqualTo(EmptyDatabaseTest.MIGRATE);
    }

    @Test
    void theDependencyIsTheStartersCoordinates() throws Exception {
        String pom = Files.readString(Path.of("../../spring/pom.xml"));
        assertThat(pom).contains("<artifactId>inboop-db-spring-boot-starter</artifactId>");
        String parent = Files.readString(Path.of("../../pom.xml"));
        String version = parent.substring(parent.indexOf("<version>") + "<version>".length(),
                parent.indexOf("</version>"));
        assertThat(Readme.text()).contains("""
                ```xml
                <dependency>
                  <groupId>com.inboop</groupId>
                  <artifactId>inboop-db-spring-boot-starter</artifactId>
                  <version>%s</version>
                </dependency>
                ```""".formatted(version));
    }

    @Test
    void theTransactionalServiceIsSalesServiceWordForWord() throws Exception {
        String source = Files.readString(Path.of("../src/test/java/com/inboop/backend/SalesService.java"));
        String snippet = source.substring(source.indexOf(START + "\n") + START.length() + 1,
                source.indexOf("    " + END));
        String unindented = Arrays.stream(snippet.split("\n"))
                .map(line -> line.length() >= 4 ? line.substring(4) : line.strip())
                .collect(Collectors.joining("\n"));

        assertThat(Readme.text()).contains("```java\n" + unindented + "\n```");
    }
}
