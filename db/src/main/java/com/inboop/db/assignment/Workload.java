package com.inboop.db.assignment;

/**
 * One agent's open items: active conversations, leads still NEW, and orders neither delivered nor cancelled, none
 * archived or deleted.
 *
 * @param userId        the agent
 * @param conversations open conversations assigned to them
 * @param leads         open leads assigned to them
 * @param orders        open orders assigned to them
 */
public record Workload(long userId, long conversations, long leads, long orders) {

    /** All open items. */
    public long total() {
        return conversations + leads + orders;
    }
}
