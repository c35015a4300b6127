package io.worklane.catalog;

import io.worklane.identity.Role;
import io.worklane.identity.WorklaneUser;

import java.util.Set;

/**
 * Who may order an offering: people with one of {@code roles}, or members of one of {@code teams}
 * (by key). Both empty: everyone in the tenant. Admins may always, so that they can try what they publish.
 */
public record Entitlement(Set<Role> roles, Set<String> teams) {

    public static final Entitlement EVERYONE = new Entitlement(Set.of(), Set.of());

    public Entitlement {
        roles = roles == null ? Set.of() : Set.copyOf(roles);
        teams = teams == null ? Set.of() : Set.copyOf(teams.stream().map(key -> key.strip().toUpperCase()).toList());
    }

    public boolean allows(WorklaneUser actor, Set<String> actorTeams) {
        return actor.isAdmin() || (roles.isEmpty() && teams.isEmpty())
                || roles.stream().anyMatch(actor::has) || teams.stream().anyMatch(actorTeams::contains);
    }
}
