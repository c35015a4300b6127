package io.worklane.support;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A browser without JavaScript, over plain HTTP: keeps cookies between requests, submits forms with
 * their CSRF token, follows no redirects. For tests of sessions and pages that need no real browser.
 */
public final class FormBrowser {

    private static final Pattern CSRF_FIELD = Pattern.compile("<input[^>]*\\bname=\"_csrf\"[^>]*>");
    private static final Pattern VALUE = Pattern.compile("\\bvalue=\"([^\"]+)\"");

    private final int port;
    private final Map<String, String> cookies = new LinkedHashMap<>();

    public FormBrowser(int port) {
        this.port = port;
    }

    public Map<String, String> cookies() {
        return cookies;
    }

    /** The {@code Cookie} header value of the session, for replaying it elsewhere. */
    public String sessionCookie() {
        return "SESSION=" + cookies.get("SESSION");
    }

    public Http.Response get(String path) {
        return remember(http().get(path));
    }

    public Http.Response form(String path, Map<String, String> fields) {
        return form(path, List.copyOf(fields.entrySet()));
    }

    /** Submits fields in order; a name may repeat (the boxes of a multiple choice). */
    public Http.Response form(String path, List<Map.Entry<String, String>> fields) {
        String body = fields.stream()
                .map(field -> encode(field.getKey()) + "=" + encode(field.getValue()))
                .collect(Collectors.joining("&"));
        return remember(http().send("POST", path, body, "application/x-www-form-urlencoded"));
    }

    /** Posts fields as a page's script does: with the session, asking for JSON back. */
    public Http.Response script(String path, Map<String, String> fields) {
        String body = fields.entrySet().stream()
                .map(field -> encode(field.getKey()) + "=" + encode(field.getValue()))
                .collect(Collectors.joining("&"));
        return remember(http().header("Accept", "application/json")
                .send("POST", path, body, "application/x-www-form-urlencoded"));
    }

    /** Submits a form with one file ({@code multipart/form-data}), its text fields first. */
    public Http.Response upload(String path, Map<String, String> fields, String field, String filename,
                                String contentType, byte[] content) {
        return remember(http().upload(path, fields, field, filename, contentType, content, false));
    }

    /** A GET whose body is kept as bytes (downloads). */
    public java.net.http.HttpResponse<byte[]> download(String path) {
        return http().download(path);
    }

    /** Opens the tenant's sign-in page and submits it, as a person would. */
    public Http.Response signIn(String slug, String email, String password) {
        String csrf = csrfOf(get("/t/" + slug + "/login"));
        return form("/t/" + slug + "/login", Map.of("email", email, "password", password, "_csrf", csrf));
    }

    public static String csrfOf(Http.Response page) {
        Matcher field = CSRF_FIELD.matcher(page.body());
        assertThat(field.find()).as("a _csrf field in %s", page.body()).isTrue();
        assertThat(field.group()).contains("type=\"hidden\"");
        Matcher value = VALUE.matcher(field.group());
        assertThat(value.find()).as("a value in %s", field.group()).isTrue();
        return value.group(1);
    }

    private Http http() {
        Http http = Http.at(port).header("Accept", "text/html");
        if (!cookies.isEmpty()) {
            http = http.header("Cookie", cookies.entrySet().stream()
                    .map(cookie -> cookie.getKey() + "=" + cookie.getValue()).collect(Collectors.joining("; ")));
        }
        return http;
    }

    private Http.Response remember(Http.Response response) {
        for (String setCookie : response.raw().headers().allValues("Set-Cookie")) {
            String pair = setCookie.split(";", 2)[0];
            int equals = pair.indexOf('=');
            String name = pair.substring(0, equals).strip();
            String value = pair.substring(equals + 1).strip();
            if (value.isEmpty() || setCookie.toLowerCase().contains("max-age=0")) {
                cookies.remove(name);
            } else {
                cookies.put(name, value);
            }
        }
        return response;
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
