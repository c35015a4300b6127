package io.worklane.work;

/**
 * An admin's order for a new type. {@code category} is the code of one of the four work categories
 * ({@code business_project}, {@code internal_project}, {@code change}, {@code unplanned}).
 */
public record NewWorkType(String name, String category, String description, Boolean requestable) {
}
