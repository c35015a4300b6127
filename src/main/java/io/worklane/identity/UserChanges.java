package io.worklane.identity;

import java.util.Set;

/** Changes to a person; a null field is left as it is. */
public record UserChanges(String name, Set<Role> roles, Boolean active, String password) {

    @Override
    public String toString() {
        return "UserChanges[name=" + name + ", roles=" + roles + ", active=" + active + "]";
    }
}
