package io.worklane.work.query;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;
import java.util.regex.Pattern;

/**
 * Binds a parsed query to a tenant's names and to the asking person's moment. Negative operators
 * (!=, NOT IN, !~, IS NOT EMPTY) become NOT around their positive twin, which is what keeps the SQL
 * and the in-memory answers equal for empty values.
 */
final class Resolver {

    private static final Pattern DATE = Pattern.compile("\\d{4}-\\d{2}-\\d{2}");
    private static final Pattern DATE_TIME = Pattern.compile("\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}(:\\d{2})?");
    private static final Map<String, Integer> PRIORITIES = Map.of("highest", 1, "high", 2, "medium", 3, "low", 4, "lowest", 5);
    private static final List<String> CATEGORY_CODES = List.of("business_project", "internal_project", "change", "unplanned");
    // The display names of the four categories (db/tenant/V2__work_categories.sql), which are fixed.
    private static final Map<String, String> CATEGORY_NAMES = Map.of("business project", "business_project",
            "internal project", "internal_project", "change", "change", "unplanned work", "unplanned");
    private static final Map<String, String> PHASES = Map.of("todo", "todo", "inprogress", "in_progress", "done", "done");

    private final QueryVocabulary vocabulary;
    private final QueryContext context;

    Resolver(QueryVocabulary vocabulary, QueryContext context) {
        this.vocabulary = vocabulary;
        this.context = context;
    }

    ResolvedQuery resolve(ParsedQuery query) {
        Criteria criteria = query.where() == null ? new Criteria.All() : criteria(query.where());
        String rankQuery = firstTextCondition(criteria).map(Criteria.TextMatches::tsquery).orElse(null);
        List<SortKey> order = new ArrayList<>();
        for (ParsedQuery.OrderBy orderBy : query.orderBy()) {
            if (orderBy.key().field() == SortField.RELEVANCE && rankQuery == null) {
                throw QueryException.at(orderBy.position(), "Ordering by relevance needs a text condition such as text ~ printer (position "
                        + orderBy.position() + ")");
            }
            order.add(orderBy.key());
        }
        if (order.isEmpty()) {
            if (rankQuery != null) {
                order.add(SortKey.descending(SortField.RELEVANCE));
            }
            order.add(SortKey.descending(SortField.UPDATED));
        }
        boolean rankedMatchesRequired = requiredTextCondition(criteria).map(Criteria.TextMatches::tsquery)
                .filter(required -> required.equals(rankQuery)).isPresent();
        return new ResolvedQuery(query.text(), criteria, order, rankQuery, rankedMatchesRequired);
    }

    /** A text condition every result must meet: the whole criteria, or one of its AND-ed parts. */
    private static Optional<Criteria.TextMatches> requiredTextCondition(Criteria criteria) {
        if (criteria instanceof Criteria.TextMatches text) {
            return Optional.of(text);
        }
        if (criteria instanceof Criteria.And and) {
            return and.all().stream().filter(c -> c instanceof Criteria.TextMatches)
                    .map(c -> (Criteria.TextMatches) c).findFirst();
        }
        return Optional.empty();
    }

    private static Optional<Criteria.TextMatches> firstTextCondition(Criteria criteria) {
        if (criteria instanceof Criteria.TextMatches text) {
            return Optional.of(text);
        }
        List<Criteria> children = criteria instanceof Criteria.And and ? and.all()
                : criteria instanceof Criteria.Or or ? or.any()
                : criteria instanceof Criteria.Not not ? List.of(not.negated()) : List.of();
        return children.stream().map(Resolver::firstTextCondition).flatMap(Optional::stream).findFirst();
    }

    private Criteria criteria(Syntax syntax) {
        if (syntax instanceof Syntax.And and) {
            return new Criteria.And(flatten(List.of(criteria(and.left()), criteria(and.right())), true));
        }
        if (syntax instanceof Syntax.Or or) {
            return new Criteria.Or(flatten(List.of(criteria(or.left()), criteria(or.right())), false));
        }
        if (syntax instanceof Syntax.Not not) {
            return new Criteria.Not(criteria(not.operand()));
        }
        Syntax.Clause clause = (Syntax.Clause) syntax;
        Criteria positive = positive(clause, positiveOf(clause.operator()));
        return clause.operator().negative() ? new Criteria.Not(positive) : positive;
    }

