package io.worklane.work;

import io.worklane.identity.IdentityManagement;
import io.worklane.identity.WorklaneUser;
import io.worklane.shared.TimeOrderedIds;
import io.worklane.shared.web.ApiProblem;
import io.worklane.work.WorkItemEvents.WorkItemChanged;
import io.worklane.work.WorkItemEvents.WorkItemCreated;
import io.worklane.work.WorkItemEvents.WorkItemTransitioned;
import io.worklane.work.internal.Directory;
import io.worklane.work.internal.Directory.TeamRow;
import io.worklane.work.internal.History;
import io.worklane.work.internal.History.Change;
import io.worklane.work.internal.IdempotencyKeys;
import io.worklane.work.internal.ItemRow;
import io.worklane.work.internal.ItemRules;
import io.worklane.work.internal.ItemRules.Applied;
import io.worklane.work.internal.ItemRules.Errors;
import io.worklane.work.internal.Items;
import io.worklane.work.internal.Relations;
import io.worklane.work.internal.RecentItems;
import io.worklane.work.internal.TypeCatalogs;
import org.springframework.context.ApplicationEventPublisher;
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
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * Work items of the current tenant: create, read, change, move through their workflow, watch and link.
 * Every method takes the acting person and checks {@link ItemAccessPolicy} before it reads or writes;
 * an item the actor may not see is reported as not found, exactly like one that does not exist.
 */
@Service
public class WorkManagement {

    private static final int MAX_IDEMPOTENCY_KEY = 255;

    private final Items items;
    private final History history;
    private final Relations relations;
    private final Directory directory;
    private final ItemRules rules;
    private final IdempotencyKeys idempotency;
    private final TypeCatalogs catalogs;
    private final IdentityManagement identity;
    private final RecentItems recent;
    private final ApplicationEventPublisher events;
    private final TransactionTemplate transactions;
    private final JsonMapper json;
    private final Clock clock;

    WorkManagement(Items items, History history, Relations relations, Directory directory, ItemRules rules,
                   IdempotencyKeys idempotency, TypeCatalogs catalogs, IdentityManagement identity,
                   ApplicationEventPublisher events, TransactionTemplate transactions, JsonMapper json, Clock clock, RecentItems recent) {
        this.recent = recent;
        this.items = items;
        this.history = history;
        this.relations = relations;
        this.directory = directory;
        this.rules = rules;
        this.idempotency = idempotency;
        this.catalogs = catalogs;
        this.identity = identity;
        this.events = events;
        this.transactions = transactions;
        this.json = json;
        this.clock = clock;
    }

    /** A created item, and whether it was created by an earlier request with the same Idempotency-Key. */
    public record Created(WorkItem item, boolean replayed) {
    }

    // --- reading -------------------------------------------------------------------------------------

    /**
     * One query, so no transaction of its own: it joins the caller's when there is one. Not even a
     * SUPPORTS one, whose synchronisation cost a twentieth of an item read (docs/benchmarks.md).
     */
    public WorkItem get(WorklaneUser actor, String key) {
        String normal = normalise(key);
        WorkItem item = recent.get(actor.tenantId(), normal, () -> items.view(normal, catalogs.current()))
                .orElseThrow(() -> notFound(key));
        if (!ItemAccessPolicy.canSee(actor, item.reporter().id(), item.watchedBy(actor.id().value()))) {
            throw notFound(key);
        }
        return item;
    }

    @Transactional(readOnly = true)
    public TypeCatalog types(WorklaneUser actor) {
        return catalogs.current();
    }

    @Transactional(readOnly = true)
    public List<HistoryEntry> history(WorklaneUser actor, String key) {
        return history.of(get(actor, key).id());
    }

    @Transactional(readOnly = true)
    public List<Refs.ItemRef> children(WorklaneUser actor, String key) {
        return items.children(get(actor, key).id());
    }

