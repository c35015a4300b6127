package io.worklane.shared.live;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.worklane.shared.TenantId;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import java.util.Objects;
import java.util.function.Consumer;

/**
 * Announces changes to whoever watches them, on every node that shares the database, and lets this
 * node's code watch. A message is small (ids, not documents: under 8000 bytes with its envelope) and
 * reaches a subscriber of the same tenant and topic at most once, after the publishing transaction
 * commits. Delivery is not guaranteed: when a node's LISTEN session is lost, its subscribers are told
 * to resync (reload what they show) instead. See ADR 0010.
 */
@Component
public class LiveUpdates {

    /**
     * A name that much else shows changed: a person's, a team's, a type's or a status's. What keeps
     * copies of things that show names (items read lately) forgets the tenant's copies.
     */
    public static final String NAMES_TOPIC = "names";

    private final JdbcClient jdbc;
    private final NoticeCodec codec;
    private final Subscribers subscribers;
    private final Counter published;

    LiveUpdates(JdbcClient jdbc, NoticeCodec codec, Subscribers subscribers, MeterRegistry meters) {
        this.jdbc = jdbc;
        this.codec = codec;
        this.subscribers = subscribers;
        this.published = Counter.builder("worklane.live.published")
                .description("Live updates published from this node").register(meters);
    }

    /**
     * Announces {@code message} to the subscribers of {@code tenant}'s {@code topic}. Inside a
     * transaction the announcement goes out on that transaction's connection, so PostgreSQL sends it
     * when (and only if) the transaction commits: a rolled-back change is never announced. Outside
     * one it goes out at once. The tenant's schema does not matter: the channel is database-wide.
     *
     * @throws LivePayloadTooLargeException when the message is too big for NOTIFY
     */
    public void publish(TenantId tenant, String topic, String message) {
        String payload = codec.encode(new LiveNotice(Objects.requireNonNull(tenant, "tenant"), requireTopic(topic),
                Objects.requireNonNull(message, "message")));
        // JdbcClient takes the connection bound to the current transaction, if there is one.
        jdbc.sql("select pg_notify(?, ?)").params(NotificationListener.CHANNEL, payload).query(row -> { });
        published.increment();
    }

    /**
     * Calls {@code onMessage} with each message published on {@code tenant}'s {@code topic} from now
     * on, and {@code onResync} when messages may have been lost (its LISTEN session dropped, or the
     * listener fell too far behind). Both run on a dispatch thread, one call at a time per
     * subscription and in order, with no request, tenant or security context: capture what they need.
     */
    public Subscription subscribe(TenantId tenant, String topic, Consumer<String> onMessage, Runnable onResync) {
        return subscribers.add(Objects.requireNonNull(tenant, "tenant"), requireTopic(topic),
                Objects.requireNonNull(onMessage, "onMessage"), Objects.requireNonNull(onResync, "onResync"));
    }

    /**
     * Like {@link #subscribe(TenantId, String, Consumer, Runnable)}, for a listener that keeps no state
     * built from earlier messages and so has nothing to reload after a loss.
     */
    public Subscription subscribe(TenantId tenant, String topic, Consumer<String> onMessage) {
        return subscribe(tenant, topic, onMessage, () -> { });
    }

    private static String requireTopic(String topic) {
        if (topic == null || topic.isBlank()) {
            throw new IllegalArgumentException("A live update needs a topic");
        }
        return topic;
    }
}