    /** a AND (b AND c) is one AND of three: flatter SQL, same meaning. */
    private static List<Criteria> flatten(List<Criteria> parts, boolean and) {
        List<Criteria> flat = new ArrayList<>();
        for (Criteria part : parts) {
            if (and && part instanceof Criteria.And inner) {
                flat.addAll(inner.all());
            } else if (!and && part instanceof Criteria.Or inner) {
                flat.addAll(inner.any());
            } else {
                flat.add(part);
            }
        }
        return flat;
    }

    private static Operator positiveOf(Operator operator) {
        return switch (operator) {
            case NOT_EQUALS -> Operator.EQUALS;
            case NOT_IN -> Operator.IN;
            case NOT_CONTAINS -> Operator.CONTAINS;
            case IS_NOT_EMPTY -> Operator.IS_EMPTY;
            default -> operator;
        };
    }

    private Criteria positive(Syntax.Clause clause, Operator operator) {
        List<Syntax.Value> values = clause.values();
        String field = clause.field().text();
        return switch (clause.field().field()) {
            case KEY -> new Criteria.KeyIn(each(values, value -> literal(value, field).toUpperCase(Locale.ROOT)));
            case TEAM -> references(Criteria.Reference.TEAM, values, field, "team", vocabulary::team);
            case TYPE -> references(Criteria.Reference.TYPE, values, field, "type", vocabulary::type);
            case CATEGORY -> new Criteria.CategoryIn(each(values, value -> category(value, field)));
            case STATUS -> new Criteria.ReferenceIn(Criteria.Reference.STATUS, union(values, value -> {
                Set<UUID> ids = vocabulary.statusesNamed(literal(value, field));
                if (ids.isEmpty()) {
                    throw noSuch("status named", literal(value, field), value);
                }
                return ids;
            }));
            case PHASE -> new Criteria.ReferenceIn(Criteria.Reference.STATUS,
                    union(values, value -> vocabulary.statusesInPhase(phase(value, field))));
            case PRIORITY -> priority(operator, values, field);
            case ASSIGNEE -> operator == Operator.IS_EMPTY ? new Criteria.IsEmpty(Criteria.Emptiable.ASSIGNEE)
                    : new Criteria.ReferenceIn(Criteria.Reference.ASSIGNEE, each(values, this::user));
            case REPORTER -> new Criteria.ReferenceIn(Criteria.Reference.REPORTER, each(values, this::user));
            case WATCHER -> operator == Operator.IS_EMPTY ? new Criteria.IsEmpty(Criteria.Emptiable.WATCHERS)
                    : new Criteria.WatchedBy(each(values, this::user));
            case LABELS -> operator == Operator.IS_EMPTY ? new Criteria.IsEmpty(Criteria.Emptiable.LABELS)
                    : new Criteria.LabelsInclude(each(values, value -> literal(value, field)), operator == Operator.EQUALS);
            case PARENT -> operator == Operator.IS_EMPTY ? new Criteria.IsEmpty(Criteria.Emptiable.PARENT)
                    : references(Criteria.Reference.PARENT, values, field, "item", vocabulary::item);
            case TITLE, DESCRIPTION, COMMENT, TEXT -> new Criteria.TextMatches(TextScope.of(clause.field().field()), words(values.get(0), field));
            case CREATED -> time(Criteria.Timestamp.CREATED, operator, values, field);
            case UPDATED -> time(Criteria.Timestamp.UPDATED, operator, values, field);
            case RESOLVED -> operator == Operator.IS_EMPTY ? new Criteria.IsEmpty(Criteria.Emptiable.RESOLVED)
                    : time(Criteria.Timestamp.RESOLVED, operator, values, field);
            case DUE -> operator == Operator.IS_EMPTY ? new Criteria.IsEmpty(Criteria.Emptiable.DUE)
                    : new Criteria.DueCompared(Comparison.of(operator), date(values.get(0), field));
            case CUSTOM -> custom(clause, operator);
        };
    }

