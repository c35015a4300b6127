package io.worklane.sla;

import com.github.kagkarlsson.scheduler.Scheduler;
import com.github.kagkarlsson.scheduler.task.helper.OneTimeTask;
import io.worklane.identity.WorklaneUser;
import io.worklane.shared.TenantId;
import io.worklane.sla.internal.Calendars;
import io.worklane.sla.internal.SlaPolicies;
import io.worklane.sla.internal.StoredClocks;
import io.worklane.tenancy.TenantContext;
import io.worklane.tenancy.TenantJobs;
import io.worklane.tenancy.TenantJobs.Job;
import io.worklane.work.ItemTimelines;
import io.worklane.work.ItemTimelines.ItemState;
import io.worklane.work.WorkItem;
import io.worklane.work.WorkManagement;
import io.worklane.work.query.ItemFacts;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Predicate;

/**
 * Items' SLA clocks (ADR 0019): worked out from an item's history whenever asked, and kept as a stored
 * copy that a durable job refreshes after each change of the item. Each refresh also sets a timer for
 * the next warning or breach of a running clock; when one is due (or found past), it is recorded once
 * per clock and kind ({@code sla_events}), and {@link SlaEvent} is published in that transaction.
 */
@Service
public class SlaClocks {

    private final SlaPolicies policies;
    private final Calendars calendars;
    private final StoredClocks stored;
    private final SlaConditions conditions;
    private final WorkManagement work;
    private final ItemTimelines timelines;
    private final Scheduler scheduler;
    private final OneTimeTask<Job> refreshTask;
    private final OneTimeTask<Job> repairTask;
    private final ApplicationEventPublisher events;
    private final TransactionTemplate transactions;
    private final Clock clock;
    /**
     * Whether a tenant has any policy, so that items of tenants without SLAs cost nothing; asked again
     * after {@link #POLICIES_FRESH} (another node may have defined one) or when this node changes one.
     */
    private final Map<TenantId, Map.Entry<Boolean, Instant>> hasPolicies = new ConcurrentHashMap<>();
    private static final Duration POLICIES_FRESH = Duration.ofSeconds(10);
    static final int REPAIR_BATCH = 200;

    SlaClocks(SlaPolicies policies, Calendars calendars, StoredClocks stored, SlaConditions conditions, WorkManagement work,
              ItemTimelines timelines, Scheduler scheduler, @Qualifier("slaRefresh") OneTimeTask<Job> refreshTask,
              @Qualifier("slaRepair") OneTimeTask<Job> repairTask, ApplicationEventPublisher events,
              TransactionTemplate transactions, Clock clock) {
        this.repairTask = repairTask;
        this.policies = policies;
        this.calendars = calendars;
        this.stored = stored;
        this.conditions = conditions;
        this.work = work;
        this.timelines = timelines;
        this.scheduler = scheduler;
        this.refreshTask = refreshTask;
        this.events = events;
        this.transactions = transactions;
        this.clock = clock;
    }

    /** A clock of a policy's metric, as worked out. */
    record Computed(SlaPolicy policy, SlaPolicy.Metric metric, ClockEngine.Clock clock) {
    }

    /** The item's clocks now, for whoever may see it. */
    @Transactional(readOnly = true)
    public List<ItemClock> clocks(WorklaneUser actor, String key) {
        WorkItem item = work.get(actor, key);
        return compute(item.id().value(), clock.instant()).stream().map(SlaClocks::view).toList();
    }

    /** What a list shows beside an item: its most pressing clock (breached, then the one due soonest). */
    public record Badge(String key, String status, String text, boolean urgent) {
    }

