/**
 * Identity: the people of a tenant, their roles and teams (work centers), how they sign in (password,
 * session, API token) and how repeated failures are throttled.
 */
@ApplicationModule(displayName = "Identity")
package io.worklane.identity;

import org.springframework.modulith.ApplicationModule;
