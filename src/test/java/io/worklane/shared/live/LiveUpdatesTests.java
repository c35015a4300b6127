package io.worklane.shared.live;

import io.worklane.shared.TenantId;
import io.worklane.support.WorklaneTest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Live updates between the code of one node, through the real PostgreSQL LISTEN/NOTIFY. */
@WorklaneTest
class LiveUpdatesTests {

    private static final long WAIT_SECONDS = 5;

    @Autowired
    LiveUpdates live;
    @Autowired
    TransactionTemplate transactions;
    @Autowired
    JdbcClient jdbc;

    private final List<Subscription> subscriptions = new ArrayList<>();
    private final TenantId tenant = TenantId.random();

    @AfterEach
    void unsubscribe() {
        subscriptions.forEach(Subscription::close);
    }

    @Test
    void aMessagePublishedInACommittedTransactionIsReceived() throws Exception {
        BlockingQueue<String> received = subscribe(tenant, "board:1");

        transactions.executeWithoutResult(status -> live.publish(tenant, "board:1", "card 7 moved"));

        assertThat(received.poll(WAIT_SECONDS, TimeUnit.SECONDS)).isEqualTo("card 7 moved");
    }

    @Test
    void aMessageIsSentWhenItsTransactionCommitsNotBefore() throws Exception {
        BlockingQueue<String> received = subscribe(tenant, "board:1");

        transactions.executeWithoutResult(status -> {
            live.publish(tenant, "board:1", "card 7 moved");
            // Another connection announces something while this transaction is still open.
            publishFromAnotherThread(tenant, "board:1", "meanwhile");
            assertThat(take(received)).as("what arrives while the transaction is open").isEqualTo("meanwhile");
        });

        assertThat(take(received)).isEqualTo("card 7 moved");
    }

    @Test
    void aMessagePublishedInARolledBackTransactionIsNeverReceived() throws Exception {
        BlockingQueue<String> received = subscribe(tenant, "board:1");

        transactions.executeWithoutResult(status -> {
            live.publish(tenant, "board:1", "card 7 moved");
            status.setRollbackOnly();
        });
        live.publish(tenant, "board:1", "marker");

        // Notifications arrive in commit order: had the first one been sent, it would come first.
        assertThat(take(received)).isEqualTo("marker");
        assertThat(received).isEmpty();
    }

    @Test
    void aSubscriberHearsOnlyItsOwnTenant() throws Exception {
        TenantId other = TenantId.random();
        BlockingQueue<String> mine = subscribe(tenant, "board:1");

        live.publish(other, "board:1", "the other tenant's card moved");
        live.publish(tenant, "board:1", "marker");

        assertThat(take(mine)).isEqualTo("marker");
        assertThat(mine).isEmpty();
    }

    @Test
    void aSubscriberHearsOnlyItsOwnTopic() throws Exception {
        BlockingQueue<String> mine = subscribe(tenant, "board:1");

        live.publish(tenant, "board:2", "elsewhere");
        live.publish(tenant, "board:1", "marker");

        assertThat(take(mine)).isEqualTo("marker");
        assertThat(mine).isEmpty();
    }

    @Test
    void aClosedSubscriptionHearsNothingMore() throws Exception {
        BlockingQueue<String> closed = new LinkedBlockingQueue<>();
        live.subscribe(tenant, "board:1", closed::add).close();
        BlockingQueue<String> open = subscribe(tenant, "board:1");

        live.publish(tenant, "board:1", "marker");

        assertThat(take(open)).isEqualTo("marker");
        assertThat(closed).isEmpty();
    }

    @Test
    void aSlowListenerDoesNotHoldUpTheOthers() throws Exception {
        var release = new CountDownLatch(1);
        subscriptions.add(live.subscribe(tenant, "board:1", message -> await(release)));
        BlockingQueue<String> quick = subscribe(tenant, "board:1");
        try {
            live.publish(tenant, "board:1", "one");
            live.publish(tenant, "board:1", "two");

            assertThat(take(quick)).isEqualTo("one");
            assertThat(take(quick)).isEqualTo("two");
        } finally {
            release.countDown();
        }
    }