    /** The transitions the actor may take from the item's current status, in workflow order. */
    @Transactional(readOnly = true)
    public List<TransitionOption> transitions(WorklaneUser actor, String key) {
        return transitions(actor, get(actor, key));
    }

    /** The transitions the actor may take from the status of an item they already read. */
    public List<TransitionOption> transitions(WorklaneUser actor, WorkItem item) {
        WorkType type = catalogs.current().type(item.type().id()).orElseThrow();
        Status from = type.status(item.status().id()).orElseThrow();
        boolean mayEdit = editRefusal(actor, item).isEmpty();
        boolean reporter = item.reporter().id().equals(actor.id().value());
        List<TransitionOption> options = new ArrayList<>();
        for (Transition t : type.transitionsFrom(from.id())) {
            Status to = type.status(t.to()).orElseThrow();
            if (TransitionPolicy.refusal(type, from, to, actor, mayEdit, reporter).isEmpty()) {
                options.add(new TransitionOption(t.name(), Refs.StatusRef.of(to)));
            }
        }
        options.sort((a, b) -> Integer.compare(
                type.status(a.to().id()).orElseThrow().position(), type.status(b.to().id()).orElseThrow().position()));
        return options;
    }

    /** A step the actor may take now: its button label and where it leads. */
    public record TransitionOption(String name, Refs.StatusRef to) {
    }

    /** Whether the actor may change the item (the UI shows editing controls only then). */
    @Transactional(readOnly = true)
    public boolean mayEdit(WorklaneUser actor, WorkItem item) {
        return editRefusal(actor, item).isEmpty();
    }

    // --- creating ------------------------------------------------------------------------------------

    /**
     * Creates an item. With an {@code idempotencyKey}, a repeat of the same request by the same person
     * returns the item the first one created; the key reused for a different request is refused.
     */
    public Created create(WorklaneUser actor, NewItem order, String idempotencyKey) {
        byte[] requestHash = idempotencyKey == null ? null : hash(order);
        if (idempotencyKey != null) {
            if (idempotencyKey.isBlank() || idempotencyKey.length() > MAX_IDEMPOTENCY_KEY) {
                throw ApiProblem.invalidField("Idempotency-Key", "must be 1 to " + MAX_IDEMPOTENCY_KEY + " characters");
            }
            Optional<Created> replay = replay(actor, idempotencyKey, requestHash);
            if (replay.isPresent()) {
                return replay.get();
            }
        }
        TypeCatalog catalog = catalogs.current();
        UUID id = TimeOrderedIds.next();
        // One transaction, one connection: validation reads, the insert (numbered by the team's sequence),
        // watchers, history, and the view returned.
        WorkItem created = transactions.execute(tx -> {
            Validated valid = validate(actor, order, catalog);
            Instant now = clock.instant();
            if (idempotencyKey != null && !idempotency.claim(actor.id().value(), idempotencyKey, requestHash, id, now)) {
                tx.setRollbackOnly();
                return null;
            }
            Status initial = valid.type().initialStatus();
            String key = items.insert(new ItemRow(id, null, valid.team().id(), 0, valid.type().id(),
                    valid.type().category(), initial.id(), valid.priority(), valid.title(), valid.description(),
                    valid.assignee(), valid.reporter(), valid.labels(), order.dueDate(), valid.parent(), valid.fields(),
                    now, now, now, null, 0), valid.team().key());
            Set<UUID> watchers = new LinkedHashSet<>();
            watchers.add(valid.reporter());
            if (valid.assignee() != null) {
                watchers.add(valid.assignee());
            }
            watchers.addAll(valid.watchers());
            relations.watchAll(new ItemId(id), watchers, now);
            history.record(new ItemId(id), now, actor.id().value(), 0,
                    List.of(new Change("created", "status", null, initial.id(), null, initial.name())));
            events.publishEvent(new WorkItemCreated(actor.tenantId(), new ItemId(id), key, valid.type().category(),
                    initial.id(), now, actor.id()));
            recent.created(actor.tenantId(), key);
            return items.view(key, catalog).orElseThrow();
        });
        if (created == null) {
            return replay(actor, idempotencyKey, requestHash).orElseThrow();
        }
        return new Created(created, false);
    }

