package io.worklane.approval;

import com.github.kagkarlsson.scheduler.Scheduler;
import com.github.kagkarlsson.scheduler.task.helper.OneTimeTask;
import io.worklane.approval.ApprovalPolicy.Approvers;
import io.worklane.approval.ApprovalPolicy.Stage;
import io.worklane.approval.internal.ApprovalStore;
import io.worklane.approval.internal.ApprovalStore.Row;
import io.worklane.approval.internal.ApprovalStore.StageRow;
import io.worklane.approval.internal.ApprovalStore.TaskRow;
import io.worklane.identity.OrgChart;
import io.worklane.identity.OrgChart.Person;
import io.worklane.shared.TimeOrderedIds;
import io.worklane.tenancy.TenantContext;
import io.worklane.tenancy.TenantJobs;
import io.worklane.tenancy.TenantJobs.Job;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * The approval state machine (ADR 0018). Every move happens under the approval's row lock: a decision,
 * a reminder, a timeout. A stage is approved when its approvals reach its quorum, and rejected when
 * the approvers still pending can no longer reach it; then the next stage starts, or the approval ends
 * and {@link ApprovalDecided} is published in the same transaction.
 */
@Component
class ApprovalEngine {

    static final String PENDING = "pending";
    static final String APPROVED = "approved";
    static final String REJECTED = "rejected";

    private final ApprovalStore store;
    private final OrgChart org;
    private final ApplicationEventPublisher events;
    private final Scheduler scheduler;
    private final OneTimeTask<Job> notifyTask;
    private final OneTimeTask<Job> remindTask;
    private final OneTimeTask<Job> timeoutTask;
    private final TransactionTemplate transactions;
    private final Clock clock;

    ApprovalEngine(ApprovalStore store, OrgChart org, ApplicationEventPublisher events, Scheduler scheduler,
                   @Qualifier("approvalNotify") OneTimeTask<Job> notifyTask,
                   @Qualifier("approvalRemind") OneTimeTask<Job> remindTask,
                   @Qualifier("approvalTimeout") OneTimeTask<Job> timeoutTask, TransactionTemplate transactions,
                   Clock clock) {
        this.store = store;
        this.org = org;
        this.events = events;
        this.scheduler = scheduler;
        this.notifyTask = notifyTask;
        this.remindTask = remindTask;
        this.timeoutTask = timeoutTask;
        this.transactions = transactions;
        this.clock = clock;
    }

    /** How an approval began: approved at once (by policy or rule), or waiting on its first stage. */
    record Started(UUID approvalId, boolean approved, String outcome) {
    }

    // --- starting --------------------------------------------------------------------------------

    /** Starts approving {@code subject}, in the caller's transaction. */
    Started start(ApprovalSubject subject, ApprovalPolicy policy) {
        if (policy.preAuthorised()) {
            return new Started(null, true, "Pre-authorised");
        }
        Instant now = clock.instant();
        UUID id = TimeOrderedIds.next();
        int quantity = ApprovalRules.quantity(policy.autoApprove(), subject.facts());
        List<String> unmet = List.of();
        List<String> met = List.of();
        if (policy.autoApprove() != null) {
            ApprovalRules.Verdict verdict = ApprovalRules.check(policy.autoApprove(), subject.facts(), quantity,
                    () -> used(subject, policy.autoApprove().quota(), now));
            unmet = verdict.unmet();
            met = verdict.met();
        }
        store.insert(id, subject, quantity, policy, now);
        store.log(id, now, null, "requested", subject.requesterId(), null, subject.title());
        if (policy.autoApprove() != null) {
            if (unmet.isEmpty()) {
                String outcome = "Approved by rule: " + String.join("; ", met);
                store.status(id, APPROVED, null, outcome, now);
                store.log(id, now, null, "auto-approved", null, null, String.join("; ", met));
                return new Started(id, true, outcome);
            }
            store.log(id, now, null, "rules-not-met", null, null, String.join("; ", unmet));
        }
        startStage(id, subject.requesterId(), policy, 0, now);
        return new Started(id, false, null);
    }

