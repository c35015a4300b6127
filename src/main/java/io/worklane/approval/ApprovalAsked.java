package io.worklane.approval;

import java.util.UUID;

/** Someone was asked to decide an approval, in the transaction that asked them. */
public record ApprovalAsked(UUID approvalId, UUID approver) {
}
