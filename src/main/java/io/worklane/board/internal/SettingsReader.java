package io.worklane.board.internal;

import io.worklane.board.Board;
import io.worklane.board.BoardColumn;
import io.worklane.board.BoardId;
import io.worklane.board.BoardSettings;
import io.worklane.board.BoardSettings.ColumnSettings;
import io.worklane.board.BoardSettings.LimitSettings;
import io.worklane.board.ColumnKind;
import io.worklane.board.Swimlanes;
import io.worklane.board.WipLimit;
import io.worklane.identity.Role;
import io.worklane.shared.web.ApiProblem;
import io.worklane.shared.web.FieldError;
import io.worklane.work.Refs.StatusRef;
import io.worklane.work.Refs.TeamRef;
import io.worklane.work.Status;
import io.worklane.work.TypeCatalog;
import io.worklane.work.WorkType;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;

/**
 * Reads what an admin wrote into a board definition, or refuses it with every wrong field named
 * ({@code columns[2].statuses}). Queries are checked by the caller, which knows the query language.
 */
public final class SettingsReader {

    public static final Set<String> CARD_FIELDS = Set.of("assignee", "due", "age", "priority", "type", "labels");
    private static final int MAX_COLUMNS = 20;

    private final TypeCatalog catalog;
    private final Set<String> categories;
    private final Function<String, Optional<TeamRef>> teams;
    private final List<FieldError> errors = new ArrayList<>();

    public SettingsReader(TypeCatalog catalog, Set<String> categories, Function<String, Optional<TeamRef>> teams) {
        this.catalog = catalog;
        this.categories = categories;
        this.teams = teams;
    }

    public Board read(BoardId id, BoardSettings s, long version) {
        String name = text(s.name(), "name", 80, true);
        TeamRef team = null;
        if (s.team() != null && !s.team().isBlank()) {
            team = teams.apply(s.team().strip()).orElse(null);
            if (team == null) {
                error("team", "there is no team with the key " + s.team().strip());
            }
        }
        String query = s.query() == null ? "" : s.query().strip();
        if (s.team() == null || s.team().isBlank()) {
            if (query.isEmpty()) {
                error("query", "a board without a team needs a query that says which items it shows");
            }
        }
        Swimlanes lanes = s.swimlanes() == null ? Swimlanes.NONE : Swimlanes.ofCode(s.swimlanes()).orElseGet(() -> {
            error("swimlanes", "must be one of none, category, assignee, parent");
            return Swimlanes.NONE;
        });
        String expedite = s.expediteQuery() == null ? "" : s.expediteQuery().strip();
        WipLimit personLimit = limit(s.personLimit(), s.personLimitHard(), "personLimit");
        Set<Role> overrideRoles = new HashSet<>();
        for (String code : s.overrideRoles() == null ? List.of("admin") : s.overrideRoles()) {
            if ("admin".equalsIgnoreCase(code) || "agent".equalsIgnoreCase(code)) {
                overrideRoles.add(Role.fromCode(code));
            } else {
                error("overrideRoles", "may name admin and agent");
            }
        }
        int window = s.doneWindowDays() == null ? 14 : s.doneWindowDays();
        if (window < 1 || window > 365) {
            error("doneWindowDays", "must be between 1 and 365 days");
        }
        List<String> cardFields = s.cardFields() == null ? List.of("assignee", "due", "age", "priority")
                : s.cardFields().stream().map(f -> f == null ? "" : f.strip().toLowerCase(Locale.ROOT)).distinct().toList();
        for (String field : cardFields) {
            if (!CARD_FIELDS.contains(field)) {
                error("cardFields", "may name " + String.join(", ", CARD_FIELDS.stream().sorted().toList()));
            }
        }
        List<BoardColumn> columns = s.columns() == null ? defaultColumns() : columns(s.columns());
        Map<String, WipLimit> groups = limits(s.groups(), "groups", g -> columns.stream().noneMatch(c -> g.equals(c.group()))
                ? Optional.of("no column is in the group " + g) : Optional.empty());
        Map<String, WipLimit> laneLimits = limits(s.lanes(), "lanes", lane -> {
            if (lane.equals(Board.EXPEDITE)) {
                return expedite.isEmpty() ? Optional.of("the expedite lane needs an expedite query") : Optional.empty();
            }
            return categories.contains(lane) ? Optional.empty()
                    : Optional.of("must be expedite or a category: " + String.join(", ", categories.stream().sorted().toList()));
        });
        if (!errors.isEmpty()) {
            throw ApiProblem.invalidFields(errors);
        }
        return new Board(id, name, team, query, lanes, expedite, columns, groups, laneLimits, personLimit,
                overrideRoles, window, cardFields, version);
    }

