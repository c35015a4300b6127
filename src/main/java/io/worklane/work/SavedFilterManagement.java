package io.worklane.work;

import io.worklane.identity.WorklaneUser;
import io.worklane.shared.web.ApiProblem;
import io.worklane.work.internal.SavedFilters;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * Saved filters: a person names a query to come back to it, and may share it with the whole tenant
 * (anyone can run a shared filter, and sees only the items they may see). A query is checked when it
 * is saved, so a saved filter never stores a mistake.
 */
@Service
@Transactional
public class SavedFilterManagement {

    private static final int MAX_NAME = 100;
    private static final int MAX_QUERY = 2_000;

    private final SavedFilters filters;
    private final WorkSearch search;
    private final Clock clock;

    SavedFilterManagement(SavedFilters filters, WorkSearch search, Clock clock) {
        this.filters = filters;
        this.search = search;
        this.clock = clock;
    }

    /** The filter order of a client: name, query and whether to share it. */
    public record FilterOrder(String name, String query, Boolean shared) {
    }

    @Transactional(readOnly = true)
    public List<SavedFilter> visible(WorklaneUser actor) {
        return filters.visibleTo(actor.id().value());
    }

    @Transactional(readOnly = true)
    public SavedFilter get(WorklaneUser actor, UUID id) {
        return filters.find(id).filter(f -> f.shared() || owns(actor, f))
                .orElseThrow(() -> ApiProblem.notFound("There is no saved filter " + id + "."));
    }

    public SavedFilter create(WorklaneUser actor, FilterOrder order) {
        FilterOrder valid = validate(actor, order);
        UUID id = UUID.randomUUID();
        try {
            filters.insert(id, actor.id().value(), valid.name(), valid.query(), valid.shared(), clock.instant());
        } catch (DuplicateKeyException e) {
            throw ApiProblem.conflictOnField("filter-name-taken", "name", "is already the name of one of your filters");
        }
        return filters.find(id).orElseThrow();
    }

    public SavedFilter update(WorklaneUser actor, UUID id, FilterOrder order, Long expectedVersion) {
        SavedFilter current = changeable(actor, id);
        if (expectedVersion != null && expectedVersion != current.version()) {
            throw ApiProblem.staleVersion(current.version());
        }
        FilterOrder valid = validate(actor, new FilterOrder(
                order.name() == null ? current.name() : order.name(),
                order.query() == null ? current.query() : order.query(),
                order.shared() == null ? current.shared() : order.shared()));
        Instant now = clock.instant();
        try {
            if (!filters.update(id, current.version(), valid.name(), valid.query(), valid.shared(), now)) {
                throw ApiProblem.staleVersion(current.version() + 1);
            }
        } catch (DuplicateKeyException e) {
            throw ApiProblem.conflictOnField("filter-name-taken", "name", "is already the name of one of your filters");
        }
        return filters.find(id).orElseThrow();
    }

    public void delete(WorklaneUser actor, UUID id) {
        delete(actor, id, null);
    }

    /** Deletes the filter if it is still at {@code expectedVersion} (null: whatever it is now). */
    public void delete(WorklaneUser actor, UUID id, Long expectedVersion) {
        SavedFilter current = changeable(actor, id);
        if (expectedVersion != null && expectedVersion != current.version()) {
            throw ApiProblem.staleVersion(current.version());
        }
        if (!filters.delete(id, current.version())) {
            throw ApiProblem.staleVersion(current.version() + 1);
        }
    }

    private SavedFilter changeable(WorklaneUser actor, UUID id) {
        SavedFilter filter = get(actor, id);
        if (!owns(actor, filter) && !actor.isAdmin()) {
            throw ApiProblem.forbidden("Only its owner or an admin may change a saved filter.");
        }
        return filter;
    }

    private FilterOrder validate(WorklaneUser actor, FilterOrder order) {
        String name = order.name() == null ? "" : order.name().strip();
        if (name.isEmpty() || name.length() > MAX_NAME) {
            throw ApiProblem.invalidField("name", "must be 1 to " + MAX_NAME + " characters");
        }
        String query = order.query() == null ? "" : order.query().strip();
        if (query.length() > MAX_QUERY) {
            throw ApiProblem.invalidField("query", "must be at most " + MAX_QUERY + " characters");
        }
        search.check(actor, query, "query");
        return new FilterOrder(name, query, Boolean.TRUE.equals(order.shared()));
    }

    private static boolean owns(WorklaneUser actor, SavedFilter filter) {
        return filter.owner().id().equals(actor.id().value());
    }
}
