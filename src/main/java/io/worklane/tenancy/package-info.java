/**
 * Tenancy: the registry of customer organisations, stamping a share-nothing schema for each, routing
 * every request and job to its tenant's schema, and the operator's API over all of it.
 */
@ApplicationModule(displayName = "Tenancy")
package io.worklane.tenancy;

import org.springframework.modulith.ApplicationModule;
