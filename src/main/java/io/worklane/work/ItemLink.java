package io.worklane.work;

import com.fasterxml.jackson.annotation.JsonValue;

import java.util.Locale;

/** A link as one item sees it: "OPS-1 blocks OPS-2" is seen by OPS-2 as "is blocked by OPS-1". */
public record ItemLink(Kind kind, String key, String title, String status) {

    public enum Kind {
        BLOCKS("blocks", "blocks"), IS_BLOCKED_BY("blocks", "is blocked by"),
        RELATES("relates", "relates to"), DUPLICATES("duplicates", "duplicates"),
        IS_DUPLICATED_BY("duplicates", "is duplicated by");

        private final String stored;
        private final String label;

        Kind(String stored, String label) {
            this.stored = stored;
            this.label = label;
        }

        @JsonValue
        public String code() {
            return name().toLowerCase(Locale.ROOT);
        }

        public String label() {
            return label;
        }

        /** The kind as stored, from the source item's point of view. */
        public String stored() {
            return stored;
        }

        /** Whether this item is the target of the stored link (and the other item its source). */
        public boolean inverse() {
            return this == IS_BLOCKED_BY || this == IS_DUPLICATED_BY;
        }

        public static Kind seenFrom(String stored, boolean asSource) {
            return switch (stored) {
                case "blocks" -> asSource ? BLOCKS : IS_BLOCKED_BY;
                case "duplicates" -> asSource ? DUPLICATES : IS_DUPLICATED_BY;
                default -> RELATES;
            };
        }

        public static java.util.Optional<Kind> ofCode(String code) {
            for (Kind kind : values()) {
                if (kind.code().equalsIgnoreCase(code == null ? "" : code.strip())) {
                    return java.util.Optional.of(kind);
                }
            }
            return java.util.Optional.empty();
        }
    }
}
