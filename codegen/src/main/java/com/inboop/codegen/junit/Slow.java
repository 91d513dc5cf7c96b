package com.inboop.codegen.junit;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.junit.jupiter.api.Tag;

/**
 * A test class that takes ten seconds or more (builds killed at chosen moments, servers crashed, copies of the
 * project built): part of every {@code ./mvnw verify}, left out of the inner loop's {@code ./mvnw verify -Pquick}.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Tag(Slow.TAG)
public @interface Slow {

    /** The JUnit tag, as {@code -Pquick} excludes it. */
    String TAG = "slow";
}
