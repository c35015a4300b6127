package io.worklane.identity;

import java.util.Set;

/**
 * Changes to a person; a null field is left as it is. {@code manager} is the e-mail address of who they
 * report to, or an empty text for no one.
 */
public record UserChanges(String name, Set<Role> roles, Boolean active, String password, String manager) {

    public UserChanges(String name, Set<Role> roles, Boolean active, String password) {
        this(name, roles, active, password, null);
    }

    @Override
    public String toString() {
        return "UserChanges[name=" + name + ", roles=" + roles + ", active=" + active + ", manager=" + manager + "]";
    }
}
