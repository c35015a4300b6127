package io.worklane.catalog;

import io.worklane.approval.ApprovalPolicy;
import io.worklane.fulfilment.FulfilmentPlan;

import java.util.List;

/**
 * An offering as an admin writes it: creating one, or replacing it with its next version. {@code key}
 * names it in addresses and cannot change; {@code team} is the key of the team that delivers it;
 * {@code approval} says who must approve an order (none: pre-authorised); {@code fulfilment} is how its
 * requests are fulfilled (none: by hand, by that team).
 */
public record OfferingDefinition(String key, String name, String description, String category, String icon, String team,
                                 Entitlement entitlement, List<FormField> form, String serviceLevel,
                                 ApprovalPolicy approval, FulfilmentPlan fulfilment) {
}