    /** The badges of the items with these keys, for agents and admins (requesters' lists show none). */
    @Transactional(readOnly = true)
    public List<Badge> badges(WorklaneUser actor, List<String> keys) {
        if (!actor.isStaff() || keys.isEmpty()) {
            return List.of();
        }
        Instant now = clock.instant();
        Map<String, StoredClocks.Badge> pressing = new java.util.LinkedHashMap<>();
        for (StoredClocks.Badge b : stored.badges(keys.stream().limit(500).toList())) {
            pressing.merge(b.key(), b, (x, y) -> rank(y, now) < rank(x, now) ? y : x);
        }
        return pressing.values().stream().map(b -> {
            boolean breached = "breached".equals(b.status()) || (b.dueAt() != null && !b.dueAt().isAfter(now));
            if (breached) {
                return new Badge(b.key(), "breached", "breached", true);
            }
            if ("paused".equals(b.status())) {
                return new Badge(b.key(), "paused", "paused", false);
            }
            long left = b.dueAt() == null ? 0 : Duration.between(now, b.dueAt()).toMinutes();
            boolean urgent = b.goalSeconds() != null && left * 60 < b.goalSeconds() / 4;
            return new Badge(b.key(), "running", left < 60 ? left + " m left" : left / 60 + " h left", urgent);
        }).toList();
    }

    private static long rank(StoredClocks.Badge b, Instant now) {
        if ("breached".equals(b.status())) {
            return Long.MIN_VALUE;
        }
        return b.dueAt() == null ? Long.MAX_VALUE : b.dueAt().toEpochMilli() - now.toEpochMilli();
    }

    // --- the stored copy and its timers ----------------------------------------------------------

    /** Has the item's clocks refreshed soon after this transaction commits (nothing for tenants without SLAs). */
    void changed(UUID item) {
        TenantId tenant = TenantContext.require().id();
        Instant now = clock.instant();
        Map.Entry<Boolean, Instant> known = hasPolicies.get(tenant);
        if (known == null || known.getValue().plus(POLICIES_FRESH).isBefore(now)) {
            known = Map.entry(stored.anyPolicy(), now);
            hasPolicies.put(tenant, known);
        }
        if (known.getKey()) {
            schedule(item + "/changed", now);
        }
    }

    /**
     * A policy was defined, changed or removed: every tenant asks the database again, and a repair
     * works out the clocks of every open item (and of every item with clocks) in the background.
     */
    void policiesChanged(WorklaneUser actor, String reason) {
        hasPolicies.clear();
        conditions.forget();
        repair(actor, reason);
    }

    /** Starts a recorded repair: the clocks of every open item, and of every item with clocks, worked out again. */
    @Transactional
    public UUID repair(WorklaneUser actor, String reason) {
        UUID id = UUID.randomUUID();
        stored.startRepair(id, reason, actor == null ? null : actor.id().value(), clock.instant());
        scheduleRepair(id, new UUID(0, 0));
        return id;
    }

    /** One batch of a repair; the next batch is its own job, so a restart resumes where it was. */
    void repairBatch(UUID repair, UUID after) {
        List<UUID> batch = transactions.execute(tx -> stored.itemsToRepair(after, REPAIR_BATCH));
        batch.forEach(this::refresh);
        transactions.executeWithoutResult(tx -> {
            boolean finished = batch.size() < REPAIR_BATCH;
            stored.repaired(repair, batch.size(), finished, clock.instant());
            if (!finished) {
                scheduleRepair(repair, batch.get(batch.size() - 1));
            }
        });
    }

    private void scheduleRepair(UUID repair, UUID after) {
        TenantJobs.schedule(scheduler, TenantJobs.instance(repairTask, TenantContext.require(), repair + "/" + after,
                clock.instant()));
    }

    @Transactional(readOnly = true)
    public List<SlaRepair> repairs(WorklaneUser actor) {
        if (!actor.isStaff()) {
            throw io.worklane.shared.web.ApiProblem.forbidden("Only agents and admins see repairs.");
        }
        return stored.repairs(50);
    }

