package com.inboop.db.migration;

import java.math.BigInteger;
import java.util.Arrays;
import java.util.List;

/**
 * Migration versions compared as Flyway compares them: dot- or underscore-separated numbers, each part by value
 * ({@code 048} is {@code 48}, {@code 1.10} comes after {@code 1.9}), a shorter version before a longer one it
 * begins.
 */
final class VersionOrder {

    private VersionOrder() {
    }

    /** A key that sorts and compares (with {@code equals}) as Flyway's versions do. */
    static Key key(String version) {
        return new Key(Arrays.stream(version.split("[._]")).map(BigInteger::new).toList());
    }

    /** The numeric parts of one version. */
    record Key(List<BigInteger> parts) implements Comparable<Key> {

        Key {
            int end = parts.size();
            while (end > 1 && parts.get(end - 1).signum() == 0) {
                end--; // 1.0 is 1, as for Flyway
            }
            parts = List.copyOf(parts.subList(0, end));
        }

        @Override
        public int compareTo(Key other) {
            for (int i = 0; i < Math.min(parts.size(), other.parts.size()); i++) {
                int order = parts.get(i).compareTo(other.parts.get(i));
                if (order != 0) {
                    return order;
                }
            }
            return Integer.compare(parts.size(), other.parts.size());
        }
    }
}
