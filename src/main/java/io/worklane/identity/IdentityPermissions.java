package io.worklane.identity;

import io.worklane.shared.web.ApiProblem;

/** Who may read and change people and teams. Checked by the facade on every call. */
public final class IdentityPermissions {

    private IdentityPermissions() {
    }

    /** Admins configure people and teams. */
    public static void requireAdmin(WorklaneUser actor) {
        if (!actor.isAdmin()) {
            throw ApiProblem.forbidden("Only an admin of this organisation may change people and teams.");
        }
    }

    /** Admins and agents see the directory (to assign work); requesters see only themselves. */
    public static void requireStaff(WorklaneUser actor) {
        if (!actor.isStaff()) {
            throw ApiProblem.forbidden("Only agents and admins may see the people and teams of this organisation.");
        }
    }
}
