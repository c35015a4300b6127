/**
 * Fulfilment: the plan of an offering (manual tasks for teams, automated calls that provision, in
 * stages that run one after another, the steps of a stage side by side) and its durable execution
 * for each request, step by step, with planned and actual durations.
 */
@ApplicationModule(displayName = "Fulfilment")
package io.worklane.fulfilment;

import org.springframework.modulith.ApplicationModule;
