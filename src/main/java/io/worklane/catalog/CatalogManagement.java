package io.worklane.catalog;

import io.worklane.approval.Approval;
import io.worklane.approval.ApprovalPolicy;
import io.worklane.approval.ApprovalSubject;
import io.worklane.approval.Approvals;
import io.worklane.catalog.internal.Offerings;
import io.worklane.catalog.internal.ServiceRequests;
import io.worklane.fulfilment.Fulfilment;
import io.worklane.fulfilment.FulfilmentPlan;
import io.worklane.fulfilment.FulfilmentProgress;
import io.worklane.identity.IdentityManagement;
import io.worklane.identity.WorklaneUser;
import io.worklane.shared.TimeOrderedIds;
import io.worklane.shared.web.ApiProblem;
import io.worklane.shared.web.FieldError;
import io.worklane.work.NewItem;
import io.worklane.work.Refs;
import io.worklane.work.WorkItem;
import io.worklane.work.WorkManagement;
import io.worklane.work.WorkOverview;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.json.JsonMapper;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * The service catalog of the current tenant. Everyone sees and orders the offerings they are entitled
 * to; admins define offerings, each change making a new version. Ordering creates a work item of type
 * Service request for the offering's team, in the same transaction as the request that keeps the
 * offering's version and the answers.
 */
@Service
public class CatalogManagement {

    /** The work item type every order creates (one of the default types). */
    public static final String REQUEST_TYPE = "Service request";
    /** What a request is to the approval engine. */
    static final String APPROVAL_KIND = "service-request";
    private static final Pattern KEY = Pattern.compile("[a-z0-9][a-z0-9-]{1,62}");
    private static final int MY_REQUESTS = 200;

    private final Offerings offerings;
    private final ServiceRequests requests;
    private final WorkManagement work;
    private final WorkOverview overview;
    private final IdentityManagement identity;
    private final Fulfilment fulfilment;
    private final Approvals approvals;
    private final TransactionTemplate transactions;
    private final JsonMapper json;
    private final Clock clock;

    CatalogManagement(Offerings offerings, ServiceRequests requests, WorkManagement work, WorkOverview overview,
                      IdentityManagement identity, Fulfilment fulfilment, Approvals approvals,
                      TransactionTemplate transactions, JsonMapper json, Clock clock) {
        this.fulfilment = fulfilment;
        this.approvals = approvals;
        this.transactions = transactions;
        this.json = json;
        this.offerings = offerings;
        this.requests = requests;
        this.work = work;
        this.overview = overview;
        this.identity = identity;
        this.clock = clock;
    }

    // --- browsing ------------------------------------------------------------------------------------

    /** The offerings the person may order; with {@code query}, those whose name, category or description holds it. */
    @Transactional(readOnly = true)
    public List<Offering> offerings(WorklaneUser actor, String query) {
        Set<String> teams = teamsOf(actor);
        String needle = query == null ? "" : query.strip().toLowerCase(Locale.ROOT);
        return offerings.current().stream().map(Offerings.Stored::offering)
                .filter(o -> o.entitlement().allows(actor, teams))
                .map(o -> actor.isAdmin() ? o : o.forRequesters())
                .filter(o -> needle.isEmpty() || (o.name() + " " + o.category() + " " + o.description())
                        .toLowerCase(Locale.ROOT).contains(needle))
                .toList();
    }

    /** An offering the person may order (admins: any, archived included); others are not found. */
    @Transactional(readOnly = true)
    public Offering offering(WorklaneUser actor, String key) {
        Offering offering = visible(actor, key).offering();
        return actor.isAdmin() ? offering : offering.forRequesters();
    }

    // --- defining ------------------------------------------------------------------------------------

    /** Every offering, archived ones last, with how each is approved and fulfilled: for admins. */
    @Transactional(readOnly = true)
    public List<Offering> allOfferings(WorklaneUser actor) {
        requireAdmin(actor);
        return offerings.all().stream().map(Offerings.Stored::offering).toList();
    }

    @Transactional
    public Offering create(WorklaneUser actor, OfferingDefinition definition) {
        requireAdmin(actor);
        Checked checked = check(definition, true);
        Instant now = clock.instant();
        if (!offerings.create(UUID.randomUUID(), checked.offering().key(), now)) {
            throw ApiProblem.conflictOnField("offering-exists", "key", "an offering with the key "
                    + checked.offering().key() + " exists");
        }
        offerings.writeVersion(checked.offering().key(), 1, checked.offering(), checked.teamId(), actor.id().value(), now);
        return offerings.current(checked.offering().key()).orElseThrow().offering();
    }

