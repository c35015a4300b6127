package io.worklane.work;

import io.worklane.identity.Role;

import java.util.Set;
import java.util.UUID;

/** An allowed step of a workflow. {@code roles} empty means anyone who may edit the item. */
public record Transition(UUID id, UUID from, UUID to, String name, Set<Role> roles) {

    public boolean restricted() {
        return !roles.isEmpty();
    }
}
