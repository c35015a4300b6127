/**
 * What every module may use: typed ids, paging, problem+json errors and the database plumbing.
 */
@ApplicationModule(type = ApplicationModule.Type.OPEN)
package io.worklane.shared;

import org.springframework.modulith.ApplicationModule;