    /** Adds an offering without an author: the default catalog of a new tenant. */
    void createDefault(OfferingDefinition definition) {
        Checked checked = check(definition, true);
        Instant now = clock.instant();
        if (offerings.create(UUID.randomUUID(), checked.offering().key(), now)) {
            offerings.writeVersion(checked.offering().key(), 1, checked.offering(), checked.teamId(), null, now);
        }
    }

    /**
     * Makes the offering's next version; requests made before keep theirs. With {@code expectedVersion},
     * a change to a newer version than the one read is refused (409).
     */
    @Transactional
    public Offering update(WorklaneUser actor, String key, OfferingDefinition definition, Long expectedVersion) {
        requireAdmin(actor);
        int current = offerings.lockVersion(normal(key)).orElseThrow(() -> notFound(key));
        if (expectedVersion != null && expectedVersion != current) {
            throw ApiProblem.staleVersion(current);
        }
        if (definition != null && definition.key() != null && !normal(definition.key()).equals(normal(key))) {
            throw ApiProblem.invalidField("key", "cannot change; create a new offering instead");
        }
        Checked checked = check(definition == null ? null : withKey(definition, normal(key)), false);
        offerings.writeVersion(normal(key), current + 1, checked.offering(), checked.teamId(), actor.id().value(),
                clock.instant());
        return offerings.current(normal(key)).orElseThrow().offering();
    }

    /** Takes an offering out of the catalog (or puts it back); its requests stay as they are. */
    @Transactional
    public Offering archive(WorklaneUser actor, String key, boolean archived) {
        requireAdmin(actor);
        if (!offerings.archive(normal(key), archived, clock.instant())) {
            throw notFound(key);
        }
        return offerings.current(normal(key)).orElseThrow().offering();
    }

    // --- ordering ------------------------------------------------------------------------------------

    /**
     * Orders an offering: checks the answers against its form, then creates the Service request item and
     * the request in one transaction. With {@code idempotencyKey}, a repeat of the order returns the first
     * request, even when both arrive at once; the key reused for another order is refused (422).
     */
    public ServiceRequest order(WorklaneUser actor, String key, Map<String, Object> answers, String idempotencyKey) {
        ServiceRequests.Idempotency idempotency = idempotency(idempotencyKey, key, answers);
        try {
            return transactions.execute(tx -> {
                Optional<ServiceRequest> replay = replay(actor, idempotency);
                return replay.isPresent() ? replay.get() : place(actor, key, answers, idempotency);
            });
        } catch (ConcurrentRetry retry) {
            return transactions.execute(tx -> replay(actor, idempotency).orElseThrow());
        }
    }

    private ServiceRequest place(WorklaneUser actor, String key, Map<String, Object> answers,
                                 ServiceRequests.Idempotency idempotency) {
        Offerings.Stored stored = visible(actor, key);
        Offering offering = stored.offering();
        if (offering.archived()) {
            throw ApiProblem.conflict("offering-archived", offering.name() + " is no longer offered.");
        }
        List<FieldError> errors = new ArrayList<>();
        Map<String, Object> kept = offering.requestForm().answer(answers, id -> overview.person(id).isPresent(), errors);
        if (!errors.isEmpty()) {
            throw ApiProblem.invalidFields(errors);
        }
        WorkItem item = work.create(actor, new NewItem(offering.team().key(), REQUEST_TYPE, title(offering, actor),
                description(offering, kept), null, null, null, List.of("catalog"), null, null, null, null), null).item();
        UUID id = TimeOrderedIds.next();
        if (!requests.insert(id, item.id().value(), item.key(), stored.id(), offering.version(), actor.id().value(), kept,
                idempotency, item.createdAt())) {
            throw new ConcurrentRetry();
        }
        Approvals.Start approval = approvals.start(new ApprovalSubject(APPROVAL_KIND, id, "offering:" + offering.key(),
                item.title(), "/requests/" + id, details(offering, kept), actor.id().value(), kept), offering.approval());
        fulfilment.start(id, item.key(), offering.fulfilment(), Map.of(
                "answers", kept,
                "request", Map.of("id", id.toString(), "item", item.key(), "offering", offering.key()),
                "requester", Map.of("email", actor.email(), "name", actor.displayName())), !approval.approved());
        return request(actor, requests.find(id).orElseThrow());
    }

