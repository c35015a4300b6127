package io.worklane.tenancy.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import io.worklane.shared.Page;
import io.worklane.shared.PageRequest;
import io.worklane.shared.web.ApiProblem;
import io.worklane.shared.web.Versions;
import io.worklane.tenancy.StampTenant;
import io.worklane.tenancy.Tenant;
import io.worklane.tenancy.TenantManagement;
import org.springframework.http.HttpHeaders;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.net.URI;

/** The platform operator's API: stamp, list, inspect, suspend and resume tenants. */
@RestController
@RequestMapping(path = "/api/v1/tenants", produces = "application/json")
@Tag(name = "Tenants (operator)", description = "Requires the operator token as a Bearer token.")
class TenantOperatorApi {

    private final TenantManagement tenants;

    TenantOperatorApi(TenantManagement tenants) {
        this.tenants = tenants;
    }

    record SuspendRequest(String reason) {
    }

    @PostMapping(consumes = "application/json")
    @Operation(summary = "Stamp a new tenant: its schema, migrations, defaults and first admin, all or nothing")
    ResponseEntity<TenantView> stamp(@RequestBody StampTenant order) {
        Tenant tenant = tenants.stamp(order);
        return ResponseEntity.created(URI.create("/api/v1/tenants/" + tenant.slug()))
                .eTag(Versions.etag(tenant.version()))
                .body(TenantView.of(tenant));
    }

    @GetMapping
    @Operation(summary = "List tenants, by slug")
    Page<TenantView> list(@RequestParam(required = false) Integer page, @RequestParam(required = false) Integer size) {
        return tenants.list(PageRequest.of(page, size)).map(TenantView::of);
    }

    @GetMapping("/{slug}")
    @Operation(summary = "One tenant")
    ResponseEntity<TenantView> get(@PathVariable String slug) {
        Tenant tenant = tenants.find(slug).orElseThrow(() -> ApiProblem.notFound("There is no tenant '" + slug + "'."));
        return ResponseEntity.ok().eTag(Versions.etag(tenant.version())).body(TenantView.of(tenant));
    }

    @PostMapping(path = "/{slug}/suspend", consumes = "application/json")
    @Operation(summary = "Suspend a tenant: its users and API clients are refused with the reason; its data is kept")
    ResponseEntity<TenantView> suspend(@PathVariable String slug, @RequestBody SuspendRequest request,
                                       @RequestHeader(value = HttpHeaders.IF_MATCH, required = false) String ifMatch) {
        Tenant tenant = tenants.suspend(slug, request.reason(), Versions.ifMatch(ifMatch));
        return ResponseEntity.ok().eTag(Versions.etag(tenant.version())).body(TenantView.of(tenant));
    }

    @PostMapping("/{slug}/resume")
    @Operation(summary = "Resume a suspended tenant")
    ResponseEntity<TenantView> resume(@PathVariable String slug,
                                      @RequestHeader(value = HttpHeaders.IF_MATCH, required = false) String ifMatch) {
        Tenant tenant = tenants.resume(slug, Versions.ifMatch(ifMatch));
        return ResponseEntity.ok().eTag(Versions.etag(tenant.version())).body(TenantView.of(tenant));
    }
}