    private long used(ApprovalSubject subject, ApprovalPolicy.Quota quota, Instant now) {
        store.lockQuota(subject.scope());
        Instant monthStart = now.atZone(ZoneOffset.UTC).toLocalDate().withDayOfMonth(1).atStartOfDay(ZoneOffset.UTC).toInstant();
        return store.used(subject.scope(), subject.requesterId(), quota.perTeam(), monthStart);
    }

    private void startStage(UUID id, UUID requesterId, ApprovalPolicy policy, int n, Instant now) {
        Stage stage = policy.stages().get(n);
        Resolved asked = resolve(stage.approvers(), requesterId, List.of(), Set.of(), true);
        // When the policy's approvers could not be found, any one admin decides in their place.
        int required = asked.note().isEmpty() ? stage.required(asked.people().size()) : 1;
        store.insertStage(id, n, stage.name().strip(), required, now);
        store.status(id, PENDING, n, null, null);
        asked.people().forEach(person -> ask(id, n, person.id(), now));
        store.log(id, now, n, "asked", null, null, "Asked " + names(asked.people()) + " (" + quorumText(required,
                asked.people().size()) + ")" + asked.note());
        if (stage.remindAfterHours() != null) {
            schedule(remindTask, id + "/" + n + "/remind", now.plus(Duration.ofHours(stage.remindAfterHours())));
        }
        if (stage.timeoutHours() != null) {
            schedule(timeoutTask, id + "/" + n + "/timeout", now.plus(Duration.ofHours(stage.timeoutHours())));
        }
    }

    private void ask(UUID approvalId, int stage, UUID person, Instant now) {
        UUID task = TimeOrderedIds.next();
        if (store.insertTask(task, approvalId, stage, person, now)) {
            schedule(notifyTask, task + "/ask", now);
            events.publishEvent(new ApprovalAsked(approvalId, person));
        }
    }

    // --- deciding --------------------------------------------------------------------------------

    /** Records {@code actor}'s decision on {@code task} (theirs, or one they decide as a delegate). */
    void decide(Row approval, TaskRow task, UUID actor, Decision decision, String comment, String via) {
        Instant now = clock.instant();
        if (!store.decideTask(task.id(), decision == Decision.APPROVE ? APPROVED : REJECTED, actor, via, comment, now)) {
            throw new IllegalStateException("task " + task.id() + " was not pending under the approval's lock");
        }
        UUID onBehalfOf = task.approver().id().equals(actor) ? null : task.approver().id();
        store.log(approval.id(), now, task.stage(), decision == Decision.APPROVE ? APPROVED : REJECTED, actor, onBehalfOf,
                comment == null ? "" : comment);
        settle(approval, task.stage(), now);
        events.publishEvent(new ApprovalChanged(approval.subjectKind(), approval.subjectId()));
    }

    /** Ends the stage when its quorum is reached, or can no longer be. */
    private void settle(Row approval, int n, Instant now) {
        StageRow stage = stage(approval.id(), n);
        List<TaskRow> tasks = store.tasks(approval.id()).stream().filter(t -> t.stage() == n).toList();
        long approved = tasks.stream().filter(t -> APPROVED.equals(t.status())).count();
        long pending = tasks.stream().filter(t -> PENDING.equals(t.status())).count();
        if (approved >= stage.required()) {
            stageApproved(approval, n, now);
        } else if (approved + pending < stage.required()) {
            TaskRow rejection = tasks.stream().filter(t -> REJECTED.equals(t.status()))
                    .max(java.util.Comparator.comparing(TaskRow::decidedAt)).orElse(null);
            String by = rejection == null ? "" : " by " + rejection.decidedBy().name()
                    + (rejection.comment() == null || rejection.comment().isBlank() ? "" : ": " + rejection.comment());
            stageRejected(approval, n, "Rejected at " + stage.name() + by, now);
        }
    }

    private void stageApproved(Row approval, int n, Instant now) {
        store.decideStage(approval.id(), n, APPROVED, now);
        store.withdrawPending(approval.id(), n, now);
        StageRow stage = stage(approval.id(), n);
        store.log(approval.id(), now, n, "stage-approved", null, null, stage.name() + " approved");
        if (n + 1 < approval.policy().stages().size()) {
            startStage(approval.id(), approval.requester().id(), approval.policy(), n + 1, now);
        } else {
            finish(approval, true, "Approved", now);
        }
    }

