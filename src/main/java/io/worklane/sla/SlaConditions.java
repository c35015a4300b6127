package io.worklane.sla;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.worklane.tenancy.TenantContext;
import io.worklane.work.query.DatabaseQueryVocabulary;
import io.worklane.work.query.ItemFacts;
import io.worklane.work.query.ItemQuery;
import io.worklane.work.query.QueryContext;
import io.worklane.work.query.QueryException;
import io.worklane.work.query.ResolvedQuery;
import org.springframework.stereotype.Component;

import java.time.Clock;
import java.time.Duration;
import java.time.ZoneOffset;
import java.util.Optional;
import java.util.function.Predicate;

/**
 * SLA conditions are item queries ({@code status = "Waiting for customer"}), resolved against the
 * tenant's names and tested in memory on each state of an item's past: the same criteria that lists
 * and boards use, so a condition means what it means in the item list. A resolved condition is kept
 * for a minute per tenant and text: refreshing many items' clocks resolves each name once, and a
 * renamed status is seen within that minute (relative dates in conditions move by the minute too).
 */
@Component
class SlaConditions {

    private final DatabaseQueryVocabulary vocabulary;
    private final Clock clock;
    private final Cache<String, Predicate<ItemFacts>> resolved = Caffeine.newBuilder()
            .expireAfterWrite(Duration.ofMinutes(1)).maximumSize(10_000).build();

    SlaConditions(DatabaseQueryVocabulary vocabulary, Clock clock) {
        this.vocabulary = vocabulary;
        this.clock = clock;
    }

    /** The condition as a test on an item's state; an empty text holds for no state. */
    Predicate<ItemFacts> compile(String text) {
        if (text == null || text.isBlank()) {
            return item -> false;
        }
        return resolved.get(TenantContext.require().id() + "\u0000" + text, key -> {
            ResolvedQuery query = ItemQuery.resolve(text, vocabulary, new QueryContext(null, clock.instant(), ZoneOffset.UTC));
            return query::matches;
        });
    }

    /** Policies changed: conditions are resolved afresh. */
    void forget() {
        resolved.invalidateAll();
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
