package io.worklane.work.internal;

import io.worklane.identity.Role;
import io.worklane.work.CustomField;
import io.worklane.work.CustomFieldKind;
import io.worklane.work.Status;
import io.worklane.work.StatusFlow;
import io.worklane.work.StatusPhase;
import io.worklane.work.Transition;
import io.worklane.work.TypeCatalog;
import io.worklane.work.WorkType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import java.sql.Array;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

/** Reads the types, workflows and custom fields of the current tenant (four small queries). */
@Repository
public class WorkTypes {

    private final JdbcClient jdbc;

    WorkTypes(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public TypeCatalog load() {
        record TypeRow(UUID id, String name, String category, String description, boolean requestable, int position,
                       long version) {
        }
        record Owned<T>(UUID typeId, T value) {
        }
        List<TypeRow> types = jdbc.sql("""
                        select id, name, category, description, requestable, position, version
                        from work_types order by position, lower(name)""")
                .query((rs, n) -> new TypeRow(rs.getObject("id", UUID.class), rs.getString("name"),
                        rs.getString("category"), rs.getString("description"), rs.getBoolean("requestable"),
                        rs.getInt("position"), rs.getLong("version")))
                .list();
        Map<UUID, List<Status>> statuses = jdbc.sql("""
                        select id, type_id, name, phase, flow, position, initial from workflow_statuses
                        order by position, lower(name)""")
                .query((rs, n) -> new Owned<>(rs.getObject("type_id", UUID.class), new Status(
                        rs.getObject("id", UUID.class), rs.getString("name"), StatusPhase.ofCode(rs.getString("phase")),
                        StatusFlow.ofCode(rs.getString("flow")), rs.getInt("position"), rs.getBoolean("initial"))))
                .list().stream()
                .collect(Collectors.groupingBy(Owned::typeId, Collectors.mapping(Owned::value, Collectors.toList())));
        Map<UUID, List<Transition>> transitions = jdbc.sql("""
                        select id, type_id, from_status, to_status, name, roles from workflow_transitions
                        order by name, id""")
                .query((rs, n) -> new Owned<>(rs.getObject("type_id", UUID.class), new Transition(
                        rs.getObject("id", UUID.class), rs.getObject("from_status", UUID.class),
                        rs.getObject("to_status", UUID.class), rs.getString("name"), roles(rs.getArray("roles")))))
                .list().stream()
                .collect(Collectors.groupingBy(Owned::typeId, Collectors.mapping(Owned::value, Collectors.toList())));
        Map<UUID, List<CustomField>> fields = jdbc.sql("""
                        select id, type_id, key, name, kind, options, required, position from custom_fields
                        order by position, key""")
                .query((rs, n) -> new Owned<>(rs.getObject("type_id", UUID.class), new CustomField(
                        rs.getObject("id", UUID.class), rs.getString("key"), rs.getString("name"),
                        CustomFieldKind.ofCode(rs.getString("kind")), strings(rs.getArray("options")),
                        rs.getBoolean("required"), rs.getInt("position"))))
                .list().stream()
                .collect(Collectors.groupingBy(Owned::typeId, Collectors.mapping(Owned::value, Collectors.toList())));
        List<WorkType> result = new ArrayList<>();
        for (TypeRow t : types) {
            result.add(new WorkType(t.id(), t.name(), t.category(), t.description(), t.requestable(), t.position(),
                    statuses.getOrDefault(t.id(), List.of()), transitions.getOrDefault(t.id(), List.of()),
                    fields.getOrDefault(t.id(), List.of()), t.version()));
        }
        return new TypeCatalog(result);
    }

    static List<String> strings(Array array) throws java.sql.SQLException {
        return array == null ? List.of() : List.of((String[]) array.getArray());
    }

    private static Set<Role> roles(Array array) throws java.sql.SQLException {
        if (array == null) {
            return Set.of();
        }
        Set<Role> roles = EnumSet.noneOf(Role.class);
        Arrays.stream((String[]) array.getArray()).map(Role::fromCode).forEach(roles::add);
        return Set.copyOf(roles);
    }
}
