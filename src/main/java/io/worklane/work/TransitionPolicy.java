package io.worklane.work;

import io.worklane.identity.Role;
import io.worklane.identity.WorklaneUser;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
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

    /**
     * The statuses an item passes through from {@code from} to the type's first done status (by
     * position) that its transitions reach, shortest way; empty when {@code from} is done or no done
     * status is reachable.
     */
    public static List<Status> pathToDone(WorkType type, Status from) {
        return pathToClosed(type, from, false);
    }

    /**
     * As {@link #pathToDone}, to the last done status by position when {@code cancelled}: workflows list
     * their successful end first and the ends that deliver nothing (Cancelled, Won't do) after it.
     */
    public static List<Status> pathToClosed(WorkType type, Status from, boolean cancelled) {
        if (from.isDone()) {
            return List.of();
        }
        Map<UUID, UUID> cameFrom = new HashMap<>();
        Deque<UUID> queue = new ArrayDeque<>(List.of(from.id()));
        cameFrom.put(from.id(), null);
        while (!queue.isEmpty()) {
            UUID at = queue.removeFirst();
            for (Transition t : type.transitionsFrom(at)) {
                if (!cameFrom.containsKey(t.to())) {
                    cameFrom.put(t.to(), at);
                    queue.addLast(t.to());
                }
            }
        }
        Optional<Status> target = cameFrom.keySet().stream().map(id -> type.status(id).orElseThrow())
                .filter(Status::isDone).min(cancelled ? Comparator.comparingInt((Status s) -> s.position()).reversed()
                        : Comparator.comparingInt(Status::position));
        if (target.isEmpty()) {
            return List.of();
        }
        List<Status> path = new ArrayList<>();
        for (UUID at = target.get().id(); !at.equals(from.id()); at = cameFrom.get(at)) {
            path.add(0, type.status(at).orElseThrow());
        }
        return path;
    }
}
