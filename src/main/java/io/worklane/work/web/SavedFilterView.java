package io.worklane.work.web;

import io.worklane.identity.WorklaneUser;
import io.worklane.work.SavedFilter;

import java.util.List;
import java.util.UUID;

/**
 * A saved filter as the list page shows it: {@code owner} is null for the reader's own filters (the
 * others' show whose they are), {@code mayChange} for its owner or an admin.
 */
record SavedFilterView(UUID id, String name, String query, boolean shared, String owner, boolean mayChange,
                       long version) {

    static SavedFilterView of(SavedFilter filter, WorklaneUser reader) {
        boolean mine = filter.owner().id().equals(reader.id().value());
        return new SavedFilterView(filter.id(), filter.name(), filter.query(), filter.shared(),
                mine ? null : filter.owner().name(), mine || reader.isAdmin(), filter.version());
    }

    static List<SavedFilterView> of(List<SavedFilter> filters, WorklaneUser reader) {
        return filters.stream().map(filter -> of(filter, reader)).toList();
    }
}
