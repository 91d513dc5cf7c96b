/** What the helper runs with (Java, jOOQ, Flyway, its own classes), as part of the build's fingerprint and its messages. */
package com.inboop.codegen.toolchain;
