package io.worklane.shared.live;

import io.worklane.shared.TenantId;
import org.springframework.context.SmartLifecycle;
import org.springframework.http.CacheControl;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;

/**
 * Opens server-sent event streams of live updates for controllers. A controller decides who may
 * watch and what a message looks like to its viewer; this class does the rest: subscribe and
 * unsubscribe, heartbeats, the browser's reconnect delay, {@code resync} after a possible loss, and
 * ending every stream when the node stops.
 *
 * <p>What a browser sees: first {@code id: live} and {@code retry: <ms>} (no event), then the
 * controller's events, a {@code resync} event (data {@code resync}) whenever it should reload what it
 * shows, and a comment line when the stream has been quiet for a while. Because every stream starts
 * with an id, a browser that reconnects sends {@code Last-Event-ID}; pass it to {@code open}, and the
 * new stream begins with {@code resync}: what happened while it was away is not replayed.
 */
@Component
public class SseStreams implements SmartLifecycle {

    /** The event (and its data) that tells a browser to reload what it shows. */
    public static final String RESYNC = "resync";
    private static final String STREAM_ID = "live";

    private final LiveUpdates live;
    private final LiveProperties properties;
    private final Set<SseStream> open = ConcurrentHashMap.newKeySet();
    private volatile boolean running;
    private ScheduledExecutorService ticker;
    private ThreadPoolExecutor heartbeats;

    SseStreams(LiveUpdates live, LiveProperties properties) {
        this.live = live;
        this.properties = properties;
    }

    /**
     * A stream of {@code tenant}'s {@code topic}, where {@code render} turns each message into the
     * event for this stream, or nothing to skip it. {@code render} runs once per message and stream,
     * on a dispatch thread with no request, tenant or security context; when many streams show the
     * same thing, use {@link #open(TenantId, String, String, SharedRender, Function)} instead.
     *
     * @param lastEventId the request's {@code Last-Event-ID} header, or null on a first connect
     */
    public ResponseEntity<SseEmitter> open(TenantId tenant, String topic, String lastEventId,
                                           Function<String, Optional<SseEmitter.SseEventBuilder>> render) {
        var stream = new SseStream(new SseEmitter(properties.streamTimeout().toMillis()), render, open::remove);
        SseEmitter emitter = stream.emitter();
        emitter.onCompletion(stream::close);
        emitter.onError(error -> stream.close());
        // Ending on time is normal: complete it, so that Spring MVC does not answer with a timeout error.
        emitter.onTimeout(emitter::complete);
        open.add(stream);
        // Subscribe before the first bytes go out: a client that has seen them misses nothing after.
        stream.listenOn(live.subscribe(tenant, topic, stream::message, stream::resync));
        stream.send(SseEmitter.event().id(STREAM_ID).reconnectTime(properties.clientRetry().toMillis()));
        if (lastEventId != null && !lastEventId.isBlank()) {
            stream.resync();
        }
        if (!running) {
            stream.complete(); // stopping: the browser will retry, on a node that runs
        }
        return ResponseEntity.ok()
                .contentType(MediaType.TEXT_EVENT_STREAM)
                .cacheControl(CacheControl.noStore())
                // nginx and others buffer responses by default; an event stream must pass at once.
                .header("X-Accel-Buffering", "no")
                .body(emitter);
    }

    /**
     * A stream whose events are computed once per message for all streams that share {@code shared}
     * ({@link SharedRender}), then adapted to this stream by {@code perStream} (cheap: wrap the shared
     * result in an event, or skip it when this viewer may not see it).
     */
    public <T> ResponseEntity<SseEmitter> open(TenantId tenant, String topic, String lastEventId, SharedRender<T> shared,
                                               Function<T, Optional<SseEmitter.SseEventBuilder>> perStream) {
        return open(tenant, topic, lastEventId, message -> shared.apply(message).flatMap(perStream));
    }

    /** Streams open on this node. */
    public int openStreams() {
        return open.size();
    }

    @Override
    public void start() {
        heartbeats = new ThreadPoolExecutor(2, 2, 30, TimeUnit.SECONDS, new LinkedBlockingQueue<>(), daemon("worklane-sse-heartbeat"));
        heartbeats.allowCoreThreadTimeOut(true);
        ticker = Executors.newSingleThreadScheduledExecutor(daemon("worklane-sse-ticker"));
        long period = properties.heartbeat().toMillis();
        // Check four times a period, so that no stream stays silent much longer than one period.
        ticker.scheduleAtFixedRate(this::sendHeartbeats, period / 4, period / 4, TimeUnit.MILLISECONDS);
        running = true;
    }

    /**
     * Ends every stream before the web server's graceful shutdown, which would otherwise wait for
     * them (they never end on their own) for its whole timeout.
     */
    @Override
    public void stop() {
        running = false;
        ticker.shutdownNow();
        heartbeats.shutdownNow();
        open.forEach(SseStream::complete);
    }

    @Override
    public boolean isRunning() {
        return running;
    }

    /** Heartbeats are written off the ticker thread: a write to a stuck client may block for a while. */
    private void sendHeartbeats() {
        long now = System.nanoTime();
        long period = properties.heartbeat().toNanos();
        for (SseStream stream : open) {
            if (stream.claimHeartbeat(now, period)) {
                heartbeats.execute(stream::heartbeat);
            }
        }
    }

    private static java.util.concurrent.ThreadFactory daemon(String name) {
        return task -> {
            Thread thread = new Thread(task, name);
            thread.setDaemon(true);
            return thread;
        };
    }
}
