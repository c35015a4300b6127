package io.worklane.approval;

import io.worklane.approval.Approval.Person;
import io.worklane.approval.internal.ApprovalStore;
import io.worklane.approval.internal.ApprovalStore.Row;
import io.worklane.approval.internal.ApprovalStore.TaskRow;
import io.worklane.identity.OrgChart;
import io.worklane.identity.WorklaneUser;
import io.worklane.shared.web.ApiProblem;
import io.worklane.shared.web.FieldError;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * Approvals of the current tenant (ADR 0018): the module that owns a subject starts its approval; the
 * people asked decide here (page, API or signed link); everyone who may see the subject sees how its
 * approval stands. Who may decide is checked under the approval's lock, so two decisions never both
 * count for one approver.
 */
@Service
public class Approvals {

    private static final int LIST = 200;
    private static final int MAX_COMMENT = 2000;
    private static final Duration MAX_DELEGATION = Duration.ofDays(366);

    private final ApprovalStore store;
    private final ApprovalEngine engine;
    private final ApprovalLinks links;
    private final OrgChart org;
    private final Clock clock;

    Approvals(ApprovalStore store, ApprovalEngine engine, ApprovalLinks links, OrgChart org, Clock clock) {
        this.store = store;
        this.engine = engine;
        this.links = links;
        this.org = org;
        this.clock = clock;
    }

    /** How an approval began: {@code approved} at once (pre-authorised or by rule), or pending. */
    public record Start(UUID approvalId, boolean approved, String outcome) {
    }

    // --- for the modules that own subjects -------------------------------------------------------

    /** Starts the approval of {@code subject} by {@code policy}, in the caller's transaction. */
    @Transactional
    public Start start(ApprovalSubject subject, ApprovalPolicy policy) {
        ApprovalEngine.Started started = engine.start(subject, policy == null ? ApprovalPolicy.NONE : policy);
        return new Start(started.approvalId(), started.approved(), started.outcome());
    }

    /** The approval of a subject, for someone the owning module let see the subject. */
    @Transactional(readOnly = true)
    public Optional<Approval> ofSubject(WorklaneUser reader, String kind, UUID subjectId) {
        return store.ofSubject(kind, subjectId).map(row -> view(row, reader.id().value()));
    }

    /** The approvals of many subjects (those pre-authorised are absent), read in a handful of queries. */
    @Transactional(readOnly = true)
    public java.util.Map<UUID, Approval> ofSubjects(WorklaneUser reader, String kind, List<UUID> subjectIds) {
        if (subjectIds.isEmpty()) {
            return java.util.Map.of();
        }
        List<Row> rows = store.ofSubjects(kind, subjectIds);
        if (rows.isEmpty()) {
            return java.util.Map.of();
        }
        ApprovalStore.Parts parts = store.parts(rows.stream().map(Row::id).toList());
        Set<UUID> standIn = Set.copyOf(store.delegatorsOf(reader.id().value(), clock.instant()));
        return rows.stream().collect(Collectors.toMap(Row::subjectId, row -> view(row, reader.id().value(),
                parts.stages().getOrDefault(row.id(), List.of()), parts.tasks().getOrDefault(row.id(), List.of()),
                parts.log().getOrDefault(row.id(), List.of()), standIn)));
    }

    /** An approval's title, for telling people about it (no permission check: callers decide whom they tell). */
    @Transactional(readOnly = true)
    public Optional<String> titleOf(UUID approvalId) {
        return store.find(approvalId).map(Row::title);
    }

    /** What is wrong with a policy, named under {@code prefix}. */
    @Transactional(readOnly = true)
    public List<FieldError> problems(ApprovalPolicy policy, String prefix) {
        return policy == null ? List.of()
                : policy.problems(prefix, org::teamExists, email -> org.byEmail(email).filter(OrgChart.Person::active).isPresent());
    }

    // --- for approvers ---------------------------------------------------------------------------

