package io.worklane.shared.live;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.concurrent.BlockingQueue;
import java.util.concurrent.Executor;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;

/**
 * One subscriber's mailbox. Messages reach its listener one at a time and in order, on the shared
 * dispatch threads, so a listener stuck on a slow client holds up only itself. A listener that
 * falls more than {@link #BACKLOG} messages behind loses them and gets a resync instead: its memory
 * stays bounded, and a resync (reload what you show) makes up for any number of lost messages.
 */
final class Delivery implements Subscription {

    private static final Logger log = LoggerFactory.getLogger(Delivery.class);
    static final int BACKLOG = 1000;
    /** Messages handled per turn before the thread goes back to the others waiting. */
    private static final int BATCH = 64;

    private final Consumer<String> onMessage;
    private final Runnable onResync;
    private final Executor executor;
    private final Consumer<Delivery> onClose;
    private final BlockingQueue<String> pending = new LinkedBlockingQueue<>(BACKLOG);
    private final AtomicBoolean scheduled = new AtomicBoolean();
    private final AtomicBoolean resyncDue = new AtomicBoolean();
    private final AtomicBoolean closed = new AtomicBoolean();

    Delivery(Consumer<String> onMessage, Runnable onResync, Executor executor, Consumer<Delivery> onClose) {
        this.onMessage = onMessage;
        this.onResync = onResync;
        this.executor = executor;
        this.onClose = onClose;
    }

    void message(String message) {
        if (!pending.offer(message)) {
            resyncDue.set(true);
        }
        schedule();
    }

    void resync() {
        resyncDue.set(true);
        schedule();
    }

    @Override
    public void close() {
        if (closed.compareAndSet(false, true)) {
            pending.clear();
            onClose.accept(this);
        }
    }

    private void schedule() {
        if (closed.get() || !scheduled.compareAndSet(false, true)) {
            return;
        }
        try {
            executor.execute(this::drain);
        } catch (RejectedExecutionException e) {
            scheduled.set(false); // shutting down: nothing more will be delivered
        }
    }

    private void drain() {
        try {
            if (resyncDue.getAndSet(false)) {
                // Whatever was queued is older than the resync, which reloads it all anyway.
                pending.clear();
                safely(onResync);
            }
            String message;
            for (int i = 0; i < BATCH && !closed.get() && !resyncDue.get() && (message = pending.poll()) != null; i++) {
                String delivered = message;
                safely(() -> onMessage.accept(delivered));
            }
        } finally {
            scheduled.set(false);
            if (!pending.isEmpty() || resyncDue.get()) {
                schedule();
            }
        }
    }

    private void safely(Runnable listener) {
        if (closed.get()) {
            return;
        }
        try {
            listener.run();
        } catch (RuntimeException e) {
            log.warn("A live update listener failed; it stays subscribed", e);
        }
    }
}
