package io.worklane.approval;

import java.time.Instant;
import java.util.UUID;

/** {@code delegate} decides for {@code delegator} from {@code startsAt} until {@code endsAt}. */
public record Delegation(UUID id, Approval.Person delegator, Approval.Person delegate, Instant startsAt, Instant endsAt) {
}
