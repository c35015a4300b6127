package io.worklane.work;

import io.worklane.identity.WorklaneUser;
import io.worklane.shared.web.ApiProblem;
import io.worklane.tenancy.TenantContext;
import io.worklane.work.internal.ItemRules.Errors;
import io.worklane.work.internal.RecentItems;
import io.worklane.work.internal.TypeCatalogs;
import io.worklane.work.internal.TypeRules;
import io.worklane.work.internal.TypeRules.FieldSpec;
import io.worklane.work.internal.TypeRules.ResolvedWorkflow;
import io.worklane.work.internal.WorkTypeWriter;
import io.worklane.work.internal.WorkTypeWriter.StatusRow;
import io.worklane.work.internal.WorkTypeWriter.TransitionRow;
import io.worklane.work.internal.WorkTypes;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.Consumer;
import java.util.stream.Collectors;

/**
 * How admins configure the work of their organisation: types and their categories, custom fields, and
 * each type's workflow. Everyone signed in may read types (requesters only those they may raise);
 * only admins change them. Every change moves the type's version, which is its ETag.
 */
@Service
public class WorkTypeManagement {

    private final WorkTypeWriter writer;
    private final WorkTypes types;
    private final TypeCatalogs catalogs;
    private final WorkCategories categories;
    private final TransactionTemplate transactions;
    private final RecentItems recent;

    WorkTypeManagement(WorkTypeWriter writer, WorkTypes types, TypeCatalogs catalogs, WorkCategories categories,
                       TransactionTemplate transactions, RecentItems recent) {
        this.recent = recent;
        this.writer = writer;
        this.types = types;
        this.catalogs = catalogs;
        this.categories = categories;
        this.transactions = transactions;
    }

    // --- reading -------------------------------------------------------------------------------------

    /** The types the actor may see, in their configured order: all for agents and admins, requestable ones for requesters. */
    public List<TypeDetails> types(WorklaneUser actor) {
        return catalogs.current().types().stream().filter(t -> visible(actor, t)).map(TypeDetails::of).toList();
    }

    public TypeDetails type(WorklaneUser actor, UUID id) {
        return catalogs.current().type(id).filter(t -> visible(actor, t)).map(TypeDetails::of)
                .orElseThrow(() -> notFound(id));
    }

    public List<WorkCategory> categories() {
        return transactions.execute(tx -> categories.all());
    }

    private static boolean visible(WorklaneUser actor, WorkType type) {
        return actor.isStaff() || type.requestable();
    }

    // --- types ---------------------------------------------------------------------------------------

    /** Adds a type with a minimal workflow (To do → In progress → Done), so that it can be used at once. */
    public TypeDetails create(WorklaneUser actor, NewWorkType order) {
        requireAdmin(actor);
        UUID id = UUID.randomUUID();
        transactions.executeWithoutResult(tx -> {
            Errors errors = new Errors();
            String name = TypeRules.name("name", order.name(), TypeRules.MAX_NAME, errors);
            String category = TypeRules.category(order.category(), categoryCodes(), errors);
            String description = TypeRules.description(order.description(), errors);
            errors.throwIfAny();
            requireFreeName(name, null);
            writer.insertType(id, name, category, description, Boolean.TRUE.equals(order.requestable()));
            StatusRow todo = new StatusRow(UUID.randomUUID(), false, "To do", StatusPhase.TODO, StatusFlow.WAITING, 1, true);
            StatusRow doing = new StatusRow(UUID.randomUUID(), false, "In progress", StatusPhase.IN_PROGRESS,
                    StatusFlow.ACTIVE, 2, false);
            StatusRow done = new StatusRow(UUID.randomUUID(), false, "Done", StatusPhase.DONE, StatusFlow.WAITING, 3, false);
            writer.replaceWorkflow(id, List.of(todo, doing, done), Set.of(), List.of(
                    new TransitionRow(todo.id(), doing.id(), "Start", List.of()),
                    new TransitionRow(doing.id(), todo.id(), "Stop", List.of()),
                    new TransitionRow(doing.id(), done.id(), "Finish", List.of()),
                    new TransitionRow(done.id(), doing.id(), "Reopen", List.of())));
        });
        return changed(id);
    }

    /** Renames, describes, (un)opens to requesters or recategorises a type; its items move to the new category. */
    public TypeDetails update(WorklaneUser actor, UUID id, WorkTypeChanges changes, Long expectedVersion) {
        return change(actor, id, expectedVersion, type -> {
            WorkTypeChanges c = changes == null ? new WorkTypeChanges(null, null, null, null) : changes;
            Errors errors = new Errors();
            String name = c.name() == null ? type.name() : TypeRules.name("name", c.name(), TypeRules.MAX_NAME, errors);
            String category = c.category() == null ? type.category()
                    : TypeRules.category(c.category(), categoryCodes(), errors);
            String description = c.description() == null ? type.description() : TypeRules.description(c.description(), errors);
            boolean requestable = c.requestable() == null ? type.requestable() : c.requestable();
            errors.throwIfAny();
            if (!name.equalsIgnoreCase(type.name())) {
                requireFreeName(name, id);
            }
            writer.updateType(id, name, category, description, requestable);
            if (!category.equals(type.category())) {
                writer.recategoriseItems(id, category);
            }
        });
    }

    // --- workflow ------------------------------------------------------------------------------------

