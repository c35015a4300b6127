package io.worklane.tenancy.internal;

import io.worklane.shared.database.CurrentSchema;
import io.worklane.tenancy.Tenant;
import io.worklane.tenancy.TenantContext;
import org.springframework.stereotype.Component;

import java.util.Optional;

/** Routes connections to the schema of the tenant in {@link TenantContext}. */
@Component
class CurrentTenantSchema implements CurrentSchema {

    @Override
    public Optional<String> name() {
        return TenantContext.current().map(Tenant::schema);
    }
}
