package io.worklane.work.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import io.worklane.identity.WorklaneUser;
import io.worklane.shared.web.Versions;
import io.worklane.work.SavedFilter;
import io.worklane.work.SavedFilterManagement;
import io.worklane.work.SavedFilterManagement.FilterOrder;
import org.springframework.http.HttpHeaders;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import java.net.URI;
import java.util.List;
import java.util.UUID;

/** Saved filters: named item queries, one's own or shared with the tenant. */
@RestController
@RequestMapping(path = "/t/{tenant}/api/v1/filters", produces = "application/json")
@Tag(name = "Saved filters", description = "Named item queries, private or shared")
class SavedFiltersApi {

    private final SavedFilterManagement filters;

    SavedFiltersApi(SavedFilterManagement filters) {
        this.filters = filters;
    }

    @GetMapping
    @Operation(summary = "My filters and the shared ones")
    List<SavedFilter> list(@AuthenticationPrincipal WorklaneUser actor) {
        return filters.visible(actor);
    }

    @PostMapping(consumes = "application/json")
    @Operation(summary = "Save a query under a name; shared: true shows it to everyone")
    ResponseEntity<SavedFilter> create(@AuthenticationPrincipal WorklaneUser actor, @RequestBody FilterOrder order) {
        SavedFilter filter = filters.create(actor, order);
        return ResponseEntity.created(URI.create("/t/" + actor.tenantSlug() + "/api/v1/filters/" + filter.id()))
                .eTag(Versions.etag(filter.version())).body(filter);
    }

    @GetMapping("/{id}")
    @Operation(summary = "One saved filter; run it with GET /items?filter={id}")
    ResponseEntity<SavedFilter> get(@AuthenticationPrincipal WorklaneUser actor, @PathVariable UUID id) {
        SavedFilter filter = filters.get(actor, id);
        return ResponseEntity.ok().eTag(Versions.etag(filter.version())).body(filter);
    }

    @PatchMapping(path = "/{id}", consumes = "application/json")
    @Operation(summary = "Rename, change the query or share (owner or admin); send If-Match")
    ResponseEntity<SavedFilter> update(@AuthenticationPrincipal WorklaneUser actor, @PathVariable UUID id,
                                       @RequestBody FilterOrder order,
                                       @RequestHeader(value = HttpHeaders.IF_MATCH, required = false) String ifMatch) {
        SavedFilter filter = filters.update(actor, id, order, Versions.ifMatch(ifMatch));
        return ResponseEntity.ok().eTag(Versions.etag(filter.version())).body(filter);
    }

    @DeleteMapping("/{id}")
    @Operation(summary = "Delete a saved filter (owner or admin)")
    ResponseEntity<Void> delete(@AuthenticationPrincipal WorklaneUser actor, @PathVariable UUID id) {
        filters.delete(actor, id);
        return ResponseEntity.noContent().build();
    }
}
