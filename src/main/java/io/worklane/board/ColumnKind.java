package io.worklane.board;

/** Where a column stands in the flow: work not started, work in process, or work finished lately. */
public enum ColumnKind {
    BACKLOG, FLOW, DONE;

    public String code() {
        return name().toLowerCase();
    }

    public static java.util.Optional<ColumnKind> ofCode(String code) {
        for (ColumnKind kind : values()) {
            if (kind.code().equalsIgnoreCase(code == null ? "" : code.strip())) {
                return java.util.Optional.of(kind);
            }
        }
        return java.util.Optional.empty();
    }
}
