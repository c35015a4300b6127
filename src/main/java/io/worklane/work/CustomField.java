package io.worklane.work;

import java.util.List;
import java.util.UUID;

/** A field a type adds to its items; its value is stored under {@code key}. */
public record CustomField(UUID id, String key, String name, CustomFieldKind kind, List<String> options,
                          boolean required, int position) {
}
