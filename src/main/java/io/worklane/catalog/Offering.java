package io.worklane.catalog;

import java.time.Instant;
import java.util.List;

/**
 * An offering of the catalog at one version. A request keeps the version it was ordered with; a
 * change makes the next version (and is refused from a stale one).
 */
public record Offering(String key, int version, String name, String description, String category, String icon,
                       TeamRef team, Entitlement entitlement, List<FormField> form, String serviceLevel, boolean archived,
                       Instant createdAt, Instant updatedAt) {

    public Offering {
        form = List.copyOf(form);
    }

    /** The team that delivers an offering's requests. */
    public record TeamRef(String key, String name) {
    }

    public RequestForm requestForm() {
        return new RequestForm(form);
    }
}
