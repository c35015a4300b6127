package io.worklane.approval;

import java.util.UUID;

/**
 * An approval ended after it started (by a decision, a rule or a timeout), published in the transaction
 * that ended it, so that what waits on it (a request's fulfilment) goes on or stops in the same commit.
 * Approvals decided at once by {@link Approvals#start} are told by its return value instead.
 */
public record ApprovalDecided(String subjectKind, UUID subjectId, UUID approvalId, boolean approved, String outcome) {
}
