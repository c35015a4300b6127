package io.worklane.work;

import io.worklane.identity.Role;
import io.worklane.identity.WorklaneUser;

import java.util.Optional;
import java.util.stream.Collectors;

/**
 * Whether an item may move from one status to another: only along a transition of its type's
 * workflow, and a restricted transition only by the roles it names. The refusal is what the user reads.
 */
public final class TransitionPolicy {

    private TransitionPolicy() {
    }

    /** A refusal and whether it is about who the actor is (403) rather than the workflow (409). */
    public record Refusal(String reason, boolean forbidden) {
    }

    /**
     * @param mayEdit whether the item access policy lets the actor change the item
     * @param reporter whether the actor reported the item (requesters may take transitions opened to them)
     */
    public static Optional<Refusal> refusal(WorkType type, Status from, Status to, WorklaneUser actor,
                                            boolean mayEdit, boolean reporter) {
        if (from.id().equals(to.id())) {
            return Optional.of(new Refusal("The item is already " + to.name() + ".", false));
        }
        Optional<Transition> step = type.transition(from.id(), to.id());
        if (step.isEmpty()) {
            String options = type.transitionsFrom(from.id()).stream()
                    .map(t -> type.status(t.to()).map(Status::name).orElse("?"))
                    .collect(Collectors.joining(", "));
            return Optional.of(new Refusal(type.name() + " items cannot go from " + from.name() + " to " + to.name()
                    + (options.isEmpty() ? "; " + from.name() + " is final." : ". From " + from.name()
                    + " they can go to: " + options + "."), false));
        }
        Transition transition = step.get();
        if (transition.restricted()) {
            boolean allowed = transition.roles().stream().anyMatch(role ->
                    actor.has(role) && (role != Role.REQUESTER || reporter || actor.isStaff()));
            return allowed ? Optional.empty() : Optional.of(new Refusal("Only " + transition.roles().stream()
                    .map(r -> r.code() + "s").sorted().collect(Collectors.joining(" and "))
                    + " may " + transition.name() + " (" + from.name() + " → " + to.name() + ").", true));
        }
        return mayEdit ? Optional.empty()
                : Optional.of(new Refusal("You may not move this item: only members of the owning team, its assignee "
                + "or its reporter may.", true));
    }
}
