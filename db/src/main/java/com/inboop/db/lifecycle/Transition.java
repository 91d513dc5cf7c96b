package com.inboop.db.lifecycle;

/**
 * The result of every compare-and-set change inboop-db makes: a lead's or order's status, an order's payment, an
 * assignment, a conversation's intent. The change applies only if the row still is what the caller saw, so of racing
 * changes exactly one applies and the others learn what the row holds now.
 *
 * @param applied whether this call made the change
 * @param current the value now stored: the target if applied, otherwise whatever a concurrent change left (null for
 *                none: no assignee, a legacy status without equivalent in the design, or an unknown one)
 * @param <V>     the changed value: a generated status enum, or a user id for an assignment
 */
public record Transition<V>(boolean applied, V current) {
}
