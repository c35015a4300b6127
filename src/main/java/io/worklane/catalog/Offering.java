package io.worklane.catalog;

import io.worklane.approval.ApprovalPolicy;
import io.worklane.fulfilment.FulfilmentPlan;

import java.time.Instant;
import java.util.List;

/**
 * An offering of the catalog at one version. {@code approval} (who must say yes) and {@code fulfilment}
 * (its plan, with the endpoints it calls) are shown to admins only. A request keeps the version it was
 * ordered with; a change makes the next version (and is refused from a stale one).
 */
public record Offering(String key, int version, String name, String description, String category, String icon,
                       TeamRef team, Entitlement entitlement, List<FormField> form, String serviceLevel,
                       ApprovalPolicy approval, FulfilmentPlan fulfilment, boolean archived, Instant createdAt,
                       Instant updatedAt) {

    public Offering {
        form = List.copyOf(form);
    }

    /** The team that delivers an offering's requests. */
    public record TeamRef(String key, String name) {
    }

    /** The offering as someone who does not administer the catalog sees it: without how it is fulfilled. */
    public Offering forRequesters() {
        return new Offering(key, version, name, description, category, icon, team, entitlement, form, serviceLevel, null,
                null, archived, createdAt, updatedAt);
    }

    public RequestForm requestForm() {
        return new RequestForm(form);
    }
}
