package io.worklane.work;

import java.util.UUID;

/** The short forms in which an item names the things it refers to. */
public final class Refs {

    private Refs() {
    }

    public record Person(UUID id, String name, String email) {
    }

    public record TeamRef(UUID id, String key, String name) {
    }

    public record TypeRef(UUID id, String name) {
    }

    public record StatusRef(UUID id, String name, StatusPhase phase, StatusFlow flow) {

        public static StatusRef of(Status status) {
            return new StatusRef(status.id(), status.name(), status.phase(), status.flow());
        }
    }

    public record ItemRef(String key, String title) {
    }
}
