package io.worklane.sla;

import io.worklane.work.query.DatabaseQueryVocabulary;
import io.worklane.work.query.ItemFacts;
import io.worklane.work.query.ItemQuery;
import io.worklane.work.query.QueryContext;
import io.worklane.work.query.QueryException;
import io.worklane.work.query.ResolvedQuery;
import org.springframework.stereotype.Component;

import java.time.Clock;
import java.time.ZoneOffset;
import java.util.Optional;
import java.util.function.Predicate;

/**
 * SLA conditions are item queries ({@code status = "Waiting for customer"}), resolved against the
 * tenant's names and tested in memory on each state of an item's past: the same criteria that lists
 * and boards use, so a condition means what it means in the item list.
 */
@Component
class SlaConditions {

    private final DatabaseQueryVocabulary vocabulary;
    private final Clock clock;

    SlaConditions(DatabaseQueryVocabulary vocabulary, Clock clock) {
        this.vocabulary = vocabulary;
        this.clock = clock;
    }

    /** The condition as a test on an item's state; an empty text holds for no state. */
    Predicate<ItemFacts> compile(String text) {
        if (text == null || text.isBlank()) {
            return item -> false;
        }
        ResolvedQuery query = ItemQuery.resolve(text, vocabulary, new QueryContext(null, clock.instant(), ZoneOffset.UTC));
        return query::matches;
    }

    /** Why {@code text} is not a usable condition, or empty when it is. */
    Optional<String> problem(String text) {
        if (text == null || text.isBlank()) {
            return Optional.of("is required: an item query such as status = Done");
        }
        try {
            ItemQuery.resolve(text, vocabulary, new QueryContext(null, clock.instant(), ZoneOffset.UTC));
            return Optional.empty();
        } catch (QueryException e) {
            return Optional.of(e.getMessage());
        }
    }
}
