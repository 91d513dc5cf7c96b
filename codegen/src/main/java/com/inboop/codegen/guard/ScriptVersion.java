package com.inboop.codegen.guard;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;

/**
 * A migration's version as Flyway reads it from the file name: numeric parts separated by {@code .} or {@code _}
 * ({@code V1_2__} and {@code V1.2__} are both 1.2), compared part by part with trailing zeros ignored, so 1, 1.0 and
 * 001 are the same version.
 *
 * @param text  the version as written in the file name, e.g. {@code 13.1} or {@code 045}
 * @param parts its numeric parts without trailing zeros (empty for version 0)
 */
public record ScriptVersion(String text, List<BigInteger> parts) implements Comparable<ScriptVersion> {

    /** Reads {@code text}, digits separated by dots or underscores (the caller matched the pattern). */
    public static ScriptVersion parse(String text) {
        List<BigInteger> parts = new ArrayList<>();
        for (String part : text.split("[._]")) {
            parts.add(new BigInteger(part));
        }
        while (!parts.isEmpty() && parts.get(parts.size() - 1).signum() == 0) {
            parts.remove(parts.size() - 1);
        }
        return new ScriptVersion(text, List.copyOf(parts));
    }

    /** True for version 1 (also written 001, 1.0, 1_0_0): the baseline. */
    public boolean isOne() {
        return parts.equals(List.of(BigInteger.ONE));
    }

    /** The version as a plain integer when it has exactly one part that fits a long (the house pattern), else -1. */
    public long asInteger() {
        if (parts.isEmpty()) {
            return 0;
        }
        return parts.size() == 1 && parts.get(0).bitLength() < Long.SIZE ? parts.get(0).longValue() : -1;
    }

    @Override
    public int compareTo(ScriptVersion other) {
        for (int i = 0; i < Math.max(parts.size(), other.parts.size()); i++) {
            BigInteger mine = i < parts.size() ? parts.get(i) : BigInteger.ZERO;
            BigInteger theirs = i < other.parts.size() ? other.parts.get(i) : BigInteger.ZERO;
            int order = mine.compareTo(theirs);
            if (order != 0) {
                return order;
            }
        }
        return 0;
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof ScriptVersion version && parts.equals(version.parts);
    }

    @Override
    public int hashCode() {
        return parts.hashCode();
    }

    @Override
    public String toString() {
        return text;
    }
}