    private Criteria custom(Syntax.Clause clause, Operator operator) {
        String key = clause.field().customKey();
        String field = clause.field().text();
        CustomFieldKind kind = vocabulary.customField(key)
                .orElseThrow(() -> QueryException.at(clause.position(), "There is no custom field \"" + key + "\" (position " + clause.position() + ")"));
        if (!kind.operators().contains(clause.operator())) {
            String message = Operator.TEXT.contains(clause.operator())
                    ? "\"" + clause.operator().symbol() + "\" only works on title, description, comment, text and text custom fields"
                    : "\"" + clause.operator().symbol() + "\" does not work on " + field + ", a " + kind.name().toLowerCase(Locale.ROOT)
                    + " field, which takes " + Field.describe(kind.operators());
            throw QueryException.at(clause.operatorPosition(), message + " (position " + clause.operatorPosition() + ")");
        }
        List<Syntax.Value> values = clause.values();
        if (operator == Operator.IS_EMPTY) {
            return new Criteria.CustomEmpty(key);
        }
        return switch (kind) {
            case TEXT -> operator == Operator.CONTAINS ? new Criteria.CustomTextContains(key, literal(values.get(0), field))
                    : new Criteria.CustomValueIn(key, each(values, value -> literal(value, field)));
            case SELECT -> new Criteria.CustomValueIn(key, each(values, value -> literal(value, field)));
            case MULTISELECT -> new Criteria.CustomOptionsInclude(key, each(values, value -> literal(value, field)));
            case USER -> new Criteria.CustomValueIn(key, each(values, value -> user(value).toString()));
            case NUMBER -> new Criteria.CustomNumberCompared(key, Comparison.of(operator), number(values.get(0), field));
            case DATE -> new Criteria.CustomDateCompared(key, Comparison.of(operator), date(values.get(0), field));
        };
    }

    private static <T> Set<T> each(List<Syntax.Value> values, Function<Syntax.Value, T> resolve) {
        Set<T> resolved = new LinkedHashSet<>();
        for (Syntax.Value value : values) {
            resolved.add(resolve.apply(value));
        }
        return resolved;
    }

    private static Set<UUID> union(List<Syntax.Value> values, Function<Syntax.Value, Set<UUID>> resolve) {
        Set<UUID> all = new LinkedHashSet<>();
        for (Syntax.Value value : values) {
            all.addAll(resolve.apply(value));
        }
        return all;
    }

    private Criteria references(Criteria.Reference reference, List<Syntax.Value> values, String field, String what,
                                Function<String, Optional<UUID>> lookup) {
        return new Criteria.ReferenceIn(reference, each(values, value -> {
            String name = literal(value, field);
            return lookup.apply(name).orElseThrow(() -> noSuch(what, name, value));
        }));
    }

    private static QueryException noSuch(String what, String name, Syntax.Value value) {
        return QueryException.at(value.position(), "There is no " + what + " \"" + name + "\" (position " + value.position() + ")");
    }

    private static String literal(Syntax.Value value, String field) {
        if (value instanceof Syntax.Literal literal) {
            return literal.text();
        }
        Syntax.Call call = (Syntax.Call) value;
        throw QueryException.at(call.position(), call.function().functionName() + "() is not a value for " + field
                + " (position " + call.position() + ")");
    }

    private UUID user(Syntax.Value value) {
        if (value instanceof Syntax.Call call) {
            if (call.function() != QueryFunction.CURRENT_USER) {
                throw QueryException.at(call.position(), call.function().functionName() + "() is not a person (position "
                        + call.position() + "); use currentUser(), an e-mail address or a name");
            }
            if (context.currentUser() == null) {
                throw QueryException.at(call.position(), "currentUser() needs a signed-in person (position " + call.position() + ")");
            }
            return context.currentUser();
        }
        String name = ((Syntax.Literal) value).text();
        return vocabulary.user(name).orElseThrow(() -> noSuch("person", name, value));
    }

    private static String category(Syntax.Value value, String field) {
        String text = literal(value, field).toLowerCase(Locale.ROOT).strip();
        String code = CATEGORY_CODES.contains(text) ? text
                : CATEGORY_NAMES.getOrDefault(text, CATEGORY_NAMES.get(text.replace('_', ' ')));
        if (code == null) {
            throw QueryException.at(value.position(), "There is no category \"" + literal(value, field) + "\" (position "
                    + value.position() + "); the categories are business_project, internal_project, change and unplanned");
        }
        return code;
    }

    private static String phase(Syntax.Value value, String field) {
        String text = literal(value, field);
        String phase = PHASES.get(text.toLowerCase(Locale.ROOT).replaceAll("[\\s_-]", ""));
        if (phase == null) {
            throw QueryException.at(value.position(), "There is no status category \"" + text + "\" (position "
                    + value.position() + "); the categories are todo, in_progress and done");
        }
        return phase;
    }

    /** Jira's sense: "priority > medium" is more urgent, which is a smaller stored number. */
    private static Criteria priority(Operator operator, List<Syntax.Value> values, String field) {
        if (operator == Operator.EQUALS || operator == Operator.IN) {
            return new Criteria.PriorityIn(new LinkedHashSet<>(values.stream().map(value -> priorityOf(value, field)).toList()));
        }
        return new Criteria.PriorityCompared(Comparison.of(operator).mirrored(), priorityOf(values.get(0), field));
    }

