/**
 * Work: the things a tenant tracks and the four types of work they belong to (business projects,
 * internal projects, changes, unplanned work).
 */
@ApplicationModule(displayName = "Work")
package io.worklane.work;

import org.springframework.modulith.ApplicationModule;
