package io.worklane.sla;

import io.worklane.identity.WorklaneUser;
import io.worklane.shared.web.ApiProblem;
import io.worklane.shared.web.FieldError;
import io.worklane.sla.internal.Calendars;
import io.worklane.sla.internal.SlaPolicies;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;

/**
 * Service levels of the current tenant: business calendars, SLA policies, and each item's clocks,
 * worked out from its exact history (ADR 0019). Agents and admins read calendars and policies; admins
 * define them; whoever may see an item sees its clocks.
 */
@Service
public class ServiceLevels {

    private final Calendars calendars;
    private final SlaPolicies policies;
    private final SlaConditions conditions;
    private final SlaClocks clocks;

    ServiceLevels(Calendars calendars, SlaPolicies policies, SlaConditions conditions, SlaClocks clocks) {
        this.calendars = calendars;
        this.policies = policies;
        this.conditions = conditions;
        this.clocks = clocks;
    }

    // --- policies --------------------------------------------------------------------------------

    @Transactional(readOnly = true)
    public List<SlaPolicy> policies(WorklaneUser actor) {
        requireStaff(actor);
        return policies.all();
    }

    @Transactional(readOnly = true)
    public SlaPolicy policy(WorklaneUser actor, UUID id) {
        requireStaff(actor);
        return findPolicy(id);
    }

    @Transactional
    public SlaPolicy createPolicy(WorklaneUser actor, SlaPolicyDefinition definition) {
        requireAdmin(actor);
        checkPolicy(definition);
        UUID id = UUID.randomUUID();
        if (!policies.insert(id, definition.name().strip(), definition.appliesTo().strip(), definition.calendar(),
                definition.metrics())) {
            throw ApiProblem.conflictOnField("policy-exists", "name", "another SLA policy has this name");
        }
        clocks.policiesChanged(actor, "SLA policy " + definition.name().strip() + " defined");
        return findPolicy(id);
    }

    /** Replaces a policy whole; the clocks of every item follow at once, as they are worked out from history. */
    @Transactional
    public SlaPolicy updatePolicy(WorklaneUser actor, UUID id, SlaPolicyDefinition definition, Long expectedVersion) {
        requireAdmin(actor);
        SlaPolicy current = findPolicy(id);
        long version = expectedVersion == null ? current.version() : expectedVersion;
        if (version != current.version()) {
            throw ApiProblem.staleVersion(current.version());
        }
        checkPolicy(definition);
        if (policies.nameTaken(definition.name().strip(), id)) {
            throw ApiProblem.conflictOnField("policy-exists", "name", "another SLA policy has this name");
        }
        if (!policies.update(id, version, definition.name().strip(), definition.appliesTo().strip(), definition.calendar(),
                definition.metrics())) {
            throw ApiProblem.staleVersion(findPolicy(id).version());
        }
        clocks.policiesChanged(actor, "SLA policy " + definition.name().strip() + " changed");
        return findPolicy(id);
    }

    @Transactional
    public void deletePolicy(WorklaneUser actor, UUID id) {
        requireAdmin(actor);
        if (!policies.delete(id)) {
            throw ApiProblem.notFound("There is no SLA policy " + id + ".");
        }
        clocks.policiesChanged(actor, "SLA policy " + id + " removed");
    }

    private void checkPolicy(SlaPolicyDefinition definition) {
        List<FieldError> errors = PolicyRules.problems(definition, conditions::problem, id -> calendars.find(id).isPresent());
        if (!errors.isEmpty()) {
            throw ApiProblem.invalidFields(errors);
        }
    }

    private SlaPolicy findPolicy(UUID id) {
        return policies.find(id).orElseThrow(() -> ApiProblem.notFound("There is no SLA policy " + id + "."));
    }

    // --- calendars -------------------------------------------------------------------------------

    @Transactional(readOnly = true)
    public List<Calendar> calendars(WorklaneUser actor) {
        requireStaff(actor);
        return calendars.all();
    }

    @Transactional(readOnly = true)
    public Calendar calendar(WorklaneUser actor, UUID id) {
        requireStaff(actor);
        return find(id);
    }