    private Optional<Created> replay(WorklaneUser actor, String key, byte[] requestHash) {
        return transactions.execute(tx -> idempotency.find(actor.id().value(), key, requestHash).map(remembered -> {
            if (!remembered.sameRequest()) {
                throw new ApiProblem(HttpStatus.UNPROCESSABLE_CONTENT, "idempotency-key-reused", "Idempotency-Key reused",
                        "This Idempotency-Key was used for a different request; use a new key for a new item.",
                        List.of(new io.worklane.shared.web.FieldError("Idempotency-Key", "was used for a different request")));
            }
            String itemKey = items.row(new ItemId(remembered.item())).orElseThrow().key();
            return new Created(items.view(itemKey, catalogs.current()).orElseThrow(), true);
        }));
    }

    private record Validated(TeamRow team, WorkType type, String title, String description, int priority,
                             UUID assignee, UUID reporter, List<String> labels, UUID parent,
                             Map<String, Object> fields, List<UUID> watchers) {
    }

    private Validated validate(WorklaneUser actor, NewItem order, TypeCatalog catalog) {
        Errors errors = new Errors();
        TeamRow team = null;
        if (order.team() == null || order.team().isBlank()) {
            errors.add("team", "must name the team that will own the item, by its key (such as OPS)");
        } else {
            team = directory.team(order.team()).orElse(null);
            if (team == null) {
                errors.add("team", "there is no team with the key " + order.team().strip());
            }
        }
        WorkType type = null;
        if (order.type() == null || order.type().isBlank()) {
            errors.add("type", "must name a type: " + typeNames(catalog));
        } else {
            type = catalog.typeNamed(order.type()).orElse(null);
            if (type == null) {
                errors.add("type", "there is no type named " + order.type().strip() + "; types: " + typeNames(catalog));
            } else {
                Optional<String> refusal = ItemAccessPolicy.createRefusal(actor, type);
                if (refusal.isPresent()) {
                    throw ApiProblem.forbidden(refusal.get());
                }
            }
        }
        String title = rules.title(order.title(), errors);
        String description = rules.description(order.description(), errors);
        int priority = rules.priority(order.priority(), errors);
        UUID assignee = null;
        UUID reporter = actor.id().value();
        if (actor.isStaff()) {
            assignee = rules.assignee(order.assignee(), errors);
            if (order.reporter() != null) {
                reporter = rules.person("reporter", order.reporter(), errors);
            }
        } else if (order.assignee() != null || order.reporter() != null) {
            errors.add(order.assignee() != null ? "assignee" : "reporter", "may be set by agents and admins only");
        }
        List<String> labels = rules.labels(order.labels(), errors);
        UUID parent = rules.parent(order.parent(), null, errors);
        Map<String, Object> fields = type == null ? Map.of() : rules.fields(type, Map.of(), order.fields(), errors);
        List<UUID> watchers = order.watchers() == null ? List.of()
                : order.watchers().stream().map(w -> rules.person("watchers", w, errors)).toList();
        errors.throwIfAny();
        return new Validated(team, type, title, description, priority, assignee, reporter, labels, parent, fields, watchers);
    }

    // --- changing ------------------------------------------------------------------------------------

