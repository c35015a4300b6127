package io.worklane.support;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.fail;

/**
 * A server-sent events client over real HTTP, as a browser's EventSource reads a stream: blocks of
 * {@code field: value} lines ended by a blank line. Comment lines (heartbeats) are kept as events
 * named {@code :comment} so that tests can see them too.
 */
public final class SseClient implements AutoCloseable {

    /**
     * One block of the stream; {@code name} is null for a block without {@code event:}.
     * {@code receivedNanos} is when it was read ({@link System#nanoTime()}), for latency figures.
     */
    public record Event(String id, String name, String data, Long retry, long receivedNanos) {
    }

    private static final HttpClient CLIENT = HttpClient.newHttpClient();

    private final BlockingQueue<Event> events = new LinkedBlockingQueue<>();
    private final CompletableFuture<HttpResponse<Stream<String>>> response;

    private SseClient(HttpRequest request) {
        response = CLIENT.sendAsync(request, HttpResponse.BodyHandlers.ofLines());
        response.thenAccept(this::readInBackground);
    }

    public static SseClient connect(int port, String path, Map<String, String> headers) {
        var request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                .header("Accept", "text/event-stream").GET();
        headers.forEach(request::header);
        return new SseClient(request.build());
    }

    /** The response's status and headers, once they arrived. */
    public HttpResponse<Stream<String>> response() {
        try {
            return response.get(10, TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new IllegalStateException("No response", e);
        }
    }

    /** The next block of the stream, waiting at most {@code timeout}. */
    public Event next(Duration timeout) {
        try {
            Event event = events.poll(timeout.toMillis(), TimeUnit.MILLISECONDS);
            if (event == null) {
                fail("No server-sent event within " + timeout);
            }
            return event;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** The next block that is not a comment (heartbeats come whenever they are due). */
    public Event nextEvent(Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (true) {
            Event event = next(Duration.ofNanos(Math.max(1, deadline - System.nanoTime())));
            if (!":comment".equals(event.name())) {
                return event;
            }
        }
    }

    @Override
    public void close() {
        response.thenAccept(r -> r.body().close());
        response.cancel(true);
    }

    private void readInBackground(HttpResponse<Stream<String>> response) {
        Thread reader = new Thread(() -> read(response.body()), "sse-client");
        reader.setDaemon(true);
        reader.start();
    }

    private void read(Stream<String> lines) {
        var block = new Block();
        try {
            lines.forEach(line -> {
                if (line.isEmpty()) {
                    block.flush(events);
                } else if (line.startsWith(":")) {
                    events.add(new Event(null, ":comment", line.substring(1).strip(), null, System.nanoTime()));
                } else {
                    int colon = line.indexOf(':');
                    String field = colon < 0 ? line : line.substring(0, colon);
                    String value = colon < 0 ? "" : line.substring(colon + 1).replaceFirst("^ ", "");
                    block.add(field, value);
                }
            });
        } catch (RuntimeException e) {
            // closed by the test or by the server: the queue simply gets no more events
        }
    }

    private static final class Block {
        private String id;
        private String name;
        private StringBuilder data;
        private Long retry;
        private boolean any;

        void add(String field, String value) {
            any = true;
            switch (field) {
                case "id" -> id = value;
                case "event" -> name = value;
                case "retry" -> retry = Long.parseLong(value);
                case "data" -> data = data == null ? new StringBuilder(value) : data.append('\n').append(value);
                default -> { }
            }
        }

        void flush(BlockingQueue<Event> events) {
            if (any) {
                events.add(new Event(id, name, data == null ? null : data.toString(), retry, System.nanoTime()));
            }
            id = null;
            name = null;
            data = null;
            retry = null;
            any = false;
        }
    }
}
