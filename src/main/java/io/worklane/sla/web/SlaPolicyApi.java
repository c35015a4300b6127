package io.worklane.sla.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import io.worklane.identity.WorklaneUser;
import io.worklane.shared.web.Versions;
import io.worklane.sla.ItemClock;
import io.worklane.sla.ServiceLevels;
import io.worklane.sla.SlaClocks;
import io.worklane.sla.SlaPolicy;
import io.worklane.sla.SlaPolicyDefinition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestController;

import java.net.URI;
import java.util.List;
import java.util.UUID;

/** The tenant API of SLA policies, and of each item's clocks. */
@RestController
@Tag(name = "Service levels", description = "Business calendars and business time")
class SlaPolicyApi {

    private static final String BASE = "/t/{tenant}/api/v1/sla/policies";

    private final ServiceLevels levels;
    private final SlaClocks clocks;

    SlaPolicyApi(ServiceLevels levels, SlaClocks clocks) {
        this.levels = levels;
        this.clocks = clocks;
    }

    @GetMapping(path = BASE, produces = "application/json")
    @Operation(summary = "The tenant's SLA policies (agents and admins)")
    List<SlaPolicy> policies(@AuthenticationPrincipal WorklaneUser actor) {
        return levels.policies(actor);
    }

    @PostMapping(path = BASE, consumes = "application/json", produces = "application/json")
    @Operation(summary = "Define an SLA policy: the items it applies to, its calendar, its metrics (admins)")
    ResponseEntity<SlaPolicy> create(@AuthenticationPrincipal WorklaneUser actor, @RequestBody SlaPolicyDefinition definition) {
        SlaPolicy policy = levels.createPolicy(actor, definition);
        return ResponseEntity.created(URI.create("/t/" + actor.tenantSlug() + "/api/v1/sla/policies/" + policy.id()))
                .eTag(Versions.etag(policy.version())).body(policy);
    }

    @GetMapping(path = BASE + "/{id}", produces = "application/json")
    @Operation(summary = "One SLA policy")
    ResponseEntity<SlaPolicy> policy(@AuthenticationPrincipal WorklaneUser actor, @PathVariable UUID id) {
        SlaPolicy policy = levels.policy(actor, id);
        return ResponseEntity.ok().eTag(Versions.etag(policy.version())).body(policy);
    }

    @PutMapping(path = BASE + "/{id}", consumes = "application/json", produces = "application/json")
    @Operation(summary = "Replace an SLA policy (admins); send If-Match. Clocks follow at once: they come from history")
    ResponseEntity<SlaPolicy> update(@AuthenticationPrincipal WorklaneUser actor, @PathVariable UUID id,
                                     @RequestBody SlaPolicyDefinition definition,
                                     @RequestHeader(value = HttpHeaders.IF_MATCH, required = false) String ifMatch) {
        SlaPolicy policy = levels.updatePolicy(actor, id, definition, Versions.ifMatch(ifMatch));
        return ResponseEntity.ok().eTag(Versions.etag(policy.version())).body(policy);
    }

    @DeleteMapping(path = BASE + "/{id}")
    @Operation(summary = "Delete an SLA policy (admins)")
    ResponseEntity<Void> delete(@AuthenticationPrincipal WorklaneUser actor, @PathVariable UUID id) {
        levels.deletePolicy(actor, id);
        return ResponseEntity.noContent().build();
    }

    /** Why a repair is asked for, as it is recorded. */
    record RepairRequest(String reason) {
    }

    @PostMapping(path = "/t/{tenant}/api/v1/sla/repairs", consumes = "application/json", produces = "application/json")
    @Operation(summary = "Work out the clocks of every open item (and of every item with clocks) again, recorded (admins)")
    ResponseEntity<java.util.Map<String, UUID>> repair(@AuthenticationPrincipal WorklaneUser actor,
                                                       @RequestBody(required = false) RepairRequest request) {
        if (!actor.isAdmin()) {
            throw io.worklane.shared.web.ApiProblem.forbidden("Only admins repair SLA clocks.");
        }
        String reason = request == null || request.reason() == null || request.reason().isBlank() ? "Asked by an admin"
                : request.reason().strip().substring(0, Math.min(request.reason().strip().length(), 200));
        return ResponseEntity.accepted().body(java.util.Map.of("id", clocks.repair(actor, reason)));
    }

    @GetMapping(path = "/t/{tenant}/api/v1/sla/repairs", produces = "application/json")
    @Operation(summary = "Repairs lately: why, by whom, how many items, when they finished")
    List<io.worklane.sla.SlaRepair> repairs(@AuthenticationPrincipal WorklaneUser actor) {
        return clocks.repairs(actor);
    }

    @GetMapping(path = "/t/{tenant}/api/v1/items/{key}/sla", produces = "application/json")
    @Operation(summary = "The item's SLA clocks now: one per metric of each policy that applies to it")
    List<ItemClock> clocks(@AuthenticationPrincipal WorklaneUser actor, @PathVariable String key) {
        return clocks.clocks(actor, key);
    }
}