    /** Backlog (to do), In progress (active), Waiting (in progress but waiting: review, customer), Done. */
    public List<BoardColumn> defaultColumns() {
        List<StatusRef> backlog = new ArrayList<>();
        List<StatusRef> active = new ArrayList<>();
        List<StatusRef> waiting = new ArrayList<>();
        List<StatusRef> done = new ArrayList<>();
        for (WorkType type : catalog.types()) {
            for (Status status : type.statuses()) {
                StatusRef ref = StatusRef.of(status);
                switch (status.phase()) {
                    case TODO -> backlog.add(ref);
                    case DONE -> done.add(ref);
                    case IN_PROGRESS -> (status.flow() == io.worklane.work.StatusFlow.ACTIVE ? active : waiting).add(ref);
                }
            }
        }
        return List.of(
                new BoardColumn(UUID.randomUUID(), "Backlog", ColumnKind.BACKLOG, backlog, null, null),
                new BoardColumn(UUID.randomUUID(), "In progress", ColumnKind.FLOW, active, null, null),
                new BoardColumn(UUID.randomUUID(), "Waiting", ColumnKind.FLOW, waiting, null, null),
                new BoardColumn(UUID.randomUUID(), "Done", ColumnKind.DONE, done, null, null));
    }

    private List<BoardColumn> columns(List<ColumnSettings> settings) {
        if (settings.isEmpty() || settings.size() > MAX_COLUMNS) {
            error("columns", "a board has 1 to " + MAX_COLUMNS + " columns");
            return List.of();
        }
        List<BoardColumn> columns = new ArrayList<>();
        Map<UUID, String> taken = new HashMap<>();
        Set<String> names = new HashSet<>();
        int doneColumns = 0;
        for (int i = 0; i < settings.size(); i++) {
            ColumnSettings c = settings.get(i);
            String at = "columns[" + i + "]";
            if (c == null) {
                error(at, "must be a column");
                continue;
            }
            String name = text(c.name(), at + ".name", 60, true);
            if (!name.isEmpty() && !names.add(name.toLowerCase(Locale.ROOT))) {
                error(at + ".name", "another column is already called " + name);
            }
            ColumnKind kind = c.kind() == null ? ColumnKind.FLOW : ColumnKind.ofCode(c.kind()).orElseGet(() -> {
                error(at + ".kind", "must be backlog, flow or done");
                return ColumnKind.FLOW;
            });
            if (kind == ColumnKind.DONE && ++doneColumns > 1) {
                error(at + ".kind", "a board has at most one done column");
            }
            List<StatusRef> statuses = new ArrayList<>();
            for (String statusName : c.statuses() == null ? List.<String>of() : c.statuses()) {
                List<Status> named = catalog.statuses().stream()
                        .filter(st -> st.name().equalsIgnoreCase(statusName == null ? "" : statusName.strip())).toList();
                if (named.isEmpty()) {
                    error(at + ".statuses", "there is no status named " + statusName);
                }
                for (Status status : named) {
                    if ((kind == ColumnKind.DONE) != status.isDone()) {
                        error(at + ".statuses", kind == ColumnKind.DONE
                                ? status.name() + " is not a done status; the done column holds finished work only"
                                : status.name() + " is a done status; it belongs in the done column");
                    } else if (taken.containsKey(status.id())) {
                        error(at + ".statuses", status.name() + " is already in the column " + taken.get(status.id()));
                    } else {
                        taken.put(status.id(), name);
                        statuses.add(StatusRef.of(status));
                    }
                }
            }
            if (statuses.isEmpty() && (c.statuses() == null || c.statuses().isEmpty())) {
                error(at + ".statuses", "must name at least one status");
            }
            WipLimit limit = limit(c.limit(), c.hard(), at + ".limit");
            if (limit != null && kind == ColumnKind.DONE) {
                error(at + ".limit", "the done column has no limit");
            }
            String group = c.group() == null || c.group().isBlank() ? null : text(c.group(), at + ".group", 60, true);
            columns.add(new BoardColumn(UUID.randomUUID(), name, kind, statuses, limit, group));
        }
        return columns;
    }

    private Map<String, WipLimit> limits(List<LimitSettings> settings, String field,
                                         Function<String, Optional<String>> check) {
        Map<String, WipLimit> limits = new LinkedHashMap<>();
        if (settings == null) {
            return limits;
        }
        for (int i = 0; i < settings.size(); i++) {
            LimitSettings s = settings.get(i);
            String at = field + "[" + i + "]";
            String name = s == null ? "" : text(s.name(), at + ".name", 60, true);
            if (name.isEmpty()) {
                continue;
            }
            check.apply(name).ifPresent(message -> error(at + ".name", message));
            WipLimit limit = limit(s.limit(), s.hard(), at + ".limit");
            if (limit == null) {
                error(at + ".limit", "must be a number of cards, at least 1");
            } else if (limits.put(name, limit) != null) {
                error(at + ".name", name + " has two limits");
            }
        }
        return limits;
    }

    private WipLimit limit(Integer max, Boolean hard, String field) {
        if (max == null) {
            return null;
        }
        if (max < 1 || max > 10_000) {
            error(field, "must be between 1 and 10000");
            return null;
        }
        return new WipLimit(max, Boolean.TRUE.equals(hard));
    }

    private String text(String value, String field, int max, boolean required) {
        String stripped = value == null ? "" : value.strip();
        if (required && stripped.isEmpty()) {
            error(field, "must not be empty");
        } else if (stripped.length() > max) {
            error(field, "must be at most " + max + " characters");
        }
        return stripped;
    }

    private void error(String field, String message) {
        errors.add(new FieldError(field, message));
    }
}
