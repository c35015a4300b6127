package io.worklane.approval;

import java.util.Locale;

/** What an approver says. */
public enum Decision {
    APPROVE, REJECT;

    public String code() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** The decision a text names ("approve", "reject"), or null. */
    public static Decision of(String text) {
        if (text == null) {
            return null;
        }
        return switch (text.strip().toLowerCase(Locale.ROOT)) {
            case "approve", "approved" -> APPROVE;
            case "reject", "rejected" -> REJECT;
            default -> null;
        };
    }
}