    /** Applies a partial change; with {@code expectedVersion}, a change to a newer item is refused (409). */
    @Transactional
    public WorkItem update(WorklaneUser actor, String key, ItemChanges changes, Long expectedVersion) {
        ItemRow row = writable(actor, key, expectedVersion);
        WorkType type = catalogs.current().type(row.typeId()).orElseThrow();
        Errors errors = new Errors();
        Applied applied = rules.apply(row, type, changes == null ? ItemChanges.none() : changes, errors);
        errors.throwIfAny();
        if (applied.changes().isEmpty()) {
            return items.view(row.key(), catalogs.current()).orElseThrow();
        }
        Instant now = clock.instant();
        ItemRow next = withVersion(applied.next(), now, applied.next().statusId(), row.statusChangedAt(), row.resolvedAt(),
                row.version() + 1);
        save(row, next, applied.textChanged());
        recent.changed(actor.tenantId(), row.key());
        if (next.assigneeId() != null && !next.assigneeId().equals(row.assigneeId())) {
            relations.watch(new ItemId(row.id()), next.assigneeId(), now);
        }
        history.record(new ItemId(row.id()), now, actor.id().value(), next.version(), applied.changes());
        events.publishEvent(new WorkItemChanged(actor.tenantId(), new ItemId(row.id()), row.key(),
                applied.changes().stream().map(Change::field).collect(Collectors.toUnmodifiableSet()), now, actor.id()));
        return items.view(row.key(), catalogs.current()).orElseThrow();
    }

    /**
     * Raises an item's priority one step (Low becomes Medium; Highest stays), as Worklane itself rather
     * than a person: a service level breached. The history shows the change without an actor.
     */
    @Transactional
    public void raisePriorityAutomatically(String key) {
        ItemRow row = items.rowForUpdate(normalise(key)).orElseThrow(() -> notFound(key));
        if (row.priority() <= Priority.HIGHEST.rank()) {
            return;
        }
        WorkType type = catalogs.current().type(row.typeId()).orElseThrow();
        Errors errors = new Errors();
        Applied applied = rules.apply(row, type, new ItemChanges(null, null,
                Optional.of(Priority.ofRank(row.priority() - 1).code()), null, null, null, null, null), errors);
        errors.throwIfAny();
        Instant now = clock.instant();
        ItemRow next = withVersion(applied.next(), now, applied.next().statusId(), row.statusChangedAt(), row.resolvedAt(),
                row.version() + 1);
        save(row, next, applied.textChanged());
        io.worklane.shared.TenantId tenant = io.worklane.tenancy.TenantContext.require().id();
        recent.changed(tenant, row.key());
        history.record(new ItemId(row.id()), now, null, next.version(), applied.changes());
        events.publishEvent(new WorkItemChanged(tenant, new ItemId(row.id()), row.key(),
                applied.changes().stream().map(Change::field).collect(Collectors.toUnmodifiableSet()), now, null));
    }

    /** Moves an item to the status named {@code to}, along its workflow. */
    @Transactional
    public WorkItem transition(WorklaneUser actor, String key, String to, Long expectedVersion) {
        StatusChange change = changeStatus(actor, key, to, expectedVersion);
        return items.view(change.key(), catalogs.current()).orElseThrow();
    }

    /** What a transition changed, for callers that show the item their own way (a board's card). */
    public record StatusChange(String key, Refs.StatusRef from, Refs.StatusRef to, Instant at, long version) {
    }

