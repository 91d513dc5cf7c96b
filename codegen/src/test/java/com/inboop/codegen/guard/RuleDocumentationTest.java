package com.inboop.codegen.guard;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;

import com.inboop.codegen.Fixtures;
import com.inboop.codegen.guard.rule.Rule;

/** docs/migration-guard.md documents every rule under its code, with the severity the code gives it. */
class RuleDocumentationTest {

    @Test
    void everyRuleHasASectionWithItsSeverity() throws IOException {
        Path docs = Fixtures.projectMigrations().resolveSibling("docs").resolve("migration-guard.md");
        String text = Files.readString(docs);

        for (Rule rule : Rule.values()) {
            assertThat(text).as(rule.name()).contains("### " + rule.name() + "\n**" + rule.severity() + "**");
        }
    }
}