    @Transactional
    public Calendar create(WorklaneUser actor, CalendarDefinition definition) {
        requireAdmin(actor);
        check(definition);
        UUID id = UUID.randomUUID();
        if (!calendars.insert(id, definition.name().strip(), definition.timeZone().strip(), hours(definition),
                holidays(definition))) {
            throw ApiProblem.conflictOnField("calendar-exists", "name", "another calendar has this name");
        }
        return find(id);
    }

    /** Replaces a calendar whole; with {@code expectedVersion}, only the version read (else 409). */
    @Transactional
    public Calendar update(WorklaneUser actor, UUID id, CalendarDefinition definition, Long expectedVersion) {
        requireAdmin(actor);
        Calendar current = find(id);
        long version = expectedVersion == null ? current.version() : expectedVersion;
        if (version != current.version()) {
            throw ApiProblem.staleVersion(current.version());
        }
        check(definition);
        if (calendars.nameTaken(definition.name().strip(), id)) {
            throw ApiProblem.conflictOnField("calendar-exists", "name", "another calendar has this name");
        }
        if (!calendars.update(id, version, definition.name().strip(), definition.timeZone().strip(), hours(definition),
                holidays(definition))) {
            throw ApiProblem.staleVersion(find(id).version());
        }
        if (policies.usesCalendar(id)) {
            clocks.policiesChanged(actor, "Calendar " + definition.name().strip() + " changed");
        }
        return find(id);
    }

    @Transactional
    public void delete(WorklaneUser actor, UUID id) {
        requireAdmin(actor);
        if (policies.usesCalendar(id)) {
            throw ApiProblem.conflict("calendar-in-use", "An SLA policy runs on this calendar; move it to another first.");
        }
        if (!calendars.delete(id)) {
            throw notFound(id);
        }
    }

    /** How much business time lies between two instants on a calendar. */
    @Transactional(readOnly = true)
    public Duration businessTime(WorklaneUser actor, UUID id, Instant from, Instant to) {
        return businessCalendar(calendar(actor, id)).between(from, to);
    }

    /** When {@code amount} of business time will have passed since {@code from}: a goal's due time. */
    @Transactional(readOnly = true)
    public Instant due(WorklaneUser actor, UUID id, Instant from, Duration amount) {
        try {
            return businessCalendar(calendar(actor, id)).plus(from, amount);
        } catch (IllegalStateException e) {
            throw ApiProblem.invalidField("add", "falls more than ten years ahead on this calendar");
        }
    }

    static BusinessCalendar businessCalendar(Calendar calendar) {
        return CalendarRules.toBusinessCalendar(calendar.timeZone(), calendar.hours(), calendar.holidays());
    }

    private static void check(CalendarDefinition definition) {
        List<FieldError> errors = CalendarRules.problems(definition);
        if (!errors.isEmpty()) {
            throw ApiProblem.invalidFields(errors);
        }
    }

    private static Map<String, List<Calendar.Hours>> hours(CalendarDefinition definition) {
        Map<String, List<Calendar.Hours>> hours = new TreeMap<>(
                Comparator.comparing(CalendarRules::day));
        definition.hours().forEach((day, spans) -> hours.put(CalendarRules.day(day).name(),
                spans == null ? List.of() : spans.stream().map(s -> new Calendar.Hours(s.from().strip(), s.to().strip())).toList()));
        return hours;
    }

    private static List<Calendar.Holiday> holidays(CalendarDefinition definition) {
        return definition.holidays() == null ? List.of() : definition.holidays().stream()
                .map(h -> new Calendar.Holiday(h.date().strip(), h.name() == null ? "" : h.name().strip(),
                        Boolean.TRUE.equals(h.yearly())))
                .sorted(Comparator.comparing(Calendar.Holiday::date)).toList();
    }

    private Calendar find(UUID id) {
        return calendars.find(id).orElseThrow(() -> notFound(id));
    }

    private static ApiProblem notFound(UUID id) {
        return ApiProblem.notFound("There is no calendar " + id + ".");
    }

    private static void requireStaff(WorklaneUser actor) {
        if (!actor.isStaff()) {
            throw ApiProblem.forbidden("Only agents and admins read service-level calendars and policies.");
        }
    }

    private static void requireAdmin(WorklaneUser actor) {
        if (!actor.isAdmin()) {
            throw ApiProblem.forbidden("Only admins define service-level calendars and policies.");
        }
    }
}