    /** {@link #transition}, without reading the item back. */
    @Transactional
    public StatusChange changeStatus(WorklaneUser actor, String key, String to, Long expectedVersion) {
        ItemRow row = visibleRowForUpdate(actor, key);
        checkVersion(row, expectedVersion);
        WorkType type = catalogs.current().type(row.typeId()).orElseThrow();
        Status from = type.status(row.statusId()).orElseThrow();
        if (to == null || to.isBlank()) {
            throw ApiProblem.invalidField("to", "must name the status to move to");
        }
        Status target = type.statusNamed(to).orElseThrow(() -> ApiProblem.invalidField("to",
                type.name() + " items have no status named " + to.strip() + "; their statuses: "
                        + type.statuses().stream().map(Status::name).collect(Collectors.joining(", "))));
        boolean mayEdit = ItemAccessPolicy.editRefusal(actor, row.key(), row.teamId(), row.assigneeId(), row.reporterId(),
                actorTeams(actor)).isEmpty();
        TransitionPolicy.refusal(type, from, target, actor, mayEdit, row.reporterId().equals(actor.id().value()))
                .ifPresent(refusal -> {
                    throw refusal.forbidden() ? ApiProblem.forbidden(refusal.reason())
                            : new ApiProblem(HttpStatus.CONFLICT, "transition-not-allowed", "Transition not allowed",
                            refusal.reason(), List.of(new io.worklane.shared.web.FieldError("to", refusal.reason())));
                });
        Instant now = clock.instant();
        Instant resolved = target.isDone() ? (from.isDone() ? row.resolvedAt() : now) : null;
        ItemRow next = withVersion(row, now, target.id(), now, resolved, row.version() + 1);
        save(row, next, false);
        recent.changed(actor.tenantId(), row.key());
        history.record(new ItemId(row.id()), now, actor.id().value(), next.version(),
                List.of(new Change("transition", "status", from.id(), target.id(), from.name(), target.name())));
        events.publishEvent(new WorkItemTransitioned(actor.tenantId(), new ItemId(row.id()), row.key(), from.id(),
                target.id(), now, actor.id(), target.isDone() && !from.isDone()));
        return new StatusChange(row.key(), Refs.StatusRef.of(from), Refs.StatusRef.of(target), now, next.version());
    }

    /**
     * Moves an item along its workflow to its first done status (by position: Done before Cancelled),
     * as Worklane itself rather than a person: automated fulfilment finishing a request. Each hop is a
     * transition in the history, with no actor. Nothing happens to an item already done, or one whose
     * workflow reaches no done status.
     */
    @Transactional
    public List<StatusChange> completeAutomatically(String key) {
        return closeAutomatically(key, false);
    }

    /**
     * As {@link #completeAutomatically}, to the workflow's last done status (Cancelled): a request
     * rejected by its approvers.
     */
    @Transactional
    public List<StatusChange> cancelAutomatically(String key) {
        return closeAutomatically(key, true);
    }

    private List<StatusChange> closeAutomatically(String key, boolean cancelled) {
        ItemRow row = items.rowForUpdate(normalise(key)).orElseThrow(() -> notFound(key));
        WorkType type = catalogs.current().type(row.typeId()).orElseThrow();
        List<Status> path = TransitionPolicy.pathToClosed(type, type.status(row.statusId()).orElseThrow(), cancelled);
        List<StatusChange> changes = new ArrayList<>();
        ItemRow current = row;
        for (Status target : path) {
            Status from = type.status(current.statusId()).orElseThrow();
            Instant now = clock.instant();
            Instant resolved = target.isDone() ? (from.isDone() ? current.resolvedAt() : now) : null;
            ItemRow next = withVersion(current, now, target.id(), now, resolved, current.version() + 1);
            if (!items.update(next, current.version(), false)) {
                throw stale(current, current.version());
            }
            history.record(new ItemId(row.id()), now, null, next.version(),
                    List.of(new Change("transition", "status", from.id(), target.id(), from.name(), target.name())));
            events.publishEvent(new WorkItemTransitioned(io.worklane.tenancy.TenantContext.require().id(),
                    new ItemId(row.id()), row.key(), from.id(), target.id(), now, null, target.isDone() && !from.isDone()));
            changes.add(new StatusChange(row.key(), Refs.StatusRef.of(from), Refs.StatusRef.of(target), now, next.version()));
            current = next;
        }
        if (!changes.isEmpty()) {
            recent.changed(io.worklane.tenancy.TenantContext.require().id(), row.key());
        }
        return changes;
    }

