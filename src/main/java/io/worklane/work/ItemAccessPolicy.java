package io.worklane.work;

import io.worklane.identity.WorklaneUser;

import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/**
 * Who may see and change an item. Agents and admins see all work (making work visible is the point);
 * agents change the items of their teams and the items assigned to or reported by them; requesters see
 * and comment on what they reported or watch; admins may do everything.
 */
public final class ItemAccessPolicy {

    private ItemAccessPolicy() {
    }

    public static boolean canSee(WorklaneUser actor, UUID reporter, boolean watching) {
        return actor.isStaff() || actor.id().value().equals(reporter) || watching;
    }

    /** Why the actor may not change the item, or empty when they may. */
    public static Optional<String> editRefusal(WorklaneUser actor, String key, UUID team, UUID assignee, UUID reporter,
                                               Set<UUID> actorTeams) {
        if (actor.isAdmin()) {
            return Optional.empty();
        }
        UUID me = actor.id().value();
        if (actor.isStaff() && (actorTeams.contains(team) || me.equals(assignee) || me.equals(reporter))) {
            return Optional.empty();
        }
        if (actor.isStaff()) {
            return Optional.of("Only members of the owning team, its assignee or its reporter may change " + key + ".");
        }
        return Optional.of("Requesters may comment on " + key + " but not change it; ask the team that owns it.");
    }

    /** Why the actor may not create an item of this type, or empty when they may. */
    public static Optional<String> createRefusal(WorklaneUser actor, WorkType type) {
        if (actor.isStaff() || type.requestable()) {
            return Optional.empty();
        }
        return Optional.of("Requesters may raise only incidents and requests, not " + type.name() + " items.");
    }
}
