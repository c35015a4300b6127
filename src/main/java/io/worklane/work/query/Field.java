package io.worklane.work.query;

import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/** The fields a condition can name, with the operators each understands. */
public enum Field {
    KEY(Operator.EQUALITY, "key", "issue", "item"),
    TEAM(Operator.EQUALITY, "team", "project"),
    TYPE(Operator.EQUALITY, "type", "issuetype"),
    CATEGORY(Operator.EQUALITY, "category"),
    STATUS(Operator.EQUALITY, "status"),
    PHASE(Operator.EQUALITY, "statusCategory", "phase"),
    PRIORITY(union(Operator.EQUALITY, Operator.ORDERING), "priority"),
    ASSIGNEE(union(Operator.EQUALITY, Operator.EMPTINESS), "assignee"),
    REPORTER(Operator.EQUALITY, "reporter"),
    WATCHER(union(Operator.EQUALITY, Operator.EMPTINESS), "watcher", "watchers"),
    LABELS(union(Operator.EQUALITY, Operator.EMPTINESS), "labels", "label"),
    PARENT(union(Operator.EQUALITY, Operator.EMPTINESS), "parent"),
    TITLE(Operator.TEXT, "title", "summary"),
    DESCRIPTION(Operator.TEXT, "description"),
    COMMENT(Operator.TEXT, "comment", "comments"),
    TEXT(Operator.TEXT, "text"),
    CREATED(union(EnumSet.of(Operator.EQUALS, Operator.NOT_EQUALS), Operator.ORDERING), "created"),
    UPDATED(union(EnumSet.of(Operator.EQUALS, Operator.NOT_EQUALS), Operator.ORDERING), "updated"),
    RESOLVED(union(EnumSet.of(Operator.EQUALS, Operator.NOT_EQUALS), Operator.ORDERING, Operator.EMPTINESS), "resolved"),
    DUE(union(EnumSet.of(Operator.EQUALS, Operator.NOT_EQUALS), Operator.ORDERING, Operator.EMPTINESS), "due", "duedate"),
    /** {@code cf.<key>}: which operators apply depends on the field's kind, known only at resolution. */
    CUSTOM(EnumSet.allOf(Operator.class), "cf.");

    static final String CUSTOM_PREFIX = "cf.";

    private final Set<Operator> operators;
    private final List<String> names;

    Field(Set<Operator> operators, String... names) {
        this.operators = operators;
        this.names = List.of(names);
    }

    /** The name a person writes and reads in messages. */
    public String displayName() {
        return names.get(0);
    }

    public boolean accepts(Operator operator) {
        return operators.contains(operator);
    }

    Set<Operator> operators() {
        return operators;
    }

    static Optional<Field> named(String name) {
        if (name.regionMatches(true, 0, CUSTOM_PREFIX, 0, CUSTOM_PREFIX.length())) {
            return Optional.of(CUSTOM);
        }
        return Stream.of(values()).filter(field -> field != CUSTOM)
                .filter(field -> field.names.stream().anyMatch(name::equalsIgnoreCase))
                .findFirst();
    }

    /** Every name a person may write, for "did you mean". */
    static List<String> allNames() {
        return Stream.of(values()).filter(field -> field != CUSTOM).flatMap(field -> field.names.stream()).toList();
    }

    static String describe(Set<Operator> operators) {
        List<String> symbols = operators.stream().map(Operator::symbol).toList();
        if (symbols.size() == 1) {
            return symbols.get(0);
        }
        return symbols.subList(0, symbols.size() - 1).stream().collect(Collectors.joining(", "))
                + " or " + symbols.get(symbols.size() - 1);
    }

    @SafeVarargs
    private static Set<Operator> union(Set<Operator>... sets) {
        EnumSet<Operator> all = EnumSet.noneOf(Operator.class);
        for (Set<Operator> set : sets) {
            all.addAll(set);
        }
        return all;
    }
}
