package io.worklane.work.query;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Collection;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * A resolved filter: names are ids, functions are instants. Each kind of criterion answers both
 * questions itself, side by side, so the two cannot drift apart: {@link #matches} for one item in
 * memory, and {@link #sql} for a predicate over {@code work_items i}.
 * <p>
 * Every predicate is two-valued (never SQL NULL): a condition on an empty value is false, so that
 * {@code NOT} means the same in SQL as in Java. {@code assignee != X} is {@code NOT (assignee = X)} and
 * so includes unassigned items.
 */
public sealed interface Criteria {

    boolean matches(ItemFacts item);

    /** This criterion as SQL over {@code work_items i}, binding its values into {@code params}. */
    String sql(SqlParameters params);

    /** This criterion alone as a predicate with parameters {@code :q1}, {@code :q2}, ... */
    default SqlFragment toSql() {
        return toSql("q");
    }

    /** The same, with parameters named {@code :<prefix>1}, ..., so two criteria can share a statement. */
    default SqlFragment toSql(String prefix) {
        SqlParameters params = new SqlParameters(prefix);
        String sql = sql(params);
        return new SqlFragment(sql, params.values());
    }

    /** No condition: every item. */
    record All() implements Criteria {
        public boolean matches(ItemFacts item) {
            return true;
        }

        public String sql(SqlParameters params) {
            return "true";
        }
    }

    record And(List<Criteria> all) implements Criteria {
        public And {
            all = List.copyOf(all);
        }

        public boolean matches(ItemFacts item) {
            return all.stream().allMatch(c -> c.matches(item));
        }

        public String sql(SqlParameters params) {
            return all.stream().map(c -> c.sql(params)).collect(Collectors.joining(" and ", "(", ")"));
        }
    }

    record Or(List<Criteria> any) implements Criteria {
        public Or {
            any = List.copyOf(any);
        }

        public boolean matches(ItemFacts item) {
            return any.stream().anyMatch(c -> c.matches(item));
        }

        public String sql(SqlParameters params) {
            return any.stream().map(c -> c.sql(params)).collect(Collectors.joining(" or ", "(", ")"));
        }
    }

    record Not(Criteria negated) implements Criteria {
        public boolean matches(ItemFacts item) {
            return !negated.matches(item);
        }

        public String sql(SqlParameters params) {
            return "not (" + negated.sql(params) + ")";
        }
    }

    record KeyIn(Set<String> keys) implements Criteria {
        public KeyIn {
            keys = Set.copyOf(keys);
        }

        public boolean matches(ItemFacts item) {
            return item.key() != null && keys.contains(item.key());
        }

        public String sql(SqlParameters params) {
            return keys.isEmpty() ? "false" : "i.key in (" + params.bind(keys) + ")";
        }
    }

    /** A column that holds the id of something a query names: a team, a status, a person, a parent item. */
    enum Reference {
        TEAM("i.team_id", false, ItemFacts::teamId),
        TYPE("i.type_id", false, ItemFacts::typeId),
        STATUS("i.status_id", false, ItemFacts::statusId),
        ASSIGNEE("i.assignee_id", true, ItemFacts::assigneeId),
        REPORTER("i.reporter_id", false, ItemFacts::reporterId),
        PARENT("i.parent_id", true, ItemFacts::parentId);

        private final String column;
        private final boolean nullable;
        private final Function<ItemFacts, UUID> value;

        Reference(String column, boolean nullable, Function<ItemFacts, UUID> value) {
            this.column = column;
            this.nullable = nullable;
            this.value = value;
        }
    }

    /** The reference is one of the ids; an empty set (a status no type has any more) matches nothing. */
    record ReferenceIn(Reference reference, Set<UUID> ids) implements Criteria {
        public ReferenceIn {
            ids = Set.copyOf(ids);
        }

        public boolean matches(ItemFacts item) {
            UUID id = reference.value.apply(item);
            return id != null && ids.contains(id);
        }

        public String sql(SqlParameters params) {
            if (ids.isEmpty()) {
                return "false";
            }
            String in = reference.column + " in (" + params.bind(ids) + ")";
            return reference.nullable ? "(" + reference.column + " is not null and " + in + ")" : in;
        }
    }

    record CategoryIn(Set<String> codes) implements Criteria {
        public CategoryIn {
            codes = Set.copyOf(codes);
        }

        public boolean matches(ItemFacts item) {
            return item.category() != null && codes.contains(item.category());
        }

        public String sql(SqlParameters params) {
            return codes.isEmpty() ? "false" : "i.category in (" + params.bind(codes) + ")";
        }
    }

    /** Compares the stored number (1 highest .. 5 lowest); resolution has already turned "above" into "below". */
    record PriorityCompared(Comparison comparison, int priority) implements Criteria {
        public boolean matches(ItemFacts item) {
            return comparison.holds(Integer.compare(item.priority(), priority));
        }

        public String sql(SqlParameters params) {
            return "i.priority " + comparison.sql() + " " + params.bind(priority);
        }
    }

    record PriorityIn(Set<Integer> priorities) implements Criteria {
        public PriorityIn {
            priorities = Set.copyOf(priorities);
        }

        public boolean matches(ItemFacts item) {
            return priorities.contains(item.priority());
        }

        public String sql(SqlParameters params) {
            return priorities.isEmpty() ? "false" : "i.priority in (" + params.bind(priorities) + ")";
        }
    }

    /** Watched by at least one of these people. */
    record WatchedBy(Set<UUID> users) implements Criteria {
        public WatchedBy {
            users = Set.copyOf(users);
        }

        public boolean matches(ItemFacts item) {
            return item.watcherIds().stream().anyMatch(users::contains);
        }

        public String sql(SqlParameters params) {
            return users.isEmpty() ? "false"
                    : "exists (select 1 from item_watchers w where w.item_id = i.id and w.user_id in (" + params.bind(users) + "))";
        }
    }

    /** Has every label ({@code label = x}, uses the GIN index with @>) or any of them ({@code label IN (..)}, &&). */
    record LabelsInclude(Set<String> labels, boolean every) implements Criteria {
        public LabelsInclude {
            labels = Set.copyOf(labels);
        }

        public boolean matches(ItemFacts item) {
            return every ? item.labels().containsAll(labels) : labels.stream().anyMatch(item.labels()::contains);
        }

        public String sql(SqlParameters params) {
            return "i.labels " + (every ? "@>" : "&&") + " cast(" + params.bind(labels.toArray(String[]::new)) + " as text[])";
        }
    }

    /** The parts of an item that can be empty, and what empty means for each. */
    enum Emptiable {
        ASSIGNEE("i.assignee_id is null"),
        PARENT("i.parent_id is null"),
        RESOLVED("i.resolved_at is null"),
        DUE("i.due_date is null"),
        LABELS("cardinality(i.labels) = 0"),
        WATCHERS("not exists (select 1 from item_watchers w where w.item_id = i.id)");

        private final String sql;

        Emptiable(String sql) {
            this.sql = sql;
        }

        boolean isEmpty(ItemFacts item) {
            return switch (this) {
                case ASSIGNEE -> item.assigneeId() == null;
                case PARENT -> item.parentId() == null;
                case RESOLVED -> item.resolvedAt() == null;
                case DUE -> item.dueDate() == null;
                case LABELS -> item.labels().isEmpty();
                case WATCHERS -> item.watcherIds().isEmpty();
            };
        }
    }

    record IsEmpty(Emptiable part) implements Criteria {
        public boolean matches(ItemFacts item) {
            return part.isEmpty(item);
        }

        public String sql(SqlParameters params) {
            return part.sql;
        }
    }

    /** Every word (already sanitised, see {@link TextSearch}) occurs, as a word prefix, in the scope. */
    record TextMatches(TextScope scope, List<String> words) implements Criteria {
        public TextMatches {
            words = List.copyOf(words);
        }

        public boolean matches(ItemFacts item) {
            return TextSearch.matches(words, scope.texts(item));
        }

        public String sql(SqlParameters params) {
            return "exists (select 1 from item_search s where s.item_id = i.id and s.search @@ to_tsquery('english', "
                    + params.bind(tsquery()) + "))";
        }

        /** The tsquery text, also used to rank by relevance. */
        String tsquery() {
            return TextSearch.tsquery(words, scope);
        }
    }

    enum Timestamp {
        CREATED("i.created_at", false, ItemFacts::createdAt),
        UPDATED("i.updated_at", false, ItemFacts::updatedAt),
        RESOLVED("i.resolved_at", true, ItemFacts::resolvedAt);

        private final String column;
        private final boolean nullable;
        private final Function<ItemFacts, Instant> value;

        Timestamp(String column, boolean nullable, Function<ItemFacts, Instant> value) {
            this.column = column;
            this.nullable = nullable;
            this.value = value;
        }
    }

    record TimeCompared(Timestamp timestamp, Comparison comparison, Instant instant) implements Criteria {
        public boolean matches(ItemFacts item) {
            return comparison.holds(timestamp.value.apply(item), instant);
        }

        public String sql(SqlParameters params) {
            String compared = timestamp.column + " " + comparison.sql() + " " + params.bind(instant);
            return timestamp.nullable ? "(" + timestamp.column + " is not null and " + compared + ")" : compared;
        }
    }

    record DueCompared(Comparison comparison, LocalDate date) implements Criteria {
        public boolean matches(ItemFacts item) {
            return comparison.holds(item.dueDate(), date);
        }

        public String sql(SqlParameters params) {
            return "(i.due_date is not null and i.due_date " + comparison.sql() + " " + params.bind(date) + ")";
        }
    }

    /**
     * The custom field's value as text is one of these (text, select and user fields; a user is stored
     * as the text of its id). The key is written into the SQL as a literal: keys are checked against
     * custom_fields' own pattern ({@code [a-z][a-z0-9_]*}) when parsed, so it cannot carry anything else.
     */
    record CustomValueIn(String key, Set<String> values) implements Criteria {
        public CustomValueIn {
            CustomValues.requireKey(key);
            values = Set.copyOf(values);
        }

        public boolean matches(ItemFacts item) {
            String text = CustomValues.scalarText(item.fields().get(key));
            return text != null && values.contains(text);
        }

        public String sql(SqlParameters params) {
            return values.isEmpty() ? "false"
                    : "coalesce(" + CustomValues.text(key) + " in (" + params.bind(values) + "), false)";
        }
    }

    /** The text custom field contains the fragment, ignoring case (ILIKE with the wildcards escaped). */
    record CustomTextContains(String key, String fragment) implements Criteria {
        public CustomTextContains {
            CustomValues.requireKey(key);
        }

        public boolean matches(ItemFacts item) {
            String text = CustomValues.scalarText(item.fields().get(key));
            return text != null && text.toLowerCase().contains(fragment.toLowerCase());
        }

        public String sql(SqlParameters params) {
            String pattern = "%" + fragment.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%";
            return "coalesce(" + CustomValues.text(key) + " ilike " + params.bind(pattern) + " escape '\\', false)";
        }
    }

    /** Compares a number field; a value that is not a JSON number compares as empty (false). */
    record CustomNumberCompared(String key, Comparison comparison, BigDecimal number) implements Criteria {
        public CustomNumberCompared {
            CustomValues.requireKey(key);
        }

        public boolean matches(ItemFacts item) {
            return comparison.holds(CustomValues.number(item.fields().get(key)), number);
        }

        public String sql(SqlParameters params) {
            return "coalesce(case when jsonb_typeof(i.fields->'" + key + "') = 'number' then cast("
                    + CustomValues.text(key) + " as numeric) end " + comparison.sql() + " " + params.bind(number) + ", false)";
        }
    }

    /** Compares a date field (stored as {@code yyyy-mm-dd}); anything else compares as empty (false). */
    record CustomDateCompared(String key, Comparison comparison, LocalDate date) implements Criteria {
        public CustomDateCompared {
            CustomValues.requireKey(key);
        }

        public boolean matches(ItemFacts item) {
            return comparison.holds(CustomValues.date(item.fields().get(key)), date);
        }

        public String sql(SqlParameters params) {
            String text = CustomValues.text(key);
            return "coalesce(case when " + text + " ~ '" + CustomValues.DATE_PATTERN + "' then cast(" + text
                    + " as date) end " + comparison.sql() + " " + params.bind(date) + ", false)";
        }
    }

    /** A multiselect field has at least one of the options. */
    record CustomOptionsInclude(String key, Set<String> options) implements Criteria {
        public CustomOptionsInclude {
            CustomValues.requireKey(key);
            options = Set.copyOf(options);
        }

        public boolean matches(ItemFacts item) {
            Object value = item.fields().get(key);
            if (value instanceof Collection<?> chosen) {
                return chosen.stream().anyMatch(option -> option != null && options.contains(option.toString()));
            }
            String text = CustomValues.scalarText(value);
            return text != null && options.contains(text);
        }

        public String sql(SqlParameters params) {
            // jsonb_exists_any is the function behind "?|", which JDBC would take for a placeholder.
            return "coalesce(jsonb_exists_any(i.fields->'" + key + "', cast("
                    + params.bind(options.toArray(String[]::new)) + " as text[])), false)";
        }
    }

    /** No value: absent, JSON null, an empty string or an empty list. */
    record CustomEmpty(String key) implements Criteria {
        public CustomEmpty {
            CustomValues.requireKey(key);
        }

        public boolean matches(ItemFacts item) {
            Object value = item.fields().get(key);
            return value == null || "".equals(value) || value instanceof Collection<?> c && c.isEmpty();
        }

        public String sql(SqlParameters params) {
            String json = "i.fields->'" + key + "'";
            return "(" + json + " is null or " + json + " in ('null'::jsonb, '\"\"'::jsonb, '[]'::jsonb))";
        }
    }
}
