package io.worklane.approval;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * An approval with everything about it: what is approved and for whom, its status ({@code pending},
 * {@code approved}, {@code rejected}, {@code cancelled}) and outcome, each stage with whom it asked and
 * what they decided, and the log of all that happened. {@code mayDecide} says whether the reader may
 * decide now (as an approver or a delegate).
 */
public record Approval(UUID id, String subjectKind, UUID subjectId, String title, String link,
                       List<ApprovalSubject.Detail> details, Person requester, String status, Integer stage,
                       String outcome, Instant createdAt, Instant decidedAt, List<StageState> stages, List<LogEntry> log,
                       boolean mayDecide) {

    /** Someone named in an approval. */
    public record Person(UUID id, String name, String email) {
    }

    public record StageState(int number, String name, String quorum, int required, String status, boolean escalated,
                             Instant startedAt, Instant decidedAt, List<Ask> asked) {
    }

    /** One approver asked in a stage, and their decision (or a delegate's for them). */
    public record Ask(Person approver, String status, Person decidedBy, String via, String comment, Instant askedAt,
                      Instant remindedAt, Instant decidedAt) {
    }

    public record LogEntry(Instant at, Integer stage, String kind, Person actor, Person onBehalfOf, String detail) {
    }

    /** The people a pending approval waits on now. */
    public List<Person> waitingOn() {
        if (!"pending".equals(status) || stage == null) {
            return List.of();
        }
        return stages.stream().filter(s -> s.number() == stage).flatMap(s -> s.asked().stream())
                .filter(a -> "pending".equals(a.status())).map(Ask::approver).toList();
    }
}
