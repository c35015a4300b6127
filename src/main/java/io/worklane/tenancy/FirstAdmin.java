package io.worklane.tenancy;

/** The person who will administer a new tenant. The password is hashed by identity, never stored as given. */
public record FirstAdmin(String email, String name, String password) {

    @Override
    public String toString() {
        return "FirstAdmin[email=" + email + ", name=" + name + "]";
    }
}
