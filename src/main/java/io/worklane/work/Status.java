package io.worklane.work;

import java.util.UUID;

/** One status of a type's workflow. */
public record Status(UUID id, String name, StatusPhase phase, StatusFlow flow, int position, boolean initial) {

    public boolean isDone() {
        return phase == StatusPhase.DONE;
    }
}
