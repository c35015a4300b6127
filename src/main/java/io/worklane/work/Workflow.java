package io.worklane.work;

import io.worklane.identity.Role;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.UUID;

/**
 * A type's whole workflow as one document, as admins replace it: the statuses in order and the
 * transitions between them, named by status name. A status sent with its {@code id} is the same
 * status (renaming it keeps the items in it and their history); one sent without an id is new.
 */
public record Workflow(List<StatusDraft> statuses, List<TransitionDraft> transitions) {

    /** {@code phase}: todo, in_progress or done; {@code flow}: waiting or active. */
    public record StatusDraft(UUID id, String name, String phase, String flow, Boolean initial) {
    }

    /** {@code roles} empty or absent: anyone who may change the item may take it. */
    public record TransitionDraft(String from, String to, String name, List<String> roles) {
    }

    /** The workflow a type has now, as a document an admin can change and send back. */
    public static Workflow of(TypeDetails type) {
        List<StatusDraft> statuses = new ArrayList<>();
        type.statuses().stream().sorted(Comparator.comparingInt(TypeDetails.StatusDetails::position)).forEach(s ->
                statuses.add(new StatusDraft(s.id(), s.name(), s.phase().code(), s.flow().code(), s.initial())));
        List<TransitionDraft> transitions = new ArrayList<>();
        for (TypeDetails.TransitionDetails t : type.transitions()) {
            transitions.add(new TransitionDraft(t.from().name(), t.to().name(), t.name(),
                    t.roles().stream().map(Role::code).toList()));
        }
        return new Workflow(statuses, transitions);
    }
}
