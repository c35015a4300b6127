package io.worklane.work.internal;

import io.worklane.work.ItemId;
import io.worklane.work.ItemLink;
import io.worklane.work.ItemSummary;
import io.worklane.work.Priority;
import io.worklane.work.Refs.ItemRef;
import io.worklane.work.Refs.Person;
import io.worklane.work.Refs.StatusRef;
import io.worklane.work.Refs.TeamRef;
import io.worklane.work.Refs.TypeRef;
import io.worklane.work.Status;
import io.worklane.work.TypeCatalog;
import io.worklane.work.WorkItem;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import static io.worklane.shared.database.SqlTimes.instant;
import static io.worklane.shared.database.SqlTimes.utc;

/** Work items of the current tenant, in SQL. */
@Repository
public class Items {

    /** Title (A), description (B) and the item's live comments (C), for full-text search (table item_search). */
    static final String SEARCH_VECTOR = """
            setweight(to_tsvector('english', i.title), 'A')
            || setweight(to_tsvector('english', i.description), 'B')
            || setweight(to_tsvector('english', coalesce((select string_agg(c.body, ' ') from item_comments c
                                                          where c.item_id = i.id and c.deleted_at is null), '')), 'C')""";

    private static final String ROW_COLUMNS = """
            i.id, i.key, i.team_id, i.number, i.type_id, i.category, i.status_id, i.priority, i.title, i.description,
            i.assignee_id, i.reporter_id, i.labels, i.due_date, i.parent_id, i.fields::text as fields,
            i.created_at, i.updated_at, i.status_changed_at, i.resolved_at, i.version""";

    /** One round trip for everything an item page or GET shows, watchers and links included. */
    private static final String VIEW = """
            select %s,
                   t.key as team_key, t.name as team_name,
                   a.name as assignee_name, a.email as assignee_email,
                   r.name as reporter_name, r.email as reporter_email,
                   p.key as parent_key, p.title as parent_title,
                   (select coalesce(json_agg(json_build_array(u.id, u.name, u.email) order by lower(u.name), u.id), '[]')
                    from item_watchers w join users u on u.id = w.user_id where w.item_id = i.id)::text as watchers,
                   (select coalesce(json_agg(json_build_array(l.kind, l.source_id = i.id, o.key, o.title, o.status_id)
                                             order by o.team_id, o.number), '[]')
                    from item_links l join work_items o
                         on o.id = case when l.source_id = i.id then l.target_id else l.source_id end
                    where l.source_id = i.id or l.target_id = i.id)::text as links
            from work_items i
                 join teams t on t.id = i.team_id
                 join users r on r.id = i.reporter_id
                 left join users a on a.id = i.assignee_id
                 left join work_items p on p.id = i.parent_id
            """.formatted(ROW_COLUMNS);

    private static final TypeReference<Map<String, Object>> MAP = new TypeReference<>() {
    };

    private final JdbcClient jdbc;
    private final JsonMapper json;

    Items(JdbcClient jdbc, JsonMapper json) {
        this.jdbc = jdbc;
        this.json = json;
    }

    public Optional<ItemRow> row(String key) {
        return jdbc.sql("select " + ROW_COLUMNS + " from work_items i where i.key = ?").param(key)
                .query((rs, n) -> row(rs)).optional();
    }

    /** The row, locked until the transaction ends: writers of one item queue instead of overwriting. */
    public Optional<ItemRow> rowForUpdate(String key) {
        return jdbc.sql("select " + ROW_COLUMNS + " from work_items i where i.key = ? for update").param(key)
                .query((rs, n) -> row(rs)).optional();
    }

    public boolean watches(ItemId item, UUID user) {
        return jdbc.sql("select exists (select 1 from item_watchers where item_id = ? and user_id = ?)")
                .params(item.value(), user).query(Boolean.class).single();
    }

    public Optional<ItemRow> row(ItemId id) {
        return jdbc.sql("select " + ROW_COLUMNS + " from work_items i where i.id = ?").param(id.value())
                .query((rs, n) -> row(rs)).optional();
    }

    public Optional<WorkItem> view(String key, TypeCatalog catalog) {
        return jdbc.sql(VIEW + " where i.key = ?").param(key).query((rs, n) -> view(rs, catalog)).optional();
    }

