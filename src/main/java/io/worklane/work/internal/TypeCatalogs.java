package io.worklane.work.internal;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.worklane.shared.TenantId;
import io.worklane.tenancy.TenantContext;
import io.worklane.work.TypeCatalog;
import org.springframework.stereotype.Component;

import java.time.Duration;

/**
 * The current tenant's types and workflows, read at most every {@link #FRESHNESS}: every item read
 * needs them and they change rarely. A change made on this node is seen at once; other nodes see it
 * within the freshness window (the same bargain as ADR 0006).
 */
@Component
public class TypeCatalogs {

    static final Duration FRESHNESS = Duration.ofSeconds(5);

    private final Cache<TenantId, TypeCatalog> catalogs = Caffeine.newBuilder()
            .expireAfterWrite(FRESHNESS)
            .maximumSize(10_000)
            .build();
    private final WorkTypes types;

    TypeCatalogs(WorkTypes types) {
        this.types = types;
    }

    public TypeCatalog current() {
        return catalogs.get(TenantContext.require().id(), tenant -> types.load());
    }

    public void forgetCurrent() {
        catalogs.invalidate(TenantContext.require().id());
    }
}
