package io.worklane.work;

import io.worklane.identity.Role;

import java.util.Comparator;
import java.util.List;
import java.util.UUID;

/**
 * A type as clients and admin pages read it: its category, its workflow with the status names spelt
 * out, and its custom fields. {@code version} moves with every change to any of them (it is the ETag).
 */
public record TypeDetails(UUID id, String name, String category, String description, boolean requestable,
                          int position, List<StatusDetails> statuses, List<TransitionDetails> transitions,
                          List<FieldDetails> fields, long version) {

    public record StatusDetails(UUID id, String name, StatusPhase phase, StatusFlow flow, int position,
                                boolean initial) {
    }

    public record StatusName(UUID id, String name) {
    }

    public record TransitionDetails(UUID id, String name, StatusName from, StatusName to, List<Role> roles) {
    }

    public record FieldDetails(String key, String name, CustomFieldKind kind, List<String> options, boolean required,
                               int position) {
    }

    public static TypeDetails of(WorkType type) {
        List<StatusDetails> statuses = type.statuses().stream()
                .sorted(Comparator.comparingInt(Status::position))
                .map(s -> new StatusDetails(s.id(), s.name(), s.phase(), s.flow(), s.position(), s.initial()))
                .toList();
        List<TransitionDetails> transitions = type.transitions().stream()
                .map(t -> new TransitionDetails(t.id(), t.name(), name(type, t.from()), name(type, t.to()),
                        t.roles().stream().sorted().toList()))
                .sorted(Comparator.comparingInt((TransitionDetails t) -> position(type, t.from().id()))
                        .thenComparingInt(t -> position(type, t.to().id())))
                .toList();
        List<FieldDetails> fields = type.fields().stream()
                .map(f -> new FieldDetails(f.key(), f.name(), f.kind(), f.options(), f.required(), f.position()))
                .toList();
        return new TypeDetails(type.id(), type.name(), type.category(), type.description(), type.requestable(),
                type.position(), statuses, transitions, fields, type.version());
    }

    private static StatusName name(WorkType type, UUID status) {
        return new StatusName(status, type.status(status).map(Status::name).orElse("?"));
    }

    private static int position(WorkType type, UUID status) {
        return type.status(status).map(Status::position).orElse(Integer.MAX_VALUE);
    }
}
