package com.inboop.db.list;

import java.util.Map;

/**
 * How many rows have each status, and how many have none in the design's terms (NULL, or a legacy value without
 * equivalent: see {@code com.inboop.db.legacy.LegacyMapping}).
 *
 * @param byStatus every status of the enum, 0 when none
 * @param unset    rows without a status in the design's terms
 * @param <S>      the generated enum
 */
public record StatusCounts<S extends Enum<S>>(Map<S, Long> byStatus, long unset) {

    public StatusCounts {
        byStatus = Map.copyOf(byStatus);
    }

    /** The count for one status. */
    public long of(S status) {
        return byStatus.getOrDefault(status, 0L);
    }
}
