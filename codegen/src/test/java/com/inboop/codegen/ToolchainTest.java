package com.inboop.codegen;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

import com.inboop.codegen.toolchain.Toolchain;

class ToolchainTest {

    @Test
    void describesTheVersionsAndADigestOfTheHelpersOwnCode() {
        Toolchain toolchain = Toolchain.current();

        assertThat(toolchain.jooqVersion()).startsWith("3.19.");
        assertThat(toolchain.postgresVersion()).startsWith("17.");
        assertThat(toolchain.describe()).matches("codegen=\\S+ jooq=\\S+ flyway=\\S+ postgres=\\S+ helper=[0-9a-f]{64}")
                .isEqualTo(Toolchain.current().describe());
    }
}