    /** The same order sent again with the same key, which another transaction placed first. */
    private static final class ConcurrentRetry extends RuntimeException {
        ConcurrentRetry() {
            super(null, null, false, false);
        }
    }

    private Optional<ServiceRequest> replay(WorklaneUser actor, ServiceRequests.Idempotency idempotency) {
        if (idempotency == null) {
            return Optional.empty();
        }
        return requests.byIdempotencyKey(actor.id().value(), idempotency.key()).map(found -> {
            if (!Arrays.equals(found.getValue(), idempotency.orderHash())) {
                throw new ApiProblem(HttpStatus.UNPROCESSABLE_CONTENT, "idempotency-key-reused", "Idempotency-Key reused",
                        "This Idempotency-Key was used for a different order; use a new key for a new order.",
                        List.of(new FieldError("Idempotency-Key", "was used for a different order")));
            }
            return request(actor, found.getKey());
        });
    }

    private ServiceRequests.Idempotency idempotency(String idempotencyKey, String key, Map<String, Object> answers) {
        if (idempotencyKey == null) {
            return null;
        }
        if (idempotencyKey.isBlank() || idempotencyKey.length() > 255) {
            throw ApiProblem.invalidField("Idempotency-Key", "must be 1 to 255 characters");
        }
        try {
            byte[] hash = MessageDigest.getInstance("SHA-256").digest(json.writeValueAsString(
                    List.of(normal(key), answers == null ? Map.of() : new TreeMap<>(answers))).getBytes(StandardCharsets.UTF_8));
            return new ServiceRequests.Idempotency(idempotencyKey, hash);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The person's own requests, newest first, with where each stands now. */
    @Transactional(readOnly = true)
    public List<ServiceRequest> myRequests(WorklaneUser actor) {
        List<ServiceRequests.Row> rows = requests.of(actor.id().value(), MY_REQUESTS);
        List<UUID> ids = rows.stream().map(ServiceRequests.Row::id).toList();
        // Approvals and runs of the whole list in a few queries; items come from their read cache (ADR 0012).
        Map<UUID, Approval> approvalsOf = approvals.ofSubjects(actor, APPROVAL_KIND, ids);
        Map<UUID, FulfilmentProgress> runs = fulfilment.progress(ids);
        return rows.stream().map(row -> request(actor, row, approvalsOf.get(row.id()), runs.get(row.id()))).toList();
    }

    /** A request its requester, or staff, may see; to others it does not exist. */
    @Transactional(readOnly = true)
    public ServiceRequest request(WorklaneUser actor, UUID id) {
        return request(actor, visibleRow(actor, id));
    }

    private ServiceRequests.Row visibleRow(WorklaneUser actor, UUID id) {
        return requests.find(id).filter(r -> actor.isStaff() || r.requesterId().equals(actor.id().value()))
                .orElseThrow(() -> ApiProblem.notFound("There is no request " + id + "."));
    }

    /** The receipt of a request, for whoever may see the request. */
    @Transactional(readOnly = true)
    public ServiceReceipt receipt(WorklaneUser actor, UUID id) {
        return ServiceReceipt.of(request(actor, id));
    }

    /** An agent finishes a manual step of a request's fulfilment. */
    @Transactional
    public ServiceRequest completeStep(WorklaneUser actor, UUID id, String step, String note) {
        ServiceRequests.Row row = visibleRow(actor, id);
        fulfilment.complete(actor, id, step, note);
        return request(actor, row);
    }

    /** An agent tries a failed step again. */
    @Transactional
    public ServiceRequest retryStep(WorklaneUser actor, UUID id, String step) {
        ServiceRequests.Row row = visibleRow(actor, id);
        fulfilment.retry(actor, id, step);
        return request(actor, row);
    }

    /** An agent skips a failed step, saying why. */
    @Transactional
    public ServiceRequest skipStep(WorklaneUser actor, UUID id, String step, String reason) {
        ServiceRequests.Row row = visibleRow(actor, id);
        fulfilment.skip(actor, id, step, reason);
        return request(actor, row);
    }

    // --- helpers -------------------------------------------------------------------------------------

    private ServiceRequest request(WorklaneUser actor, ServiceRequests.Row row) {
        return request(actor, row, approvals.ofSubject(actor, APPROVAL_KIND, row.id()).orElse(null),
                fulfilment.progress(row.id()).orElse(null));
    }

    private ServiceRequest request(WorklaneUser actor, ServiceRequests.Row row, Approval approval, FulfilmentProgress run) {
        WorkItem item = work.get(actor, row.itemKey());
        return new ServiceRequest(row.id(), row.itemKey(), item.title(), item.status().name(), item.status().phase(),
                new ServiceRequest.OfferingRef(row.offeringKey(), row.offeringVersion(), row.offeringName()),
                row.answers(), new ServiceRequest.Requester(row.requesterId(), row.requesterName(), row.requesterEmail()),
                row.createdAt(), approval, run, RequestOutlook.waitingOn(item.status().phase(), item.team().name(), approval, run),
                RequestOutlook.expectedBy(item.status().phase(), run, clock.instant()));
    }

    private Offerings.Stored visible(WorklaneUser actor, String key) {
        return offerings.current(normal(key))
                .filter(stored -> actor.isAdmin()
                        || (!stored.offering().archived() && stored.offering().entitlement().allows(actor, teamsOf(actor))))
                .orElseThrow(() -> notFound(key));
    }

    private Set<String> teamsOf(WorklaneUser actor) {
        return identity.me(actor).teams().stream().map(team -> team.key()).collect(Collectors.toSet());
    }

    private static String title(Offering offering, WorklaneUser actor) {
        String title = offering.name() + " for " + actor.displayName();
        return title.length() > 255 ? title.substring(0, 255) : title;
    }

    /** The answers as the item's description, one line per answer under the field's label. */
    private String description(Offering offering, Map<String, Object> answers) {
        StringBuilder text = new StringBuilder("Ordered from the catalog: **" + offering.name() + "** (version "
                + offering.version() + ").\n\n");
        details(offering, answers).forEach(d -> text.append("- ").append(d.label()).append(": ").append(d.value()).append('\n'));
        return text.toString();
    }

    /** Each answer under its field's label, as people read it (names, not ids; yes and no). */
    private List<ApprovalSubject.Detail> details(Offering offering, Map<String, Object> answers) {
        List<ApprovalSubject.Detail> details = new ArrayList<>();
        for (FormField field : offering.form()) {
            Object value = answers.get(field.key());
            if (value == null) {
                continue;
            }
            String shown = switch (field.kind()) {
                case USER -> overview.person(UUID.fromString(value.toString())).map(Refs.Person::name).orElse(value.toString());
                case CHECKBOX -> Boolean.TRUE.equals(value) ? "yes" : "no";
                case NUMBER -> value instanceof java.math.BigDecimal number ? number.toPlainString() : value.toString();
                default -> value.toString();
            };
            details.add(new ApprovalSubject.Detail(field.label(), shown.replace("\n", " ")));
        }
        return details;
    }

    private record Checked(Offering offering, UUID teamId) {
    }

    /** The definition as an offering, or every broken rule at once (400). */
    private Checked check(OfferingDefinition definition, boolean creating) {
        if (definition == null) {
            throw ApiProblem.invalidField("body", "must be an offering");
        }
        List<FieldError> errors = new ArrayList<>();
        String key = definition.key() == null ? "" : normal(definition.key());
        if (creating && !KEY.matcher(key).matches()) {
            errors.add(new FieldError("key", "must be 2 to 63 lower-case letters, digits or '-', such as new-laptop"));
        }
        String name = text(definition.name(), "name", 1, 120, errors);
        String description = definition.description() == null ? "" : definition.description().strip();
        if (description.length() > 4000) {
            errors.add(new FieldError("description", "must be at most 4000 characters"));
        }
        String category = text(definition.category(), "category", 1, 60, errors);
        String icon = definition.icon() == null || definition.icon().isBlank() ? "box" : definition.icon().strip();
        if (icon.length() > 40) {
            errors.add(new FieldError("icon", "must be at most 40 characters"));
        }
        UUID teamId = null;
        String teamKey = definition.team() == null ? "" : definition.team().strip().toUpperCase(Locale.ROOT);
        String teamName = null;
        Optional<Offerings.Team> team = teamKey.isEmpty() ? Optional.empty() : offerings.team(teamKey);
        if (team.isEmpty()) {
            errors.add(new FieldError("team", teamKey.isEmpty() ? "must name the team that delivers the offering"
                    : "there is no team with the key " + teamKey));
        } else {
            teamId = team.get().id();
            teamName = team.get().name();
        }
        Entitlement entitlement = definition.entitlement() == null ? Entitlement.EVERYONE : definition.entitlement();
        entitlement.teams().stream().filter(t -> offerings.team(t).isEmpty()).sorted()
                .forEach(t -> errors.add(new FieldError("entitlement.teams", "there is no team with the key " + t)));
        RequestForm form = new RequestForm(definition.form());
        errors.addAll(form.problems());
        ApprovalPolicy approval = definition.approval() == null ? ApprovalPolicy.NONE : definition.approval();
        errors.addAll(approvals.problems(approval, "approval"));
        errors.addAll(factProblems(approval, form));
        FulfilmentPlan plan = definition.fulfilment() == null ? FulfilmentPlan.NONE : definition.fulfilment();
        errors.addAll(plan.problems("fulfilment", t -> offerings.team(t).isPresent()));
        String serviceLevel = definition.serviceLevel() == null || definition.serviceLevel().isBlank() ? null
                : definition.serviceLevel().strip();
        if (serviceLevel != null && serviceLevel.length() > 120) {
            errors.add(new FieldError("serviceLevel", "must be at most 120 characters"));
        }
        if (!errors.isEmpty()) {
            throw ApiProblem.invalidFields(errors);
        }
        return new Checked(new Offering(key, 0, name, description, category, icon, new Offering.TeamRef(teamKey, teamName),
                entitlement, form.fields(), serviceLevel, approval, plan, false, null, null), teamId);
    }

    /** Auto-approval rules look at answers: each must name a field of the form, a quota's quantity a number field. */
    private static List<FieldError> factProblems(ApprovalPolicy approval, RequestForm form) {
        List<FieldError> errors = new ArrayList<>();
        if (approval.autoApprove() == null) {
            return errors;
        }
        Map<String, FormField> fields = form.fields().stream().filter(f -> f != null && f.key() != null)
                .collect(Collectors.toMap(FormField::key, f -> f, (a, b) -> a));
        var when = approval.autoApprove().when();
        for (int n = 0; n < when.size(); n++) {
            var condition = when.get(n);
            if (condition == null || condition.fact() == null) {
                continue;
            }
            FormField field = fields.get(condition.fact());
            if (field == null) {
                errors.add(new FieldError("approval.autoApprove.when[" + n + "].fact", "must be the key of a field of the form"));
            } else if (condition.value() != null && !sameKind(field.kind(), condition.value())) {
                // "500" against a number would compare as text ("1000" < "500"): refuse it.
                errors.add(new FieldError("approval.autoApprove.when[" + n + "].value", "must be "
                        + (field.kind() == FieldKind.NUMBER ? "a number" : field.kind() == FieldKind.CHECKBOX ? "true or false"
                        : "text") + ", as the answers to " + field.key() + " are"));
            }
        }
        var quota = approval.autoApprove().quota();
        if (quota != null && quota.quantity() != null
                && (!fields.containsKey(quota.quantity()) || fields.get(quota.quantity()).kind() != FieldKind.NUMBER)) {
            errors.add(new FieldError("approval.autoApprove.quota.quantity", "must be the key of a number field of the form"));
        }
        return errors;
    }

    private static boolean sameKind(FieldKind kind, Object value) {
        if (value instanceof List<?> values) {
            return !values.isEmpty() && values.stream().allMatch(v -> v != null && sameKind(kind, v));
        }
        return switch (kind) {
            case NUMBER -> value instanceof Number;
            case CHECKBOX -> value instanceof Boolean;
            default -> value instanceof String;
        };
    }

    private static String text(String value, String field, int min, int max, List<FieldError> errors) {
        String stripped = value == null ? "" : value.strip();
        if (stripped.length() < min || stripped.length() > max) {
            errors.add(new FieldError(field, "must be " + min + " to " + max + " characters"));
        }
        return stripped;
    }

    private static OfferingDefinition withKey(OfferingDefinition d, String key) {
        return new OfferingDefinition(key, d.name(), d.description(), d.category(), d.icon(), d.team(), d.entitlement(),
                d.form(), d.serviceLevel(), d.approval(), d.fulfilment());
    }

    private static String normal(String key) {
        return key == null ? "" : key.strip().toLowerCase(Locale.ROOT);
    }

    private static void requireAdmin(WorklaneUser actor) {
        if (!actor.isAdmin()) {
            throw ApiProblem.forbidden("Only admins define the catalog.");
        }
    }

    private static ApiProblem notFound(String key) {
        return ApiProblem.notFound("There is no offering " + (key == null ? "" : key.strip()) + ".");
    }
}
