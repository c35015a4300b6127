package io.worklane.support;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;

/** A plain HTTP client for tests: what a real API client sends and sees, nothing mocked. */
public final class Http {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final HttpClient CLIENT = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();

    private final String base;
    private final Map<String, String> headers;

    private Http(String base, Map<String, String> headers) {
        this.base = base;
        this.headers = headers;
    }

    public static Http at(int port) {
        return new Http("http://localhost:" + port, new LinkedHashMap<>());
    }

    public Http header(String name, String value) {
        var copy = new LinkedHashMap<>(headers);
        copy.put(name, value);
        return new Http(base, copy);
    }

    public Http bearer(String token) {
        return header("Authorization", "Bearer " + token);
    }

    public Http basic(String user, String password) {
        return header("Authorization", "Basic " + Base64.getEncoder()
                .encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8)));
    }

    public Response get(String path) {
        return send("GET", path, null, null);
    }

    public Response delete(String path) {
        return send("DELETE", path, null, null);
    }

    public Response post(String path, Object body) {
        return send("POST", path, json(body), "application/json");
    }

    public Response put(String path, Object body) {
        return send("PUT", path, body == null ? null : json(body), "application/json");
    }

    public Response patch(String path, Object body) {
        return send("PATCH", path, json(body), "application/json");
    }

    /**
     * Uploads one file as multipart/form-data field {@code field}; {@code chunked} streams it without a
     * Content-Length, as a client piping a file would.
     */
    public Response upload(String path, String field, String filename, String contentType, byte[] content,
                           boolean chunked) {
        return upload(path, Map.of(), field, filename, contentType, content, chunked);
    }

    /** Uploads one file as {@link #upload(String, String, String, String, byte[], boolean)} does, after text fields. */
    public Response upload(String path, Map<String, String> fields, String field, String filename, String contentType,
                           byte[] content, boolean chunked) {
        String boundary = "worklane-test-" + System.nanoTime();
        var body = new java.io.ByteArrayOutputStream();
        fields.forEach((name, value) -> body.writeBytes(("--" + boundary + "\r\nContent-Disposition: form-data; name=\""
                + name + "\"\r\n\r\n" + value + "\r\n").getBytes(StandardCharsets.UTF_8)));
        body.writeBytes(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"" + field + "\"; filename=\""
                + filename + "\"\r\n" + (contentType == null ? "" : "Content-Type: " + contentType + "\r\n") + "\r\n")
                .getBytes(StandardCharsets.UTF_8));
        body.writeBytes(content);
        body.writeBytes(("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
        byte[] bytes = body.toByteArray();
        var request = HttpRequest.newBuilder(URI.create(base + path)).POST(chunked
                ? HttpRequest.BodyPublishers.ofInputStream(() -> new java.io.ByteArrayInputStream(bytes))
                : HttpRequest.BodyPublishers.ofByteArray(bytes));
        headers.forEach(request::header);
        request.header("Content-Type", "multipart/form-data; boundary=" + boundary);
        return new Response(exchange(request.build(), HttpResponse.BodyHandlers.ofString()));
    }

    /** A GET whose body is kept as bytes (downloads). */
    public HttpResponse<byte[]> download(String path) {
        var request = HttpRequest.newBuilder(URI.create(base + path)).GET();
        headers.forEach(request::header);
        return exchange(request.build(), HttpResponse.BodyHandlers.ofByteArray());
    }

    private static <T> HttpResponse<T> exchange(HttpRequest request, HttpResponse.BodyHandler<T> handler) {
        try {
            return CLIENT.send(request, handler);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** Sends a raw body exactly as given, for malformed and oversized requests. */
    public Response send(String method, String path, String body, String contentType) {
        var request = HttpRequest.newBuilder(URI.create(base + path))
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
        headers.forEach(request::header);
        if (contentType != null) {
            request.header("Content-Type", contentType);
        }
        return new Response(exchange(request.build(), HttpResponse.BodyHandlers.ofString()));
    }

    public static String json(Object body) {
        return body instanceof String s ? s : JSON.writeValueAsString(body);
    }

    /** A response, with its body parsed as JSON when it is JSON. */
    public record Response(HttpResponse<String> raw) {

        public int status() {
            return raw.statusCode();
        }

        public String body() {
            return raw.body();
        }

        public JsonNode json() {
            return JSON.readTree(raw.body());
        }

        public String header(String name) {
            return raw.headers().firstValue(name).orElse(null);
        }

        public String contentType() {
            return header("Content-Type");
        }

        @Override
        public String toString() {
            return raw.statusCode() + " " + raw.body();
        }
    }
}
