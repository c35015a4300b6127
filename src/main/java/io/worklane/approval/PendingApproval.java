package io.worklane.approval;

import java.time.Instant;
import java.util.UUID;

/**
 * An approval waiting on someone: what, for whom, at which stage, since when; {@code onBehalfOf} names
 * the approver when the reader decides as their delegate.
 */
public record PendingApproval(UUID id, String title, String link, Approval.Person requester, String stageName,
                              Instant askedAt, Approval.Person onBehalfOf) {
}
