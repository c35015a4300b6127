package io.worklane.work;

/** One of the four types of work; every work item type belongs to exactly one. */
public record WorkCategory(String code, String name, String colour, String description) {
}
