package io.worklane.shared.live;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.worklane.shared.database.DatabaseLogin;
import org.postgresql.PGConnection;
import org.postgresql.PGNotification;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * This node's one LISTEN session. It lives on a connection of its own, outside the pool (a pooled
 * connection would be held for ever and routed to a tenant's schema), on one thread that blocks in
 * the driver until a notification comes. When the session is lost (server restart, failover, a
 * killed backend, a dead network) it reconnects with backoff and then tells every subscriber to
 * resync, because what was announced in between is gone: NOTIFY is delivered only to sessions that
 * listen at commit time.
 */
@Component
class NotificationListener implements SmartLifecycle {

    static final String CHANNEL = "worklane_live";
    /** Shows in pg_stat_activity, so that operators (and tests) can tell this session from the pool's. */
    static final String APPLICATION_NAME = "worklane-live";
    private static final Logger log = LoggerFactory.getLogger(NotificationListener.class);
    /** How long to wait for a notification before checking that a silent connection still lives. */
    private static final int WAIT_MILLIS = 25_000;
    private static final Duration FIRST_BACKOFF = Duration.ofMillis(200);
    private static final Duration MAX_BACKOFF = Duration.ofSeconds(15);
    private static final Duration STARTUP_WAIT = Duration.ofSeconds(10);

    private final DatabaseLogin login;
    private final NoticeCodec codec;
    private final Subscribers subscribers;
    private final Counter received;
    private final Counter reconnects;
    private volatile boolean running;
    private volatile Connection connection;
    private volatile Thread thread;
    private volatile CountDownLatch listening;

    NotificationListener(DatabaseLogin login, NoticeCodec codec, Subscribers subscribers, MeterRegistry meters) {
        this.login = login;
        this.codec = codec;
        this.subscribers = subscribers;
        this.received = Counter.builder("worklane.live.notifications")
                .description("Live update notifications received by this node").register(meters);
        this.reconnects = Counter.builder("worklane.live.reconnects")
                .description("Times this node's LISTEN session was lost and opened again").register(meters);
    }

    /**
     * Returns once this node listens (or after a few seconds of trying), so that what is published
     * after start-up reaches the listeners subscribed during it.
     */
    @Override
    public void start() {
        running = true;
        listening = new CountDownLatch(1);
        thread = new Thread(this::listenUntilStopped, "worklane-live-listen");
        thread.setDaemon(true);
        thread.start();
        try {
            if (!listening.await(STARTUP_WAIT.toMillis(), TimeUnit.MILLISECONDS)) {
                log.warn("Not listening for live updates yet; still trying in the background");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public void stop() {
        running = false;
        Thread listener = thread;
        abort(connection);
        if (listener != null) {
            listener.interrupt();
            try {
                listener.join(5_000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    @Override
    public boolean isRunning() {
        return running;
    }

    /** Starts before the web server (and stops after it), so no stream is open while nobody listens. */
    @Override
    public int getPhase() {
        return SmartLifecycle.DEFAULT_PHASE - 4096;
    }

    private void listenUntilStopped() {
        Duration backoff = FIRST_BACKOFF;
        boolean listenedBefore = false;
        while (running) {
            try (Connection session = login.connect(APPLICATION_NAME)) {
                connection = session;
                try (var statement = session.createStatement()) {
                    statement.execute("LISTEN " + CHANNEL);
                }
                if (listenedBefore) {
                    reconnects.increment();
                    log.info("Listening for live updates again; subscribers resync");
                    subscribers.resyncAll();
                }
                listenedBefore = true;
                backoff = FIRST_BACKOFF;
                listening.countDown();
                receive(session.unwrap(PGConnection.class), session);
            } catch (SQLException e) {
                if (running) {
                    log.warn("Lost the live updates session ({}); reconnecting in {} ms", e.getMessage(), backoff.toMillis());
                }
            } finally {
                connection = null;
            }
            if (running) {
                backoff = pause(backoff);
            }
        }
    }

    private void receive(PGConnection listener, Connection session) throws SQLException {
        while (running) {
            PGNotification[] notifications = listener.getNotifications(WAIT_MILLIS);
            if (notifications == null || notifications.length == 0) {
                // Silence is normal, but a peer gone without a word (network cut) is silent too.
                if (!session.isValid(5)) {
                    throw new SQLException("the live updates session stopped answering");
                }
                continue;
            }
            for (PGNotification notification : notifications) {
                received.increment();
                codec.decode(notification.getParameter()).ifPresentOrElse(subscribers::deliver,
                        () -> log.debug("Ignored a notification that is not a live update: {}", notification.getParameter()));
            }
        }
    }

    private Duration pause(Duration backoff) {
        try {
            Thread.sleep(backoff.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            running = false;
        }
        Duration next = backoff.multipliedBy(2);
        return next.compareTo(MAX_BACKOFF) > 0 ? MAX_BACKOFF : next;
    }

    /** Closes the socket under a thread blocked in the driver, which {@code close()} would wait for. */
    private static void abort(Connection connection) {
        if (connection == null) {
            return;
        }
        try {
            connection.abort(Runnable::run);
        } catch (SQLException e) {
            log.debug("Could not abort the live updates session", e);
        }
    }
}