    private void stageRejected(Row approval, int n, String outcome, Instant now) {
        store.decideStage(approval.id(), n, REJECTED, now);
        store.withdrawPending(approval.id(), n, now);
        finish(approval, false, outcome, now);
    }

    private void finish(Row approval, boolean approved, String outcome, Instant now) {
        store.status(approval.id(), approved ? APPROVED : REJECTED, null, outcome, now);
        store.log(approval.id(), now, null, approved ? "approval-approved" : "approval-rejected", null, null, outcome);
        events.publishEvent(new ApprovalDecided(approval.subjectKind(), approval.subjectId(), approval.id(), approved, outcome));
    }

    /** The subject was closed otherwise (its item cancelled): a pending approval ends, asking no one further. */
    void cancel(String kind, UUID subjectId, String reason) {
        Row found = store.ofSubject(kind, subjectId).orElse(null);
        if (found == null) {
            return;
        }
        Row approval = store.lock(found.id()).orElseThrow();
        if (!PENDING.equals(approval.status())) {
            return;
        }
        Instant now = clock.instant();
        if (approval.stage() != null) {
            store.decideStage(approval.id(), approval.stage(), "cancelled", now);
            store.withdrawPending(approval.id(), approval.stage(), now);
        }
        store.status(approval.id(), "cancelled", null, reason, now);
        store.log(approval.id(), now, null, "approval-cancelled", null, null, reason);
        events.publishEvent(new ApprovalChanged(kind, subjectId));
    }

    // --- timers ----------------------------------------------------------------------------------

    /** A stage's reminder: e-mails again whoever it still waits on. */
    void remind(UUID approvalId, int n) {
        transactions.executeWithoutResult(tx -> {
            Row approval = store.lock(approvalId).orElse(null);
            if (approval == null || !PENDING.equals(approval.status()) || approval.stage() == null || approval.stage() != n) {
                return;
            }
            Instant now = clock.instant();
            List<TaskRow> waiting = store.tasks(approvalId).stream()
                    .filter(t -> t.stage() == n && PENDING.equals(t.status())).toList();
            for (TaskRow task : waiting) {
                store.reminded(task.id(), now);
                schedule(notifyTask, task.id() + "/remind", now);
            }
            if (!waiting.isEmpty()) {
                store.log(approvalId, now, n, "reminded", null, null,
                        "Reminded " + waiting.stream().map(t -> t.approver().name()).collect(Collectors.joining(", ")));
            }
        });
    }

    /** A stage's timeout: approves, rejects or escalates it, as its policy says. */
    void timeout(UUID approvalId, int n) {
        transactions.executeWithoutResult(tx -> {
            Row approval = store.lock(approvalId).orElse(null);
            if (approval == null || !PENDING.equals(approval.status()) || approval.stage() == null || approval.stage() != n) {
                return;
            }
            Stage stage = approval.policy().stages().get(n);
            Instant now = clock.instant();
            String waited = "No decision within " + stage.timeoutHours() + (stage.timeoutHours() == 1 ? " hour" : " hours");
            switch (stage.onTimeout()) {
                case "approve" -> {
                    store.log(approvalId, now, n, "timed-out", null, null, waited + "; approved, as the policy says");
                    stageApproved(approval, n, now);
                }
                case "reject" -> {
                    store.log(approvalId, now, n, "timed-out", null, null, waited + "; rejected, as the policy says");
                    stageRejected(approval, n, "Rejected: " + waited.toLowerCase(Locale.ROOT) + " at " + stage.name(), now);
                }
                default -> escalate(approval, stage, n, waited, now);
            }
            events.publishEvent(new ApprovalChanged(approval.subjectKind(), approval.subjectId()));
        });
    }

