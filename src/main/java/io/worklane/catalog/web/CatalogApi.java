package io.worklane.catalog.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import io.worklane.catalog.CatalogManagement;
import io.worklane.catalog.Offering;
import io.worklane.catalog.OfferingDefinition;
import io.worklane.catalog.ServiceReceipt;
import io.worklane.catalog.ServiceRequest;
import io.worklane.identity.WorklaneUser;
import io.worklane.shared.web.Versions;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.net.URI;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** The tenant API of the service catalog: offerings (admins define them), ordering, and one's requests. */
@RestController
@Tag(name = "Catalog", description = "Service catalog offerings, orders and service requests")
class CatalogApi {

    private static final String BASE = "/t/{tenant}/api/v1";

    private final CatalogManagement catalog;

    CatalogApi(CatalogManagement catalog) {
        this.catalog = catalog;
    }

    /** An order: the answers to the offering's form, by field key. */
    record Order(Map<String, Object> answers) {
    }

    @GetMapping(path = BASE + "/catalog/offerings", produces = "application/json")
    @Operation(summary = "The offerings the caller may order; q= filters by name, category or description")
    List<Offering> offerings(@AuthenticationPrincipal WorklaneUser actor, @RequestParam(required = false) String q) {
        return catalog.offerings(actor, q);
    }

    @GetMapping(path = BASE + "/catalog/offerings/{key}", produces = "application/json")
    @Operation(summary = "One offering, with its form")
    ResponseEntity<Offering> offering(@AuthenticationPrincipal WorklaneUser actor, @PathVariable String key) {
        return withEtag(catalog.offering(actor, key));
    }

    @PostMapping(path = BASE + "/catalog/offerings", consumes = "application/json", produces = "application/json")
    @Operation(summary = "Define an offering (admins)")
    ResponseEntity<Offering> create(@AuthenticationPrincipal WorklaneUser actor, @RequestBody OfferingDefinition definition) {
        Offering offering = catalog.create(actor, definition);
        return ResponseEntity.status(HttpStatus.CREATED)
                .location(URI.create("/t/" + actor.tenantSlug() + "/api/v1/catalog/offerings/" + offering.key()))
                .eTag(Versions.etag(offering.version())).body(offering);
    }

    @PutMapping(path = BASE + "/catalog/offerings/{key}", consumes = "application/json", produces = "application/json")
    @Operation(summary = "Make the offering's next version (admins); requests keep theirs. Send If-Match to refuse a stale change")
    ResponseEntity<Offering> update(@AuthenticationPrincipal WorklaneUser actor, @PathVariable String key,
                                    @RequestBody OfferingDefinition definition,
                                    @RequestHeader(value = HttpHeaders.IF_MATCH, required = false) String ifMatch) {
        return withEtag(catalog.update(actor, key, definition, Versions.ifMatch(ifMatch)));
    }

    @DeleteMapping(path = BASE + "/catalog/offerings/{key}", produces = "application/json")
    @Operation(summary = "Take an offering out of the catalog (admins); its requests stay")
    ResponseEntity<Offering> archive(@AuthenticationPrincipal WorklaneUser actor, @PathVariable String key) {
        return withEtag(catalog.archive(actor, key, true));
    }

    @PostMapping(path = BASE + "/catalog/offerings/{key}/requests", consumes = "application/json",
            produces = "application/json")
    @Operation(summary = "Order an offering; creates a Service request item. Send an Idempotency-Key to make retries safe")
    ResponseEntity<ServiceRequest> order(@AuthenticationPrincipal WorklaneUser actor, @PathVariable String key,
                                         @RequestBody Order order,
                                         @RequestHeader(value = "Idempotency-Key", required = false) String idempotencyKey) {
        ServiceRequest request = catalog.order(actor, key, order.answers(), idempotencyKey);
        return ResponseEntity.status(HttpStatus.CREATED)
                .location(URI.create("/t/" + actor.tenantSlug() + "/api/v1/requests/" + request.id())).body(request);
    }

    @GetMapping(path = BASE + "/requests", produces = "application/json")
    @Operation(summary = "The caller's own requests, newest first, with where each stands")
    List<ServiceRequest> myRequests(@AuthenticationPrincipal WorklaneUser actor) {
        return catalog.myRequests(actor);
    }

    @GetMapping(path = BASE + "/requests/{id}", produces = "application/json")
    @Operation(summary = "One request (its requester, or staff)")
    ServiceRequest request(@AuthenticationPrincipal WorklaneUser actor, @PathVariable UUID id) {
        return catalog.request(actor, id);
    }

    @GetMapping(path = BASE + "/requests/{id}/receipt", produces = "application/json")
    @Operation(summary = "A request's service receipt: what was ordered, each step, who or what did it, when, planned and actual")
    ResponseEntity<ServiceReceipt> receipt(@AuthenticationPrincipal WorklaneUser actor, @PathVariable UUID id,
                                           @RequestParam(required = false) boolean download) {
        ServiceReceipt receipt = catalog.receipt(actor, id);
        var response = ResponseEntity.ok();
        if (download) {
            response.header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"receipt-" + receipt.item() + ".json\"");
        }
        return response.body(receipt);
    }

    /** What an agent says when finishing or skipping a step. */
    record StepAction(String note, String reason) {
    }

    @PostMapping(path = BASE + "/requests/{id}/steps/{step}/complete", consumes = "application/json", produces = "application/json")
    @Operation(summary = "Finish a manual step under way (agents)")
    ServiceRequest completeStep(@AuthenticationPrincipal WorklaneUser actor, @PathVariable UUID id, @PathVariable String step,
                                @RequestBody(required = false) StepAction action) {
        return catalog.completeStep(actor, id, step, action == null ? null : action.note());
    }

    @PostMapping(path = BASE + "/requests/{id}/steps/{step}/retry", produces = "application/json")
    @Operation(summary = "Try a failed step again (agents)")
    ServiceRequest retryStep(@AuthenticationPrincipal WorklaneUser actor, @PathVariable UUID id, @PathVariable String step) {
        return catalog.retryStep(actor, id, step);
    }

    @PostMapping(path = BASE + "/requests/{id}/steps/{step}/skip", consumes = "application/json", produces = "application/json")
    @Operation(summary = "Skip a failed step, saying why (agents)")
    ServiceRequest skipStep(@AuthenticationPrincipal WorklaneUser actor, @PathVariable UUID id, @PathVariable String step,
                            @RequestBody StepAction action) {
        return catalog.skipStep(actor, id, step, action.reason());
    }

    private static ResponseEntity<Offering> withEtag(Offering offering) {
        return ResponseEntity.ok().eTag(Versions.etag(offering.version())).body(offering);
    }
}
