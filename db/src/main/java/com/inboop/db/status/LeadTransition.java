package com.inboop.db.status;

import com.inboop.db.schema.enums.LeadStatus;

/**
 * The result of a compare-and-set status change.
 *
 * @param applied whether this call changed the status
 * @param current the status now stored: the target if applied, otherwise whatever a concurrent change left (null
 *                for a legacy status without equivalent in the design)
 */
public record LeadTransition(boolean applied, LeadStatus current) {
}
