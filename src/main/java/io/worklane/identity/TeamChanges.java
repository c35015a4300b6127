package io.worklane.identity;

/** Changes to a team; a null field is left as it is. The key never changes: item keys carry it. */
public record TeamChanges(String name, String description) {
}
