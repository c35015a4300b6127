package io.worklane.shared.live;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.function.Function;

/**
 * What a message turns into, computed once however many streams show it. When 200 people watch one
 * board, one card move is one database read and one rendered fragment, not 200: the first stream to
 * handle a message computes it, the others wait for and reuse that result.
 *
 * <p>Results are kept by message instance: {@link LiveUpdates} hands the very same String to every
 * subscriber of one notification, and a new String for the next one, so two notifications with equal
 * text are still computed twice (the card may have changed in between). Hold one instance per kind of
 * stream, in a field of the controller, and use it for one topic family only.
 *
 * <p>{@code compute} runs on a dispatch thread with no request, tenant or security context; it must
 * not depend on who watches (that belongs in the per-stream step of {@link SseStreams}).
 */
public final class SharedRender<T> {

    /** Enough for the messages in flight at once; older ones are computed again if a straggler asks. */
    private static final int REMEMBERED = 32;

    private record Entry<T>(String message, CompletableFuture<Optional<T>> result) {
    }

    private final Function<String, Optional<T>> compute;
    private final Deque<Entry<T>> recent = new ArrayDeque<>();

    private SharedRender(Function<String, Optional<T>> compute) {
        this.compute = compute;
    }

    public static <T> SharedRender<T> of(Function<String, Optional<T>> compute) {
        return new SharedRender<>(compute);
    }

    /** The result for this message, computed now or by whichever stream came first. */
    public Optional<T> apply(String message) {
        CompletableFuture<Optional<T>> mine = new CompletableFuture<>();
        CompletableFuture<Optional<T>> theirs = claim(message, mine);
        if (theirs != null) {
            return theirs.join();
        }
        try {
            Optional<T> result = compute.apply(message);
            mine.complete(result);
            return result;
        } catch (RuntimeException | Error e) {
            mine.completeExceptionally(e);
            throw e;
        }
    }

    /** The future already computing this message, or null after registering {@code mine} for it. */
    private synchronized CompletableFuture<Optional<T>> claim(String message, CompletableFuture<Optional<T>> mine) {
        for (Entry<T> entry : recent) {
            if (entry.message() == message) { // identity on purpose: one instance per notification
                return entry.result();
            }
        }
        recent.addFirst(new Entry<>(message, mine));
        if (recent.size() > REMEMBERED) {
            recent.removeLast();
        }
        return null;
    }
}
