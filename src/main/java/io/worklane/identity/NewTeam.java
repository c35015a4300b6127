package io.worklane.identity;

/** An admin's order for a new team. */
public record NewTeam(String key, String name, String description) {
}
