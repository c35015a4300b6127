package io.worklane.identity;

import java.util.Set;

/** An admin's order for a new person. Without a password, the person cannot sign in until one is set. */
public record NewUser(String email, String name, String password, Set<Role> roles) {

    @Override
    public String toString() {
        return "NewUser[email=" + email + ", name=" + name + ", roles=" + roles + "]";
    }
}