    /**
     * Replaces the type's statuses and transitions with {@code workflow}. Statuses sent with their id
     * keep it; statuses left out are removed, which is refused while items are in them.
     */
    public TypeDetails replaceWorkflow(WorklaneUser actor, UUID id, Workflow workflow, Long expectedVersion) {
        return change(actor, id, expectedVersion, type -> {
            Errors errors = new Errors();
            ResolvedWorkflow resolved = TypeRules.workflow(type, workflow, errors);
            errors.throwIfAny();
            // Locked before counting: an item moving into one of them now waits for this change (its
            // reference to the status needs the row), so the count below cannot go stale before the delete.
            writer.lockStatuses(resolved.removed());
            requireUnused(type, resolved.removed());
            writer.replaceWorkflow(id, resolved.statuses(), resolved.removed(), resolved.transitions());
            writer.bumpVersion(id);
        });
    }

    private void requireUnused(WorkType type, Set<UUID> removed) {
        Map<UUID, Long> used = writer.itemsIn(removed);
        if (used.isEmpty()) {
            return;
        }
        long total = used.values().stream().mapToLong(Long::longValue).sum();
        String which = used.entrySet().stream()
                .map(e -> type.status(e.getKey()).map(Status::name).orElse("?") + " (" + e.getValue()
                        + (e.getValue() == 1 ? " item)" : " items)"))
                .sorted().collect(Collectors.joining(", "));
        throw new ApiProblem(HttpStatus.CONFLICT, "status-in-use", "Status in use",
                "Statuses that items are in cannot be removed: " + which + ". Move those " + total
                        + (total == 1 ? " item" : " items") + " to another status first, or keep the status "
                        + "(rename it by sending it with its id).", List.of())
                .with("statuses", used.entrySet().stream().map(e -> Map.of("id", e.getKey(),
                        "name", type.status(e.getKey()).map(Status::name).orElse("?"), "items", e.getValue())).toList());
    }

    // --- custom fields -------------------------------------------------------------------------------

    public TypeDetails addField(WorklaneUser actor, UUID id, NewCustomField order, Long expectedVersion) {
        return change(actor, id, expectedVersion, type -> {
            Errors errors = new Errors();
            FieldSpec field = TypeRules.field(order == null ? new NewCustomField(null, null, null, null, null) : order,
                    errors);
            errors.throwIfAny();
            if (type.field(field.key()).isPresent()) {
                throw ApiProblem.conflictOnField("duplicate-field", "key", "is already a field of " + type.name());
            }
            writer.insertField(id, field.key(), field.name(), field.kind().code(), field.options(), field.required());
            writer.bumpVersion(id);
        });
    }

    /** Renames a field, changes its options or whether it is required; an option removed stays in stored values. */
    public TypeDetails updateField(WorklaneUser actor, UUID id, String key, CustomFieldChanges changes,
                                   Long expectedVersion) {
        return change(actor, id, expectedVersion, type -> {
            CustomField field = type.field(key).orElseThrow(() -> noField(type, key));
            CustomFieldChanges c = changes == null ? new CustomFieldChanges(null, null, null) : changes;
            Errors errors = new Errors();
            String name = c.name() == null ? field.name() : TypeRules.name("name", c.name(), TypeRules.MAX_NAME, errors);
            List<String> options = c.options() == null ? field.options()
                    : TypeRules.options(field.kind(), c.options(), errors);
            errors.throwIfAny();
            writer.updateField(id, key, name, options, c.required() == null ? field.required() : c.required());
            writer.bumpVersion(id);
        });
    }

    /** Removes a field. Values items hold under its key stay stored but are no longer read or shown. */
    public TypeDetails removeField(WorklaneUser actor, UUID id, String key, Long expectedVersion) {
        return change(actor, id, expectedVersion, type -> {
            if (!writer.deleteField(id, key)) {
                throw noField(type, key);
            }
            writer.bumpVersion(id);
        });
    }

    // --- helpers -------------------------------------------------------------------------------------

    /**
     * Runs one change of a type with the type locked and its version checked, then drops the cached
     * catalog (after the commit, so that no request caches the state from before it).
     */
    private TypeDetails change(WorklaneUser actor, UUID id, Long expectedVersion, Consumer<WorkType> change) {
        requireAdmin(actor);
        transactions.executeWithoutResult(tx -> {
            long version = writer.lock(id).orElseThrow(() -> notFound(id));
            if (expectedVersion != null && expectedVersion != version) {
                throw ApiProblem.staleVersion(version);
            }
            change.accept(types.load().type(id).orElseThrow(() -> notFound(id)));
        });
        return changed(id);
    }

    private TypeDetails changed(UUID id) {
        catalogs.forgetCurrent();
        recent.namesChanged(TenantContext.require().id());
        return catalogs.current().type(id).map(TypeDetails::of).orElseThrow(() -> notFound(id));
    }

    private void requireFreeName(String name, UUID except) {
        if (writer.nameTaken(name, except)) {
            throw ApiProblem.conflictOnField("duplicate-name", "name", "is already the name of another type");
        }
    }

    private List<String> categoryCodes() {
        return categories.all().stream().map(WorkCategory::code).toList();
    }

    private static void requireAdmin(WorklaneUser actor) {
        if (!actor.isAdmin()) {
            throw ApiProblem.forbidden("Only an admin of this organisation may change types, fields and workflows.");
        }
    }

    private static ApiProblem notFound(UUID id) {
        return ApiProblem.notFound("There is no type " + id + ".");
    }

    private static ApiProblem noField(WorkType type, String key) {
        return ApiProblem.notFound(type.name() + " has no field " + key + ".");
    }
}