    /** Adds a watcher: anyone who can see an item may watch it; watching someone else needs edit rights. */
    @Transactional
    public WorkItem watch(WorklaneUser actor, String key, UUID user) {
        ItemRow row = visibleRowForUpdate(actor, key);
        UUID watcher = watcherFor(actor, row, user);
        Errors errors = new Errors();
        rules.person("user", watcher, errors);
        errors.throwIfAny();
        Instant now = clock.instant();
        if (relations.watch(new ItemId(row.id()), watcher, now)) {
            recent.changed(actor.tenantId(), row.key());
            history.record(new ItemId(row.id()), now, actor.id().value(), row.version(), List.of(
                    new Change("watcher_added", "watchers", null, watcher, null, directory.name(watcher).orElse(""))));
        }
        return items.view(row.key(), catalogs.current()).orElseThrow();
    }

    @Transactional
    public WorkItem unwatch(WorklaneUser actor, String key, UUID user) {
        ItemRow row = visibleRowForUpdate(actor, key);
        UUID watcher = watcherFor(actor, row, user);
        Instant now = clock.instant();
        if (relations.unwatch(new ItemId(row.id()), watcher)) {
            recent.changed(actor.tenantId(), row.key());
            history.record(new ItemId(row.id()), now, actor.id().value(), row.version(), List.of(
                    new Change("watcher_removed", "watchers", watcher, null, directory.name(watcher).orElse(""), null)));
        }
        return items.view(row.key(), catalogs.current()).orElseThrow();
    }

    /** Links this item to another, in the direction the kind names from this item's side. */
    @Transactional
    public WorkItem link(WorklaneUser actor, String key, String kindCode, String otherKey) {
        ItemRow row = visibleRowForUpdate(actor, key);
        requireEdit(actor, row);
        ItemLink.Kind kind = linkKind(kindCode);
        if (otherKey == null || otherKey.isBlank()) {
            throw ApiProblem.invalidField("item", "must be the key of the item to link to");
        }
        WorkItem other = items.view(normalise(otherKey), catalogs.current())
                .filter(o -> ItemAccessPolicy.canSee(actor, o.reporter().id(), o.watchedBy(actor.id().value())))
                .orElseThrow(() -> ApiProblem.invalidField("item", "there is no item " + otherKey.strip()));
        if (other.id().value().equals(row.id())) {
            throw ApiProblem.invalidField("item", "an item cannot be linked to itself");
        }
        UUID source = kind.inverse() ? other.id().value() : row.id();
        UUID target = kind.inverse() ? row.id() : other.id().value();
        Instant now = clock.instant();
        if (relations.link(source, target, kind.stored(), actor.id().value(), now)) {
            recent.changed(actor.tenantId(), row.key());
            recent.changed(actor.tenantId(), other.key());
            history.record(new ItemId(row.id()), now, actor.id().value(), row.version(), List.of(
                    new Change("link_added", kind.code(), null, other.key(), null, kind.label() + " " + other.key())));
        }
        return items.view(row.key(), catalogs.current()).orElseThrow();
    }

    @Transactional
    public WorkItem unlink(WorklaneUser actor, String key, String kindCode, String otherKey) {
        ItemRow row = visibleRowForUpdate(actor, key);
        requireEdit(actor, row);
        ItemLink.Kind kind = linkKind(kindCode);
        UUID other = items.idOf(normalise(otherKey)).orElseThrow(() -> notFound(otherKey));
        boolean removed = kind.inverse() ? relations.unlink(other, row.id(), kind.stored())
                : relations.unlink(row.id(), other, kind.stored())
                || (kind == ItemLink.Kind.RELATES && relations.unlink(other, row.id(), kind.stored()));
        if (!removed) {
            throw ApiProblem.notFound(row.key() + " has no such link to " + otherKey.strip() + ".");
        }
        recent.changed(actor.tenantId(), row.key());
        recent.changed(actor.tenantId(), normalise(otherKey));
        Instant now = clock.instant();
        history.record(new ItemId(row.id()), now, actor.id().value(), row.version(), List.of(
                new Change("link_removed", kind.code(), normalise(otherKey), null, kind.label() + " " + normalise(otherKey), null)));
        return items.view(row.key(), catalogs.current()).orElseThrow();
    }

