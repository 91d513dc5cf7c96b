package com.inboop.db.lifecycle;

/**
 * The result of a compare-and-set status change.
 *
 * @param applied whether this call changed the status
 * @param current the status now stored: the target if applied, otherwise whatever a concurrent change left (null
 *                for a legacy status without equivalent in the design, or an unknown one)
 * @param <S>     the generated status enum
 */
public record Transition<S extends Enum<S>>(boolean applied, S current) {
}
