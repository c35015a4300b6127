package io.worklane.approval;

import java.util.UUID;

/** Someone decided, a stage timed out or escalated, in that transaction: whoever shows the subject shows it again. */
public record ApprovalChanged(String subjectKind, UUID subjectId) {
}