    /**
     * Inserts an item numbered from its team's sequence (ADR 0007) and returns its key; the row's own
     * key and number are ignored.
     */
    public String insert(ItemRow item, String teamKey) {
        return jdbc.sql("""
                        with item as (
                            insert into work_items (id, key, team_id, number, type_id, category, status_id, priority,
                                                    title, description, assignee_id, reporter_id, labels, due_date,
                                                    parent_id, fields, created_at, updated_at, status_changed_at,
                                                    resolved_at, version)
                            select ?, ? || '-' || n.number, ?, n.number, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?::jsonb, ?, ?,
                                   ?, ?, 0
                            from (select nextval(('item_number_' || replace(?::text, '-', ''))::regclass) as number) n
                            returning id, key, title, description, created_at)
                        insert into item_search (item_id, created_at, search)
                        select id, created_at, setweight(to_tsvector('english', title), 'A')
                                   || setweight(to_tsvector('english', description), 'B') from item
                        returning (select key from item)""")
                .params(item.id(), teamKey, item.teamId(), item.typeId(), item.category(),
                        item.statusId(), item.priority(), item.title(), item.description(), item.assigneeId(),
                        item.reporterId(), item.labels().toArray(String[]::new), item.dueDate(), item.parentId(),
                        json.writeValueAsString(item.fields()), utc(item.createdAt()), utc(item.updatedAt()),
                        utc(item.statusChangedAt()), utc(item.resolvedAt()), item.teamId())
                .query(String.class).single();
    }

    /**
     * Writes the next state of an item if nobody changed it since {@code expectedVersion}; a new title or
     * description refreshes its search vector in the same statement.
     */
    public boolean update(ItemRow next, long expectedVersion, boolean textChanged) {
        String update = """
                update work_items i set status_id = ?, priority = ?, title = ?, description = ?, assignee_id = ?,
                       labels = ?, due_date = ?, parent_id = ?, fields = ?::jsonb, updated_at = ?,
                       status_changed_at = ?, resolved_at = ?, version = ?
                where i.id = ? and i.version = ?""";
        String sql = textChanged
                ? "with i as (" + update + " returning i.id, i.title, i.description) update item_search s set search = "
                        + SEARCH_VECTOR + " from i where s.item_id = i.id"
                : update;
        return jdbc.sql(sql)
                .params(next.statusId(), next.priority(), next.title(), next.description(), next.assigneeId(),
                        next.labels().toArray(String[]::new), next.dueDate(), next.parentId(),
                        json.writeValueAsString(next.fields()), utc(next.updatedAt()), utc(next.statusChangedAt()),
                        utc(next.resolvedAt()), next.version(), next.id(), expectedVersion)
                .update() == 1;
    }

    /**
     * Marks an item updated by a comment: its text is searched again, but its version stays, so that a
     * comment never makes someone's pending edit of the fields stale.
     */
    public void touch(ItemId id, Instant at) {
        jdbc.sql("update work_items set updated_at = ? where id = ?").params(utc(at), id.value()).update();
        jdbc.sql("update item_search s set search = " + SEARCH_VECTOR + " from work_items i where i.id = s.item_id and i.id = ?")
                .param(id.value()).update();
    }

    public Optional<UUID> idOf(String key) {
        return jdbc.sql("select id from work_items where key = ?").param(key).query(UUID.class).optional();
    }

    /** Whether making {@code parent} the parent of {@code child} would close a loop. */
    public boolean isAncestorOrSelf(UUID candidate, UUID parent) {
        return jdbc.sql("""
                        with recursive up(id, parent_id, depth) as (
                            select id, parent_id, 0 from work_items where id = ?
                            union all
                            select w.id, w.parent_id, up.depth + 1 from work_items w join up on w.id = up.parent_id
                            where up.depth < 100)
                        select exists (select 1 from up where id = ?)""")
                .params(parent, candidate).query(Boolean.class).single();
    }

    public List<ItemRef> children(ItemId parent) {
        return jdbc.sql("select key, title from work_items where parent_id = ? order by team_id, number limit 500")
                .param(parent.value()).query((rs, n) -> new ItemRef(rs.getString("key"), rs.getString("title"))).list();
    }

    /** Columns of an {@link ItemSummary} row, for lists and boards. */
    public static final String SUMMARY_COLUMNS = """
            i.key, i.title, i.category, i.type_id, i.status_id, i.priority, i.assignee_id, a.name as assignee_name,
            a.email as assignee_email, i.labels, i.due_date, i.created_at, i.updated_at, i.version""";

