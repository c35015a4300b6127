package io.worklane.sla;

import java.util.List;
import java.util.UUID;

/** An SLA policy as an admin writes it, to create one or replace one whole. */
public record SlaPolicyDefinition(String name, String appliesTo, UUID calendar, List<SlaPolicy.Metric> metrics) {
}
