/** JUnit 5 support for tests against real Postgres: one server per test JVM, a migrated template, a fresh copy per test class. */
package com.inboop.codegen.junit;
