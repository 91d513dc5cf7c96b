package com.inboop.db.internal.legacy;

import java.util.Collection;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * Channel names as the domain says them and as production stores them. The domain's FACEBOOK is stored by the
 * backend as MESSENGER (its Java enum has that name, so rows are never rewritten; docs/legacy-values.md): a filter for
 * either matches both.
 */
public final class LegacyChannels {

    private static final Map<String, Set<String>> STORED_AS = Map.of(
            "FACEBOOK", Set.of("FACEBOOK", "MESSENGER"),
            "MESSENGER", Set.of("FACEBOOK", "MESSENGER"));

    private LegacyChannels() {
    }

    /** Every stored channel value that means one of {@code channels}. */
    public static Set<String> storedNamesOf(Collection<String> channels) {
        Set<String> stored = new TreeSet<>();
        channels.forEach(channel -> stored.addAll(STORED_AS.getOrDefault(channel, Set.of(channel))));
        return stored;
    }
}