    /** Asks {@code escalateTo} in place of those who did not answer; the stage then needs what is still missing. */
    private void escalate(Row approval, Stage stage, int n, String waited, Instant now) {
        StageRow state = stage(approval.id(), n);
        if (state.escalated()) {
            return;
        }
        List<TaskRow> tasks = store.tasks(approval.id()).stream().filter(t -> t.stage() == n).toList();
        List<UUID> silent = tasks.stream().filter(t -> PENDING.equals(t.status())).map(t -> t.approver().id()).toList();
        Set<UUID> alreadyAsked = tasks.stream().map(t -> t.approver().id()).collect(Collectors.toSet());
        Resolved instead = resolve(stage.escalateTo(), approval.requester().id(), silent, alreadyAsked, false);
        if (instead.people().isEmpty()) {
            // No one new to ask: those asked stay asked, and the stage keeps what it needs.
            store.escalated(approval.id(), n, state.required());
            store.log(approval.id(), now, n, "escalated", null, null, waited + "; no one else can be asked, so "
                    + names(org.people(silent)) + (silent.size() == 1 ? " still decides" : " still decide"));
            return;
        }
        store.withdrawPending(approval.id(), n, now);
        long approved = tasks.stream().filter(t -> APPROVED.equals(t.status())).count();
        int required = (int) Math.max(1, Math.min(state.required(), approved + instead.people().size()));
        store.escalated(approval.id(), n, required);
        instead.people().forEach(person -> ask(approval.id(), n, person.id(), now));
        store.log(approval.id(), now, n, "escalated", null, null, waited + "; asked " + names(instead.people())
                + " instead of " + names(org.people(silent)) + instead.note());
        settle(approval, n, now);
    }

    // --- who is asked ----------------------------------------------------------------------------

    /** The people asked, and a note when the policy's approvers could not be found and others were asked. */
    private record Resolved(List<Person> people, String note) {
    }

    /**
     * The approvers {@code who} names, never the requester (no one approves their own request) nor anyone
     * in {@code exclude}. When that leaves no one, the admins are asked, and the note says why.
     */
    private Resolved resolve(Approvers who, UUID requester, List<UUID> silent, Set<UUID> exclude, boolean lastResort) {
        List<Person> found = switch (who.kind()) {
            case "manager" -> (silent.isEmpty() ? List.of(requester) : silent).stream()
                    .flatMap(person -> org.managerOf(person).stream()).toList();
            case "team" -> org.members(who.team().strip().toUpperCase(Locale.ROOT));
            case "people" -> who.people().stream().flatMap(email -> org.byEmail(email).stream()).filter(Person::active).toList();
            default -> org.admins();
        };
        Map<UUID, Person> people = new LinkedHashMap<>();
        found.stream().filter(p -> !p.id().equals(requester) && !exclude.contains(p.id())).forEach(p -> people.putIfAbsent(p.id(), p));
        if (!people.isEmpty()) {
            return new Resolved(List.copyOf(people.values()), "");
        }
        String why = switch (who.kind()) {
            case "manager" -> "no manager is recorded";
            case "team" -> "team " + who.team().strip().toUpperCase(Locale.ROOT) + " has no one else to ask";
            case "people" -> "none of the people named can be asked";
            default -> "no other admin can be asked";
        };
        List<Person> admins = new ArrayList<>(org.admins().stream()
                .filter(p -> !p.id().equals(requester) && !exclude.contains(p.id())).toList());
        List<Person> allAdmins = org.admins();
        if (admins.isEmpty() && lastResort && allAdmins.size() == 1 && allAdmins.get(0).id().equals(requester)) {
            // The requester is the organisation's only admin: someone must be able to decide, and the log says who did.
            admins.addAll(allAdmins);
        }
        return new Resolved(admins, "; " + why + ", so the admins are asked");
    }

    // --- helpers ---------------------------------------------------------------------------------

    private StageRow stage(UUID approvalId, int n) {
        return store.stages(approvalId).stream().filter(s -> s.stage() == n).findFirst().orElseThrow();
    }

    private void schedule(OneTimeTask<Job> task, String subject, Instant at) {
        TenantJobs.schedule(scheduler, TenantJobs.instance(task, TenantContext.require(), subject, at));
    }

    private static String names(List<Person> people) {
        return people.isEmpty() ? "no one" : people.stream().map(Person::name).collect(Collectors.joining(", "));
    }

    private static String quorumText(int required, int asked) {
        return required == asked && asked > 1 ? "all " + asked + " must approve"
                : required + " of " + asked + " must approve";
    }
}