    public static final String SUMMARY_FROM = "work_items i left join users a on a.id = i.assignee_id";

    public static ItemSummary summary(ResultSet rs, TypeCatalog catalog) throws SQLException {
        UUID assignee = rs.getObject("assignee_id", UUID.class);
        UUID typeId = rs.getObject("type_id", UUID.class);
        return new ItemSummary(rs.getString("key"), rs.getString("title"), rs.getString("category"),
                new TypeRef(typeId, catalog.type(typeId).map(t -> t.name()).orElse("?")),
                StatusRef.of(catalog.status(rs.getObject("status_id", UUID.class)).orElseThrow()),
                Priority.ofRank(rs.getInt("priority")),
                assignee == null ? null : new Person(assignee, rs.getString("assignee_name"), rs.getString("assignee_email")),
                WorkTypes.strings(rs.getArray("labels")), rs.getObject("due_date", LocalDate.class),
                instant(rs, "created_at"), instant(rs, "updated_at"), rs.getLong("version"));
    }

    // --- mapping ------------------------------------------------------------------------------------

    private ItemRow row(ResultSet rs) throws SQLException {
        return new ItemRow(rs.getObject("id", UUID.class), rs.getString("key"), rs.getObject("team_id", UUID.class),
                rs.getLong("number"), rs.getObject("type_id", UUID.class), rs.getString("category"),
                rs.getObject("status_id", UUID.class), rs.getInt("priority"), rs.getString("title"),
                rs.getString("description"), rs.getObject("assignee_id", UUID.class),
                rs.getObject("reporter_id", UUID.class), WorkTypes.strings(rs.getArray("labels")),
                rs.getObject("due_date", LocalDate.class), rs.getObject("parent_id", UUID.class),
                json.readValue(rs.getString("fields"), MAP), instant(rs, "created_at"), instant(rs, "updated_at"),
                instant(rs, "status_changed_at"), instant(rs, "resolved_at"), rs.getLong("version"));
    }

    private WorkItem view(ResultSet rs, TypeCatalog catalog) throws SQLException {
        ItemRow row = row(rs);
        UUID assignee = row.assigneeId();
        Status status = catalog.status(row.statusId()).orElseThrow();
        String typeName = catalog.type(row.typeId()).map(t -> t.name()).orElse("?");
        List<Person> watchers = new ArrayList<>();
        for (JsonNode w : json.readTree(rs.getString("watchers"))) {
            watchers.add(new Person(UUID.fromString(w.get(0).asString()), w.get(1).asString(), w.get(2).asString()));
        }
        List<ItemLink> links = new ArrayList<>();
        for (JsonNode l : json.readTree(rs.getString("links"))) {
            String otherStatus = catalog.status(UUID.fromString(l.get(4).asString())).map(Status::name).orElse("");
            links.add(new ItemLink(ItemLink.Kind.seenFrom(l.get(0).asString(), l.get(1).asBoolean()),
                    l.get(2).asString(), l.get(3).asString(), otherStatus));
        }
        String parentKey = rs.getString("parent_key");
        return new WorkItem(new ItemId(row.id()), row.key(),
                new TeamRef(row.teamId(), rs.getString("team_key"), rs.getString("team_name")),
                new TypeRef(row.typeId(), typeName), row.category(), StatusRef.of(status),
                Priority.ofRank(row.priority()), row.title(), row.description(),
                assignee == null ? null : new Person(assignee, rs.getString("assignee_name"), rs.getString("assignee_email")),
                new Person(row.reporterId(), rs.getString("reporter_name"), rs.getString("reporter_email")),
                row.labels(), row.dueDate(), parentKey == null ? null : new ItemRef(parentKey, rs.getString("parent_title")),
                shownFields(row, catalog), watchers, links, row.createdAt(), row.updatedAt(), row.statusChangedAt(),
                row.resolvedAt(), row.version());
    }

    /** The values of the type's fields; values under the key of a removed field stay stored but are not shown. */
    private static Map<String, Object> shownFields(ItemRow row, TypeCatalog catalog) {
        return catalog.type(row.typeId()).map(type -> {
            Map<String, Object> shown = new java.util.LinkedHashMap<>(row.fields());
            shown.keySet().removeIf(key -> type.field(key).isEmpty());
            return (Map<String, Object>) shown;
        }).orElse(row.fields());
    }

}
