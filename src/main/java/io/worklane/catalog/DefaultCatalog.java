package io.worklane.catalog;

import io.worklane.tenancy.StampTenant;
import io.worklane.tenancy.Tenant;
import io.worklane.tenancy.TenantSeeder;
import org.springframework.core.annotation.Order;
import org.springframework.core.io.ClassPathResource;
import org.springframework.stereotype.Component;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.List;

/**
 * Gives a new tenant a useful catalog to start from (catalog/default-catalog.json): password reset,
 * new laptop, access to an application, new development environment, database, standard change, all
 * delivered by the first team. Runs after identity's seeder, which makes that team.
 */
@Component
@Order(100)
class DefaultCatalog implements TenantSeeder {

    private final CatalogManagement catalog;
    private final List<OfferingDefinition> offerings;

    DefaultCatalog(CatalogManagement catalog, JsonMapper json) {
        this.catalog = catalog;
        try (InputStream in = new ClassPathResource("catalog/default-catalog.json").getInputStream()) {
            this.offerings = json.readValue(in, new TypeReference<List<OfferingDefinition>>() {
            });
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void seed(Tenant tenant, StampTenant order) {
        offerings.forEach(catalog::createDefault);
    }
}
