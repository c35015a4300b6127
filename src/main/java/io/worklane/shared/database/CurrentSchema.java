package io.worklane.shared.database;

import java.util.Optional;

/**
 * Names the schema the current unit of work runs in. Implemented by tenancy, which knows the tenant
 * resolved at the edge; empty means the platform schema.
 */
@FunctionalInterface
public interface CurrentSchema {

    Optional<String> name();
}
