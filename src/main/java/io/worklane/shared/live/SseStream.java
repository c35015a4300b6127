package io.worklane.shared.live;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

import java.io.IOException;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;
import java.util.function.Function;

/** One open event stream: one browser tab watching one topic. */
final class SseStream {

    private static final Logger log = LoggerFactory.getLogger(SseStream.class);

    private final SseEmitter emitter;
    private final Function<String, Optional<SseEmitter.SseEventBuilder>> render;
    private final Consumer<SseStream> onClose;
    private final AtomicBoolean closed = new AtomicBoolean();
    private final AtomicBoolean heartbeatPending = new AtomicBoolean();
    private volatile Subscription subscription;
    private volatile long lastSentNanos = System.nanoTime();

    SseStream(SseEmitter emitter, Function<String, Optional<SseEmitter.SseEventBuilder>> render, Consumer<SseStream> onClose) {
        this.emitter = emitter;
        this.render = render;
        this.onClose = onClose;
    }

    void listenOn(Subscription subscription) {
        this.subscription = subscription;
        if (closed.get()) {
            subscription.close(); // the client left while we subscribed
        }
    }

    SseEmitter emitter() {
        return emitter;
    }

    void message(String message) {
        Optional<SseEmitter.SseEventBuilder> event;
        try {
            event = render.apply(message);
        } catch (RuntimeException e) {
            // One message this stream cannot show must not end it; the next ones may render.
            log.warn("Could not render live update '{}' for a stream", message, e);
            return;
        }
        event.ifPresent(this::send);
    }

    void resync() {
        send(SseEmitter.event().name(SseStreams.RESYNC).data(SseStreams.RESYNC));
    }

    /** Whether this stream has been silent for {@code periodNanos} and has no heartbeat on its way yet. */
    boolean claimHeartbeat(long nowNanos, long periodNanos) {
        return !closed.get() && nowNanos - lastSentNanos >= periodNanos && heartbeatPending.compareAndSet(false, true);
    }

    void heartbeat() {
        try {
            send(SseEmitter.event().comment("heartbeat"));
        } finally {
            heartbeatPending.set(false);
        }
    }

    void send(SseEmitter.SseEventBuilder event) {
        if (closed.get()) {
            return;
        }
        try {
            emitter.send(event);
            lastSentNanos = System.nanoTime();
        } catch (IOException | IllegalStateException e) {
            // The client left (IOException), or the stream completed meanwhile. The container reports a
            // broken connection to the emitter itself; all that is left to do here is to stop listening.
            log.debug("A live stream closed while sending: {}", e.getMessage());
            close();
        }
    }

    /** Ends the stream from our side (shutdown): the browser reconnects, to another node if this one is gone. */
    void complete() {
        close();
        emitter.complete();
    }

    /** Stops listening; called once the stream is over, however it ended. */
    void close() {
        if (closed.compareAndSet(false, true)) {
            Subscription current = subscription;
            if (current != null) {
                current.close();
            }
            onClose.accept(this);
        }
    }
}
