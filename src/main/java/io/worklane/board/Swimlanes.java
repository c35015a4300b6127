package io.worklane.board;

import java.util.Optional;

/** How a board splits its cards into horizontal lanes (the expedite lane comes on top of any of these). */
public enum Swimlanes {
    NONE, CATEGORY, ASSIGNEE, PARENT;

    public String code() {
        return name().toLowerCase();
    }

    public static Optional<Swimlanes> ofCode(String code) {
        for (Swimlanes lanes : values()) {
            if (lanes.code().equalsIgnoreCase(code == null ? "" : code.strip())) {
                return Optional.of(lanes);
            }
        }
        return Optional.empty();
    }
}