    /** The approvals waiting on the person, or on someone they stand in for now, oldest first. */
    @Transactional(readOnly = true)
    public List<PendingApproval> waitingFor(WorklaneUser actor) {
        UUID me = actor.id().value();
        List<UUID> people = Stream.concat(Stream.of(me), store.delegatorsOf(me, clock.instant()).stream()).toList();
        return store.pendingFor(people, LIST).stream()
                // No one decides their own request as someone's delegate.
                .filter(w -> w.approver().id().equals(me) || !w.requester().id().equals(me))
                .map(w -> new PendingApproval(w.approvalId(), w.title(), w.link(), w.requester(), w.stageName(), w.askedAt(),
                        w.approver().id().equals(me) ? null : w.approver())).toList();
    }

    /** The approvals the person decided lately, newest first. */
    @Transactional(readOnly = true)
    public List<Approval> decidedBy(WorklaneUser actor) {
        return store.decidedBy(actor.id().value(), 20).stream().distinct()
                .map(id -> view(store.find(id).orElseThrow(), actor.id().value())).toList();
    }

    /** An approval the person may see: staff, its requester, and everyone asked (or standing in for them). */
    @Transactional(readOnly = true)
    public Approval approval(WorklaneUser actor, UUID id) {
        Row row = store.find(id).filter(r -> maySee(actor, r)).orElseThrow(() -> notFound(id));
        return view(row, actor.id().value());
    }

    /** The person decides: as an approver asked at the current stage, or as the delegate of one. */
    @Transactional
    public Approval decide(WorklaneUser actor, UUID id, String decision, String comment, String via) {
        Decision said = decision(decision);
        String why = comment(said, comment);
        Row row = store.lock(id).orElseThrow(() -> notFound(id));
        UUID me = actor.id().value();
        // Read once under the lock: who is asked, and whom the decider stands in for.
        List<TaskRow> tasks = store.tasks(row.id());
        Set<UUID> standIn = Set.copyOf(store.delegatorsOf(me, clock.instant()));
        if (!maySee(actor, row, tasks, standIn)) {
            throw notFound(id);
        }
        requirePending(row);
        List<TaskRow> open = tasks.stream()
                .filter(t -> t.stage() == row.stage() && ApprovalEngine.PENDING.equals(t.status())).toList();
        if (decidedInStage(row, me, tasks)) {
            throw ApiProblem.forbidden("You have already decided at this stage.");
        }
        TaskRow task = open.stream().filter(t -> t.approver().id().equals(me)).findFirst()
                .or(() -> open.stream().filter(t -> standIn.contains(t.approver().id()) && !ownRequest(row, me)).findFirst())
                .orElseThrow(() -> ApiProblem.forbidden(ownRequest(row, me)
                        ? "You cannot approve your own request." : "You are not asked to decide this approval."));
        engine.decide(row, task, me, said, why, via);
        return view(store.find(id).orElseThrow(), me);
    }

    // --- decision links --------------------------------------------------------------------------

    /** What a decision link is about, shown before it is used; {@code open} says whether it can still be used. */
    public record LinkView(Approval approval, Decision decision, Person person, boolean open, String closedBecause) {
    }

    @Transactional(readOnly = true)
    public LinkView link(String token) {
        ApprovalLinks.Claim claim = links.verify(token);
        TaskRow task = store.task(claim.taskId()).orElseThrow(() -> ApiProblem.notFound("This decision link is not valid."));
        Row row = store.find(task.approvalId()).orElseThrow();
        Person person = org.person(claim.personId()).map(p -> new Person(p.id(), p.name(), p.email()))
                .orElseThrow(() -> ApiProblem.notFound("This decision link is not valid."));
        String closed = closedBecause(row, task, claim.personId());
        return new LinkView(view(row, claim.personId()), claim.decision(), person, closed == null, closed);
    }

    /** Uses a decision link: the decision it names, by the person it names, once. */
    @Transactional
    public LinkView decideByLink(String token, String comment) {
        ApprovalLinks.Claim claim = links.verify(token);
        String why = comment(claim.decision(), comment);
        TaskRow found = store.task(claim.taskId()).orElseThrow(() -> ApiProblem.notFound("This decision link is not valid."));
        Row row = store.lock(found.approvalId()).orElseThrow();
        TaskRow task = store.task(claim.taskId()).orElseThrow();
        String closed = closedBecause(row, task, claim.personId());
        if (closed != null) {
            throw ApiProblem.conflict("link-used", closed);
        }
        engine.decide(row, task, claim.personId(), claim.decision(), why, "link");
        return link(token);
    }

