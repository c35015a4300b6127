package io.worklane.work;

import java.util.List;

/**
 * A field to add to a type. {@code kind} is one of text, number, date, select, multiselect, user;
 * {@code options} are required for select kinds and refused for the others.
 */
public record NewCustomField(String key, String name, String kind, List<String> options, Boolean required) {
}
