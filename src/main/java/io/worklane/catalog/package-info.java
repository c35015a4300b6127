/**
 * The service catalog: offerings that IT publishes (a form, who may order it, the team that delivers
 * it, a service level), the requester's portal to order them, and service requests, each a work item
 * of type Service request that keeps the offering version it was ordered with.
 */
@ApplicationModule(displayName = "Service catalog")
package io.worklane.catalog;

import org.springframework.modulith.ApplicationModule;