    private static int priorityOf(Syntax.Value value, String field) {
        String text = literal(value, field).toLowerCase(Locale.ROOT);
        Integer priority = PRIORITIES.get(text);
        if (priority == null && text.matches("[1-5]")) {
            priority = Integer.parseInt(text);
        }
        if (priority == null) {
            throw QueryException.at(value.position(), "There is no priority \"" + literal(value, field) + "\" (position "
                    + value.position() + "); the priorities are highest, high, medium, low and lowest");
        }
        return priority;
    }

    private static List<String> words(Syntax.Value value, String field) {
        List<String> words = TextSearch.words(literal(value, field));
        if (words.isEmpty()) {
            throw QueryException.at(value.position(), "Search for at least one word that is not a common word like \"the\" (position "
                    + value.position() + ")");
        }
        return words;
    }

    private static BigDecimal number(Syntax.Value value, String field) {
        try {
            return new BigDecimal(literal(value, field));
        } catch (NumberFormatException e) {
            throw QueryException.at(value.position(), "Expected a number for " + field + " (position " + value.position() + ")");
        }
    }

    /**
     * A date compares with a timestamp as the whole day in the person's zone: "created = 2026-11-01" is
     * that day, "created <= 2026-11-01" includes it, "created > 2026-11-01" starts the day after.
     */
    private Criteria time(Criteria.Timestamp timestamp, Operator operator, List<Syntax.Value> values, String field) {
        Syntax.Value value = values.get(0);
        Comparison comparison = Comparison.of(operator);
        Optional<LocalDate> day = day(value, field);
        if (day.isEmpty()) {
            return new Criteria.TimeCompared(timestamp, comparison, instant(value, field));
        }
        Instant start = day.get().atStartOfDay(context.zone()).toInstant();
        Instant end = day.get().plusDays(1).atStartOfDay(context.zone()).toInstant();
        return switch (comparison) {
            case EQUAL -> new Criteria.And(List.of(new Criteria.TimeCompared(timestamp, Comparison.GREATER_OR_EQUAL, start),
                    new Criteria.TimeCompared(timestamp, Comparison.LESS, end)));
            case LESS -> new Criteria.TimeCompared(timestamp, Comparison.LESS, start);
            case LESS_OR_EQUAL -> new Criteria.TimeCompared(timestamp, Comparison.LESS, end);
            case GREATER -> new Criteria.TimeCompared(timestamp, Comparison.GREATER_OR_EQUAL, end);
            case GREATER_OR_EQUAL -> new Criteria.TimeCompared(timestamp, Comparison.GREATER_OR_EQUAL, start);
        };
    }

    /** A date value, or the date in the person's zone of a point in time ("due < now()" is "due before today"). */
    private LocalDate date(Syntax.Value value, String field) {
        return day(value, field).orElseGet(() -> instant(value, field).atZone(context.zone()).toLocalDate());
    }

    private static Optional<LocalDate> day(Syntax.Value value, String field) {
        if (value instanceof Syntax.Literal literal && DATE.matcher(literal.text()).matches()) {
            try {
                return Optional.of(LocalDate.parse(literal.text()));
            } catch (DateTimeParseException e) {
                throw QueryException.at(value.position(), "\"" + literal.text() + "\" is not a date (position " + value.position() + ")");
            }
        }
        return Optional.empty();
    }

    private Instant instant(Syntax.Value value, String field) {
        if (value instanceof Syntax.Call call) {
            if (call.function() == QueryFunction.CURRENT_USER) {
                throw QueryException.at(call.position(), "currentUser() is not a time for " + field + " (position " + call.position() + ")");
            }
            return call.function().at(context, call.offset());
        }
        String text = ((Syntax.Literal) value).text();
        Optional<RelativeDuration> relative = RelativeDuration.parse(text);
        if (relative.isPresent()) {
            return relative.get().from(context.now(), context.zone());
        }
        if (DATE_TIME.matcher(text).matches()) {
            try {
                return LocalDateTime.parse(text).atZone(context.zone()).toInstant();
            } catch (DateTimeParseException e) {
                // Falls through to the message below.
            }
        }
        throw QueryException.at(value.position(), "Expected a date such as 2026-11-01, a duration such as -7d or a function such as startOfWeek() for "
                + field + " (position " + value.position() + ")");
    }
}