    private String closedBecause(Row row, TaskRow task, UUID person) {
        if (!ApprovalEngine.PENDING.equals(task.status())) {
            return switch (task.status()) {
                case "withdrawn" -> "This decision is no longer needed: " + (row.outcome() == null
                        ? "the stage was decided without it." : row.outcome() + ".");
                default -> "This decision was already made: " + task.status() + " by "
                        + (task.decidedBy() == null ? "someone" : task.decidedBy().name()) + ".";
            };
        }
        if (decidedInStage(row, person, store.tasks(row.id()))) {
            return "You have already decided at this stage; one person decides once.";
        }
        boolean allowed = org.person(person).filter(OrgChart.Person::active).isPresent()
                && (task.approver().id().equals(person)
                || (!ownRequest(row, person) && store.delegatorsOf(person, clock.instant()).contains(task.approver().id())));
        return allowed ? null : "This link no longer works for you: you no longer stand in for " + task.approver().name() + ".";
    }

    // --- delegation ------------------------------------------------------------------------------

    @Transactional(readOnly = true)
    public List<Delegation> delegations(WorklaneUser actor) {
        return store.delegations(actor.id().value(), clock.instant()).stream()
                .map(d -> new Delegation(d.id(), d.delegator(), d.delegate(), d.startsAt(), d.endsAt())).toList();
    }

    /** The person lets {@code delegateEmail} decide for them from {@code startsAt} (now if null) until {@code endsAt}. */
    @Transactional
    public Delegation delegate(WorklaneUser actor, String delegateEmail, Instant startsAt, Instant endsAt) {
        Instant now = clock.instant();
        Instant start = startsAt == null ? now : startsAt;
        List<FieldError> errors = new ArrayList<>();
        OrgChart.Person delegate = delegateEmail == null ? null
                : org.byEmail(delegateEmail).filter(OrgChart.Person::active).orElse(null);
        if (delegate == null) {
            errors.add(new FieldError("delegate", "must be the e-mail address of an active person"));
        } else if (delegate.id().equals(actor.id().value())) {
            errors.add(new FieldError("delegate", "must be someone else"));
        }
        if (start.isBefore(now.minus(Duration.ofDays(1))) || start.isAfter(now.plus(MAX_DELEGATION))) {
            errors.add(new FieldError("startsAt", "must be from today to a year from now"));
        }
        if (endsAt == null) {
            errors.add(new FieldError("endsAt", "is required: a delegation ends"));
        } else if (!endsAt.isAfter(start) || !endsAt.isAfter(now)) {
            errors.add(new FieldError("endsAt", "must be after the start and in the future"));
        } else if (endsAt.isAfter(now.plus(MAX_DELEGATION).plus(MAX_DELEGATION))
                || Duration.between(start, endsAt).compareTo(MAX_DELEGATION) > 0) {
            errors.add(new FieldError("endsAt", "must be within a year of the start"));
        }
        if (!errors.isEmpty()) {
            throw ApiProblem.invalidFields(errors);
        }
        UUID id = UUID.randomUUID();
        store.insertDelegation(id, actor.id().value(), delegate.id(), start, endsAt, now);
        return delegations(actor).stream().filter(d -> d.id().equals(id)).findFirst().orElseThrow();
    }

    /** Ends one of the person's delegations now. */
    @Transactional
    public void endDelegation(WorklaneUser actor, UUID id) {
        if (!store.endDelegation(id, actor.id().value(), clock.instant())) {
            throw ApiProblem.notFound("You have no delegation " + id + " that is still on.");
        }
    }

    // --- helpers ---------------------------------------------------------------------------------

    private boolean maySee(WorklaneUser actor, Row row) {
        if (actor.isStaff() || row.requester().id().equals(actor.id().value())) {
            return true;
        }
        return maySee(actor, row, store.tasks(row.id()), Set.copyOf(store.delegatorsOf(actor.id().value(), clock.instant())));
    }

    private static boolean maySee(WorklaneUser actor, Row row, List<TaskRow> tasks, Set<UUID> standIn) {
        UUID me = actor.id().value();
        if (actor.isStaff() || row.requester().id().equals(me)) {
            return true;
        }
        if (tasks.stream().anyMatch(t -> t.approver().id().equals(me) || me.equals(t.decidedBy() == null ? null : t.decidedBy().id()))) {
            return true;
        }
        // A delegate sees what waits on those they stand in for, while they do.
        return tasks.stream().anyMatch(t -> ApprovalEngine.PENDING.equals(t.status()) && standIn.contains(t.approver().id()));
    }

