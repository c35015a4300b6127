package io.worklane.work;

/** A partial change of a type: an absent (null) member stays as it is. */
public record WorkTypeChanges(String name, String category, String description, Boolean requestable) {
}
