package io.worklane.work;

import java.util.List;

/**
 * A partial change of a custom field: an absent (null) member stays as it is. The key and kind are
 * fixed once a field exists, because stored values are read by them.
 */
public record CustomFieldChanges(String name, List<String> options, Boolean required) {
}