    /** Whether {@code person} decided any task of the approval's current stage (for themselves or for someone). */
    private static boolean decidedInStage(Row row, UUID person, List<TaskRow> tasks) {
        return row.stage() != null && tasks.stream().anyMatch(t -> t.stage() == row.stage()
                && t.decidedBy() != null && t.decidedBy().id().equals(person));
    }

    private static boolean ownRequest(Row row, UUID person) {
        return row.requester().id().equals(person);
    }

    /** The subject was closed otherwise (its item cancelled or done): its pending approval ends. */
    @Transactional
    public void cancel(String kind, UUID subjectId, String reason) {
        engine.cancel(kind, subjectId, reason);
    }

    private static void requirePending(Row row) {
        if (!ApprovalEngine.PENDING.equals(row.status())) {
            throw ApiProblem.conflict("approval-decided", "This approval is already " + row.status() + ".");
        }
    }

    private static Decision decision(String text) {
        Decision decision = Decision.of(text);
        if (decision == null) {
            throw ApiProblem.invalidField("decision", "must be approve or reject");
        }
        return decision;
    }

    /** The reason given: required when rejecting, so that the requester learns why. */
    private static String comment(Decision decision, String comment) {
        String text = comment == null ? "" : comment.strip();
        if (text.length() > MAX_COMMENT) {
            throw ApiProblem.invalidField("comment", "must be at most " + MAX_COMMENT + " characters");
        }
        if (decision == Decision.REJECT && text.isEmpty()) {
            throw ApiProblem.invalidField("comment", "must say why the request is rejected");
        }
        return text.isEmpty() ? null : text;
    }

    private Approval view(Row row, UUID reader) {
        return view(row, reader, store.stages(row.id()), store.tasks(row.id()), store.log(row.id()),
                Set.copyOf(store.delegatorsOf(reader, clock.instant())));
    }

    private static Approval view(Row row, UUID reader, List<ApprovalStore.StageRow> stageRows, List<TaskRow> tasks,
                                 List<ApprovalStore.LogRow> logRows, Set<UUID> standIn) {
        List<Approval.StageState> stages = stageRows.stream().map(s -> new Approval.StageState(s.stage(),
                s.name(), quorumOf(row, s.stage()), s.required(), s.status(), s.escalated(), s.startedAt(), s.decidedAt(),
                tasks.stream().filter(t -> t.stage() == s.stage()).map(t -> new Approval.Ask(t.approver(), t.status(),
                        t.decidedBy(), t.via(), t.comment(), t.askedAt(), t.remindedAt(), t.decidedAt())).toList())).toList();
        List<Approval.LogEntry> log = logRows.stream().map(l -> new Approval.LogEntry(l.at(), l.stage(),
                l.kind(), l.actor(), l.onBehalfOf(), l.detail())).toList();
        boolean mayDecide = ApprovalEngine.PENDING.equals(row.status()) && tasks.stream()
                .filter(t -> row.stage() != null && t.stage() == row.stage() && ApprovalEngine.PENDING.equals(t.status()))
                .anyMatch(t -> t.approver().id().equals(reader)
                        || (standIn.contains(t.approver().id()) && !row.requester().id().equals(reader)))
                && tasks.stream().noneMatch(t -> row.stage() != null && t.stage() == row.stage() && t.decidedBy() != null
                        && t.decidedBy().id().equals(reader));
        return new Approval(row.id(), row.subjectKind(), row.subjectId(), row.title(), row.link(), row.details(),
                row.requester(), row.status(), row.stage(), row.outcome(), row.createdAt(), row.decidedAt(), stages, log,
                mayDecide);
    }

    private static String quorumOf(Row row, int stage) {
        return stage < row.policy().stages().size() ? row.policy().stages().get(stage).quorumText().toLowerCase(Locale.ROOT) : "any";
    }

    private static ApiProblem notFound(UUID id) {
        return ApiProblem.notFound("There is no approval " + id + ".");
    }
}