    /**
     * Works the item's clocks out again, stores them, records warnings and breaches that have come
     * (once each), and sets a timer for the next one of each running clock.
     */
    void refresh(UUID item) {
        transactions.executeWithoutResult(tx -> {
            Instant now = clock.instant();
            List<ItemState> states = timelines.timeline(item).orElse(null);
            if (states == null) {
                return;
            }
            ItemState last = states.get(states.size() - 1);
            List<Computed> computed = compute(states, now);
            stored.replace(item, last.key(), last.teamId(), computed.stream().map(SlaClocks::view).toList(), now);
            for (Computed c : computed) {
                fire(last, c, "warning", c.clock().warnedAt(), now);
                fire(last, c, "breach", c.clock().breachedAt(), now);
                Instant next = c.clock().warnAt() != null ? c.clock().warnAt() : c.clock().dueAt();
                if (next != null) {
                    // Due at the instant the line is crossed (a breach is strictly after the goal); a later
                    // change of the item sets a new timer, and the stale one finds nothing new to fire.
                    schedule(item + "/at-" + next.toEpochMilli(), next.plusMillis(1));
                }
            }
        });
    }

    private void fire(ItemState item, Computed c, String kind, Instant at, Instant now) {
        if (at != null && !at.isAfter(now)
                && stored.fired(item.id(), c.policy().id(), c.metric().key(), kind, at, now)) {
            events.publishEvent(new SlaEvent(TenantContext.require().id(), item.id(), item.key(), c.policy().id(),
                    c.metric().key(), c.metric().name(), kind, at, item.assigneeId(), item.teamId()));
            if ("breach".equals(kind) && Boolean.TRUE.equals(c.metric().raisePriority())) {
                work.raisePriorityAutomatically(item.key());
            }
        }
    }

    private void schedule(String subject, Instant at) {
        TenantJobs.schedule(scheduler, TenantJobs.instance(refreshTask, TenantContext.require(), subject, at));
    }

    // --- working clocks out ----------------------------------------------------------------------

    private List<Computed> compute(UUID item, Instant now) {
        return compute(timelines.timeline(item).orElseThrow(), now);
    }

    private List<Computed> compute(List<ItemState> states, Instant now) {
        List<ClockEngine.Moment<ItemState>> moments = states.stream().map(s -> new ClockEngine.Moment<>(s.at(), s)).toList();
        ItemState current = states.get(states.size() - 1);
        List<Computed> computed = new ArrayList<>();
        for (SlaPolicy policy : policies.all()) {
            if (!conditions.compile(policy.appliesTo()).test(current)) {
                continue;
            }
            BusinessCalendar calendar = ServiceLevels.businessCalendar(calendars.find(policy.calendar()).orElseThrow());
            for (SlaPolicy.Metric metric : policy.metrics()) {
                computed.add(new Computed(policy, metric, ClockEngine.compute(moments, conditionsOf(metric), calendar, now)));
            }
        }
        return computed;
    }

    private ClockEngine.Conditions<ItemState> conditionsOf(SlaPolicy.Metric metric) {
        Predicate<ItemFacts> start = blank(metric.start()) ? null : conditions.compile(metric.start());
        Predicate<ItemFacts> pause = blank(metric.pause()) ? null : conditions.compile(metric.pause());
        Predicate<ItemFacts> stop = conditions.compile(metric.stop());
        List<Map.Entry<Predicate<ItemFacts>, Duration>> goals = metric.goals().stream()
                .map(g -> Map.entry(blank(g.when()) ? (Predicate<ItemFacts>) item -> true : conditions.compile(g.when()),
                        Duration.ofMinutes(g.minutes())))
                .toList();
        return new ClockEngine.Conditions<>(start == null ? null : start::test, pause == null ? null : pause::test,
                stop::test, state -> goals.stream().filter(g -> g.getKey().test(state)).map(Map.Entry::getValue)
                .findFirst().orElse(null), metric.warnPercent());
    }

    private static ItemClock view(Computed c) {
        ClockEngine.Clock k = c.clock();
        return new ItemClock(c.policy().id(), c.policy().name(), c.metric().key(), c.metric().name(),
                k.status().name().toLowerCase(Locale.ROOT).replace('_', '-'), k.startedAt(), k.stoppedAt(),
                k.elapsed().toMinutes(), k.goal() == null ? null : k.goal().toMinutes(),
                k.remaining() == null ? null : k.remaining().toMinutes(), k.dueAt(), k.warnAt(), k.warnedAt(), k.breachedAt());
    }

    private static boolean blank(String text) {
        return text == null || text.isBlank();
    }
}
