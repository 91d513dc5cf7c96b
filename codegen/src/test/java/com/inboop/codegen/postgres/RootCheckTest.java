package com.inboop.codegen.postgres;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class RootCheckTest {

    @Test
    void rejectsRootWithoutUserNamespacesNamingEveryWayOut() {
        assertThatThrownBy(() -> RootCheck.requireRunnable(0, () -> false))
                .isInstanceOf(PostgresUnavailableException.class)
                .hasMessageContaining("root")
                .hasMessageContaining("unshare -U")
                .hasMessageContaining("non-root user")
                .hasMessageContaining("-Dinboop.postgres=server")
                .hasMessageContaining("-Dinboop.postgres=container");
    }

    @Test
    void acceptsRootWithUserNamespaces() {
        assertThatCode(() -> RootCheck.requireRunnable(0, () -> true)).doesNotThrowAnyException();
    }

    @Test
    void acceptsNonRootWithoutAskingForUserNamespaces() {
        assertThatCode(() -> RootCheck.requireRunnable(1000, () -> {
            throw new AssertionError("a non-root user needs no user namespace");
        })).doesNotThrowAnyException();
    }
}
