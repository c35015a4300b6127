package io.worklane.work;

import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * A type of work (Incident, Change, ...), its category among the four, and its workflow: statuses,
 * the transitions allowed between them, and the custom fields its items carry.
 */
public record WorkType(UUID id, String name, String category, String description, boolean requestable, int position,
                       List<Status> statuses, List<Transition> transitions, List<CustomField> fields, long version) {

    public Status initialStatus() {
        return statuses.stream().filter(Status::initial).findFirst()
                .orElseGet(() -> statuses.stream().min(Comparator.comparingInt(Status::position)).orElseThrow());
    }

    public Optional<Status> status(UUID id) {
        return statuses.stream().filter(s -> s.id().equals(id)).findFirst();
    }

    public Optional<Status> statusNamed(String name) {
        return statuses.stream().filter(s -> s.name().equalsIgnoreCase(name.strip())).findFirst();
    }

    public List<Transition> transitionsFrom(UUID status) {
        return transitions.stream().filter(t -> t.from().equals(status)).toList();
    }

    public Optional<Transition> transition(UUID from, UUID to) {
        return transitions.stream().filter(t -> t.from().equals(from) && t.to().equals(to)).findFirst();
    }

    public Optional<CustomField> field(String key) {
        return fields.stream().filter(f -> f.key().equals(key)).findFirst();
    }
}