    // --- helpers -------------------------------------------------------------------------------------

    /** Oneself by default; (un)watching on someone else's behalf needs the right to change the item. */
    private UUID watcherFor(WorklaneUser actor, ItemRow row, UUID user) {
        UUID watcher = user == null ? actor.id().value() : user;
        if (!watcher.equals(actor.id().value())) {
            requireEdit(actor, row);
        }
        return watcher;
    }

    private static ItemLink.Kind linkKind(String code) {
        return ItemLink.Kind.ofCode(code).orElseThrow(() -> ApiProblem.invalidField("kind",
                "must be one of blocks, is_blocked_by, relates, duplicates, is_duplicated_by"));
    }

    ItemRow writable(WorklaneUser actor, String key, Long expectedVersion) {
        ItemRow row = visibleRowForUpdate(actor, key);
        requireEdit(actor, row);
        checkVersion(row, expectedVersion);
        return row;
    }

    private void checkVersion(ItemRow row, Long expectedVersion) {
        if (expectedVersion != null && expectedVersion != row.version()) {
            throw stale(row, expectedVersion);
        }
    }

    /** The item locked for this transaction (writers of one item queue instead of overwriting). */
    ItemRow visibleRowForUpdate(WorklaneUser actor, String key) {
        ItemRow row = items.rowForUpdate(normalise(key)).orElseThrow(() -> notFound(key));
        boolean watching = !actor.isStaff() && !row.reporterId().equals(actor.id().value())
                && items.watches(new ItemId(row.id()), actor.id().value());
        if (!ItemAccessPolicy.canSee(actor, row.reporterId(), watching)) {
            throw notFound(key);
        }
        return row;
    }

    private void requireEdit(WorklaneUser actor, ItemRow row) {
        ItemAccessPolicy.editRefusal(actor, row.key(), row.teamId(), row.assigneeId(), row.reporterId(), actorTeams(actor))
                .ifPresent(reason -> {
                    throw ApiProblem.forbidden(reason);
                });
    }

    private Optional<String> editRefusal(WorklaneUser actor, WorkItem item) {
        return ItemAccessPolicy.editRefusal(actor, item.key(), item.team().id(),
                item.assignee() == null ? null : item.assignee().id(), item.reporter().id(), actorTeams(actor));
    }

    private Set<UUID> actorTeams(WorklaneUser actor) {
        return identity.me(actor).teams().stream().map(t -> t.id().value()).collect(Collectors.toSet());
    }

    private void save(ItemRow row, ItemRow next, boolean textChanged) {
        if (!items.update(next, row.version(), textChanged)) {
            throw stale(row, row.version());
        }
    }

    private ApiProblem stale(ItemRow row, long expectedVersion) {
        long current = items.row(new ItemId(row.id())).map(ItemRow::version).orElse(row.version());
        return ApiProblem.staleVersion(current).with("changes", history.since(new ItemId(row.id()), expectedVersion));
    }

    private static ItemRow withVersion(ItemRow r, Instant now, UUID status, Instant statusChangedAt, Instant resolvedAt,
                                       long version) {
        return new ItemRow(r.id(), r.key(), r.teamId(), r.number(), r.typeId(), r.category(), status, r.priority(),
                r.title(), r.description(), r.assigneeId(), r.reporterId(), r.labels(), r.dueDate(), r.parentId(),
                r.fields(), r.createdAt(), now, statusChangedAt, resolvedAt, version);
    }

    private static String typeNames(TypeCatalog catalog) {
        return catalog.types().stream().map(WorkType::name).collect(Collectors.joining(", "));
    }

    static String normalise(String key) {
        return key == null ? "" : key.strip().toUpperCase();
    }

    static ApiProblem notFound(String key) {
        return ApiProblem.notFound("There is no item " + (key == null ? "" : key.strip()) + ".");
    }

    private byte[] hash(NewItem order) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(json.writeValueAsString(order).getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
