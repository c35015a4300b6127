package io.worklane.work;

import com.fasterxml.jackson.annotation.JsonValue;
import io.worklane.shared.web.ApiProblem;

import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/** How urgent an item is. Stored as its rank (1 highest .. 5 lowest) so that sorting is by urgency. */
public enum Priority {
    HIGHEST, HIGH, MEDIUM, LOW, LOWEST;

    public int rank() {
        return ordinal() + 1;
    }

    public static Priority ofRank(int rank) {
        return values()[rank - 1];
    }

    @JsonValue
    public String code() {
        return name().toLowerCase(Locale.ROOT);
    }

    public String label() {
        return name().charAt(0) + name().substring(1).toLowerCase(Locale.ROOT);
    }

    /** The priority a client named, or a 400 naming the field. */
    public static Priority of(String code) {
        return Arrays.stream(values()).filter(p -> p.code().equalsIgnoreCase(code == null ? "" : code.strip()))
                .findFirst()
                .orElseThrow(() -> ApiProblem.invalidField("priority", "must be one of "
                        + Arrays.stream(values()).map(Priority::code).collect(Collectors.joining(", "))));
    }
}
