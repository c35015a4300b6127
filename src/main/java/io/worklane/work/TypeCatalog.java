package io.worklane.work;

import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/** All types of a tenant with their workflows, as one immutable snapshot. */
public final class TypeCatalog {

    private final List<WorkType> types;
    private final Map<UUID, WorkType> byId = new LinkedHashMap<>();
    private final Map<UUID, Status> statuses = new LinkedHashMap<>();

    public TypeCatalog(List<WorkType> types) {
        this.types = List.copyOf(types);
        for (WorkType type : types) {
            byId.put(type.id(), type);
            type.statuses().forEach(s -> statuses.put(s.id(), s));
        }
    }

    public List<WorkType> types() {
        return types;
    }

    public Optional<WorkType> type(UUID id) {
        return Optional.ofNullable(byId.get(id));
    }

    public Optional<WorkType> typeNamed(String name) {
        return types.stream().filter(t -> t.name().equalsIgnoreCase(name.strip())).findFirst();
    }

    public Optional<Status> status(UUID id) {
        return Optional.ofNullable(statuses.get(id));
    }

    public Collection<Status> statuses() {
        return statuses.values();
    }
}
