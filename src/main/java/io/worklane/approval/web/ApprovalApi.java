package io.worklane.approval.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import io.worklane.approval.Approval;
import io.worklane.approval.Approvals;
import io.worklane.approval.Delegation;
import io.worklane.approval.PendingApproval;
import io.worklane.identity.WorklaneUser;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** The tenant API of approvals: what waits on me, one approval, deciding, and delegating while away. */
@RestController
@Tag(name = "Approvals", description = "Approvals of requests: decide, see, delegate")
class ApprovalApi {

    private static final String BASE = "/t/{tenant}/api/v1/approvals";

    private final Approvals approvals;

    ApprovalApi(Approvals approvals) {
        this.approvals = approvals;
    }

    /** A decision: {@code approve} or {@code reject}, and why (required to reject). */
    record DecisionBody(String decision, String comment) {
    }

    /** Someone decides for me from {@code startsAt} (now when absent) until {@code endsAt}. */
    record DelegationBody(String delegate, Instant startsAt, Instant endsAt) {
    }

    @GetMapping(path = BASE, produces = "application/json")
    @Operation(summary = "The approvals waiting on the caller, or on someone they stand in for, oldest first")
    List<PendingApproval> waiting(@AuthenticationPrincipal WorklaneUser actor) {
        return approvals.waitingFor(actor);
    }

    @GetMapping(path = BASE + "/{id}", produces = "application/json")
    @Operation(summary = "One approval: its stages, whom each asked, every decision and the log")
    Approval approval(@AuthenticationPrincipal WorklaneUser actor, @PathVariable UUID id) {
        return approvals.approval(actor, id);
    }

    @PostMapping(path = BASE + "/{id}/decision", consumes = "application/json", produces = "application/json")
    @Operation(summary = "Approve or reject, as an approver asked at the current stage or their delegate")
    Approval decide(@AuthenticationPrincipal WorklaneUser actor, @PathVariable UUID id, @RequestBody DecisionBody body) {
        return approvals.decide(actor, id, body == null ? null : body.decision(), body == null ? null : body.comment(), "api");
    }

    @GetMapping(path = BASE + "/delegations", produces = "application/json")
    @Operation(summary = "The caller's delegations that have not ended, both ways")
    List<Delegation> delegations(@AuthenticationPrincipal WorklaneUser actor) {
        return approvals.delegations(actor);
    }

    @PostMapping(path = BASE + "/delegations", consumes = "application/json", produces = "application/json")
    @Operation(summary = "Let someone (by e-mail address) decide the caller's approvals for a time")
    ResponseEntity<Delegation> delegate(@AuthenticationPrincipal WorklaneUser actor, @RequestBody DelegationBody body) {
        Delegation delegation = approvals.delegate(actor, body == null ? null : body.delegate(),
                body == null ? null : body.startsAt(), body == null ? null : body.endsAt());
        return ResponseEntity.status(HttpStatus.CREATED).body(delegation);
    }

    @DeleteMapping(path = BASE + "/delegations/{id}")
    @Operation(summary = "End one of the caller's delegations now")
    ResponseEntity<Void> endDelegation(@AuthenticationPrincipal WorklaneUser actor, @PathVariable UUID id) {
        approvals.endDelegation(actor, id);
        return ResponseEntity.noContent().build();
    }
}