    @Test
    void refusesAMessageTooBigForNotify() {
        String document = "x".repeat(8000);

        assertThatThrownBy(() -> live.publish(tenant, "board:1", document))
                .isInstanceOf(LivePayloadTooLargeException.class)
                .hasMessageContaining("Publish ids, not documents");
    }

    @Test
    void theLargestPayloadThatNotifyTakesGoesThroughAndOneByteMoreIsRefused() throws Exception {
        BlockingQueue<String> received = subscribe(tenant, "t");
        int envelope = ("{\"tenant\":\"" + tenant + "\",\"topic\":\"t\",\"message\":\"\"}").length();
        int room = 7999 - envelope; // PostgreSQL takes payloads shorter than 8000 bytes
        String largest = "é".repeat(room / 2) + "a".repeat(room % 2); // counted in UTF-8 bytes, not characters

        live.publish(tenant, "t", largest);
        assertThatThrownBy(() -> live.publish(tenant, "t", largest + "a"))
                .isInstanceOf(LivePayloadTooLargeException.class);

        assertThat(take(received)).isEqualTo(largest);
    }

    @Test
    void aSharedRenderComputesOncePerMessageForAllStreams() throws Exception {
        var computed = new AtomicInteger();
        SharedRender<String> render = SharedRender.of(message -> {
            computed.incrementAndGet();
            return Optional.of("<li>" + message + "</li>");
        });
        BlockingQueue<String> shown = new LinkedBlockingQueue<>();
        for (int i = 0; i < 20; i++) {
            subscriptions.add(live.subscribe(tenant, "board:1", message -> render.apply(message).ifPresent(shown::add)));
        }

        live.publish(tenant, "board:1", "card 7");
        live.publish(tenant, "board:1", "card 7");

        for (int i = 0; i < 40; i++) {
            assertThat(take(shown)).isEqualTo("<li>card 7</li>");
        }
        assertThat(computed).as("one computation per notification, not per stream").hasValue(2);
    }

    @Test
    void subscribersResyncAfterTheListenSessionIsLostAndHearLaterMessages() throws Exception {
        var resynced = new CountDownLatch(1);
        BlockingQueue<String> received = new LinkedBlockingQueue<>();
        subscriptions.add(live.subscribe(tenant, "board:1", received::add, resynced::countDown));

        int killed = jdbc.sql("select count(pg_terminate_backend(pid)) from pg_stat_activity where application_name = ?")
                .param(NotificationListener.APPLICATION_NAME).query(Integer.class).single();

        assertThat(killed).isPositive();
        assertThat(resynced.await(WAIT_SECONDS, TimeUnit.SECONDS)).as("told to resync").isTrue();
        live.publish(tenant, "board:1", "after the reconnect");
        assertThat(take(received)).isEqualTo("after the reconnect");
    }

    private BlockingQueue<String> subscribe(TenantId tenant, String topic) {
        BlockingQueue<String> received = new LinkedBlockingQueue<>();
        subscriptions.add(live.subscribe(tenant, topic, received::add));
        return received;
    }

    private static String take(BlockingQueue<String> queue) {
        try {
            String message = queue.poll(WAIT_SECONDS, TimeUnit.SECONDS);
            assertThat(message).as("a message within %d s", WAIT_SECONDS).isNotNull();
            return message;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private void publishFromAnotherThread(TenantId tenant, String topic, String message) {
        var thread = new Thread(() -> live.publish(tenant, topic, message));
        thread.start();
        try {
            thread.join(TimeUnit.SECONDS.toMillis(WAIT_SECONDS));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static void await(CountDownLatch latch) {
        try {
            latch.await(30, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
