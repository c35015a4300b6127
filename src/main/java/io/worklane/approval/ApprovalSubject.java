package io.worklane.approval;

import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * What needs approving, told by the module it belongs to: its {@code kind} and id (decisions come back
 * as an {@link ApprovalDecided} naming them), the {@code scope} quotas count within, a title, the page
 * that shows it (relative to the tenant), what an approver should see, who asks, and the facts that
 * auto-approval rules test.
 */
public record ApprovalSubject(String kind, UUID id, String scope, String title, String link, List<Detail> details,
                              UUID requesterId, Map<String, Object> facts) {

    public ApprovalSubject {
        details = List.copyOf(details);
        facts = facts == null ? Map.of() : facts;
    }

    /** A labelled value shown to approvers (a form field and its answer). */
    public record Detail(String label, String value) {
    }
}
