package io.worklane.board;

import java.util.UUID;

public record BoardId(UUID value) {

    public BoardId {
        java.util.Objects.requireNonNull(value, "value");
    }

    @Override
    public String toString() {
        return value.toString();
    }
}
