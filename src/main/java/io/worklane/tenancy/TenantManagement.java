package io.worklane.tenancy;

import io.worklane.shared.Page;
import io.worklane.shared.PageRequest;
import io.worklane.shared.PasswordPolicy;
import io.worklane.shared.TenantId;
import io.worklane.shared.web.ApiProblem;
import io.worklane.shared.web.FieldError;
import io.worklane.tenancy.internal.TenantRegistry;
import io.worklane.tenancy.internal.TenantSchemas;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The operator's view of tenants: stamping a new one (all or nothing), listing, suspending and
 * resuming.
 */
@Service
public class TenantManagement {

    private static final Logger log = LoggerFactory.getLogger(TenantManagement.class);

    private final TenantRegistry registry;
    private final TenantSchemas schemas;
    private final List<TenantSeeder> seeders;
    private final TransactionTemplate transactions;
    private final ApplicationEventPublisher events;

    TenantManagement(TenantRegistry registry, TenantSchemas schemas, List<TenantSeeder> seeders,
                     TransactionTemplate transactions, ApplicationEventPublisher events) {
        this.registry = registry;
        this.schemas = schemas;
        this.seeders = seeders;
        this.transactions = transactions;
        this.events = events;
    }

    /**
     * Creates the tenant's schema, migrates it, seeds it and creates its first admin. If any step
     * fails the schema is dropped and the slug released: no half-made tenant is ever visible.
     */
    public Tenant stamp(StampTenant order) {
        validate(order);
        TenantId id = TenantId.random();
        String schema = Tenant.schemaFor(order.slug());
        try {
            registry.insertProvisioning(id, order.slug(), order.name().strip(), schema);
        } catch (DuplicateKeyException e) {
            throw ApiProblem.conflictOnField("slug-taken", "slug", "is already taken by another tenant");
        }
        try {
            int version = schemas.migrate(schema);
            Tenant provisioning = registry.find(id).orElseThrow();
            TenantContext.runAs(provisioning, () -> transactions.executeWithoutResult(status ->
                    seeders.forEach(seeder -> seeder.seed(provisioning, order))));
            registry.activate(id, version);
        } catch (RuntimeException e) {
            discard(id, schema);
            throw e;
        } finally {
            registry.forget(order.slug());
        }
        Tenant stamped = registry.find(id).orElseThrow();
        events.publishEvent(new TenantStamped(id, stamped.slug()));
        log.info("Stamped tenant {} in schema {}", stamped.slug(), schema);
        return stamped;
    }

    public Page<Tenant> list(PageRequest page) {
        return list(page, null);
    }

    /** With {@code query}, the tenants whose slug or name holds it. */
    public Page<Tenant> list(PageRequest page, String query) {
        return registry.list(page, query);
    }

    public Optional<Tenant> find(String slug) {
        return registry.find(slug).filter(tenant -> tenant.status() != TenantStatus.PROVISIONING);
    }

    public Tenant suspend(String slug, String reason, Long expectedVersion) {
        if (reason == null || reason.isBlank()) {
            throw ApiProblem.invalidField("reason", "is required: users are shown it");
        }
        Tenant tenant = changeStatus(slug, TenantStatus.SUSPENDED, reason.strip(), expectedVersion);
        events.publishEvent(new TenantSuspended(tenant.id(), tenant.slug(), reason.strip()));
        return tenant;
    }

    public Tenant resume(String slug, Long expectedVersion) {
        return changeStatus(slug, TenantStatus.ACTIVE, null, expectedVersion);
    }

    private Tenant changeStatus(String slug, TenantStatus status, String reason, Long expectedVersion) {
        Tenant tenant = find(slug).orElseThrow(() -> ApiProblem.notFound("There is no tenant '" + slug + "'."));
        if (expectedVersion != null && expectedVersion != tenant.version()) {
            throw ApiProblem.staleVersion(tenant.version());
        }
        if (!registry.changeStatus(tenant, status, reason)) {
            throw ApiProblem.staleVersion(registry.find(slug).map(Tenant::version).orElse(tenant.version()));
        }
        log.info("Tenant {} is now {}", slug, status.code());
        return registry.find(slug).orElseThrow();
    }

    private void discard(TenantId id, String schema) {
        try {
            schemas.drop(schema);
        } finally {
            registry.delete(id);
        }
    }

    private static void validate(StampTenant order) {
        List<FieldError> errors = new ArrayList<>();
        TenantSlugPolicy.refusal(order.slug()).ifPresent(reason -> errors.add(new FieldError("slug", reason)));
        if (order.name() == null || order.name().isBlank()) {
            errors.add(new FieldError("name", "is required"));
        } else if (order.name().length() > 200) {
            errors.add(new FieldError("name", "must be at most 200 characters"));
        }
        if (order.admin() == null) {
            errors.add(new FieldError("admin", "is required"));
        } else {
            FirstAdmin admin = order.admin();
            if (admin.email() == null || !admin.email().matches("[^@\\s]+@[^@\\s]+")) {
                errors.add(new FieldError("admin.email", "must be an e-mail address"));
            }
            if (admin.name() == null || admin.name().isBlank()) {
                errors.add(new FieldError("admin.name", "is required"));
            }
            PasswordPolicy.refusal(admin.password(), admin.email())
                    .ifPresent(reason -> errors.add(new FieldError("admin.password", reason)));
        }
        if (!errors.isEmpty()) {
            throw new ApiProblem(HttpStatus.BAD_REQUEST, "invalid-field", "Invalid field",
                    errors.stream().map(e -> "'" + e.field() + "' " + e.message())
                            .collect(java.util.stream.Collectors.joining("; ")) + ".", errors);
        }
    }
}
