package io.worklane.work;

import io.worklane.support.Http;
import io.worklane.support.TestTenants;
import io.worklane.support.WorklaneTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Random;

import static io.worklane.support.TestTenants.PASSWORD;
import static io.worklane.support.TestTenants.adminOf;
import static org.assertj.core.api.Assertions.assertThat;

/** Files attached to items over the API: what goes in is checked, what comes out is never active content. */
@WorklaneTest
class AttachmentsApiTests {

    static final int TEN_MEGABYTES = 10 * 1024 * 1024;

    @LocalServerPort
    int port;

    @Autowired
    TestTenants tenants;

    String slug;
    Http admin;
    String key;

    @BeforeEach
    void stampATenantWithAnItem() {
        slug = tenants.stamp("attach").slug();
        admin = Http.at(port).basic(adminOf(slug), PASSWORD);
        key = createItem(admin, "Incident", "Printer prints only question marks");
    }

    @Test
    void anUploadedImageIsListedAndDownloadsAsTheSameBytesWithSafeHeaders() throws Exception {
        byte[] png = png(5_000);

        var uploaded = admin.upload(attachments(), "file", "screen shot.png", "image/png", png, false);

        assertThat(uploaded.status()).as(uploaded.body()).isEqualTo(201);
        JsonNode attachment = uploaded.json();
        String id = attachment.get("id").asString();
        assertThat(uploaded.header("Location")).endsWith("/items/" + key + "/attachments/" + id);
        assertThat(attachment.get("filename").asString()).isEqualTo("screen shot.png");
        assertThat(attachment.get("contentType").asString()).isEqualTo("image/png");
        assertThat(attachment.get("size").asLong()).isEqualTo(png.length);
        assertThat(attachment.get("sha256").asString()).isEqualTo(sha256(png));
        assertThat(attachment.get("uploadedBy").get("name").asString()).isEqualTo("Ada Admin");
        assertThat(attachment.get("uploadedAt").isNull()).isFalse();

        JsonNode list = admin.get(attachments()).json();
        assertThat(list).hasSize(1);
        assertThat(list.get(0).get("id").asString()).isEqualTo(id);

        HttpResponse<byte[]> download = admin.download(attachments() + "/" + id);
        assertThat(download.statusCode()).isEqualTo(200);
        assertThat(download.body()).isEqualTo(png);
        assertThat(header(download, "Content-Type")).isEqualTo("image/png");
        assertThat(header(download, "Content-Disposition")).isEqualTo("attachment; filename*=UTF-8''screen%20shot.png");
        assertThat(header(download, "X-Content-Type-Options")).isEqualTo("nosniff");
        assertThat(header(download, "Content-Security-Policy")).isEqualTo("sandbox; default-src 'none'");

        HttpResponse<byte[]> shown = admin.download(attachments() + "/" + id + "?inline=true");
        assertThat(header(shown, "Content-Disposition")).startsWith("inline; ");
    }

    @Test
    void textIsServedAsAnAttachmentEvenWhenAskedInline() {
        byte[] log = "2026-05-01 10:00:01 ERROR spooler: out of paper\n".getBytes(StandardCharsets.UTF_8);
        String id = admin.upload(attachments(), "file", "../../etc/spool\u0007er.log", "text/plain", log, false)
                .json().get("id").asString();

        HttpResponse<byte[]> download = admin.download(attachments() + "/" + id + "?inline=true");

        assertThat(download.body()).isEqualTo(log);
        assertThat(header(download, "Content-Type")).isEqualToIgnoringCase("text/plain;charset=UTF-8");
        assertThat(header(download, "Content-Disposition")).isEqualTo("attachment; filename*=UTF-8''spooler.log");
    }

    @Test
    void aFileOverTheLimitIsRefusedWith413NamingTheFieldAndNothingIsStored() {
        byte[] oversized = png(TEN_MEGABYTES + 1 - 8);

        var declared = admin.upload(attachments(), "file", "huge.png", "image/png", oversized, false);
        var chunked = admin.upload(attachments(), "file", "huge.png", "image/png", oversized, true);

        for (var refused : List.of(declared, chunked)) {
            assertThat(refused.status()).as(refused.body()).isEqualTo(413);
            assertThat(refused.contentType()).startsWith("application/problem+json");
            assertThat(refused.json().get("errors").get(0).get("field").asString()).isEqualTo("file");
        }
        assertThat(admin.get(attachments()).json()).isEmpty();
        assertThat(admin.upload(attachments(), "file", "limit.png", "image/png", png(TEN_MEGABYTES - 8), true).status())
                .isEqualTo(201);
    }

    @Test
    void htmlRenamedToPngIsRefusedWith415() {
        byte[] html = "<!DOCTYPE html><html><script>alert(document.cookie)</script></html>".getBytes(StandardCharsets.UTF_8);

        var asPng = admin.upload(attachments(), "file", "cat.png", "image/png", html, false);
        var asBytes = admin.upload(attachments(), "file", "cat.png", "application/octet-stream", html, false);
        var asText = admin.upload(attachments(), "file", "cat.txt", "text/plain", html, false);

        for (var refused : List.of(asPng, asBytes, asText)) {
            assertThat(refused.status()).as(refused.body()).isEqualTo(415);
            assertThat(refused.json().get("type").asString()).endsWith("/unsupported-attachment");
            assertThat(refused.json().get("errors").get(0).get("field").asString()).isEqualTo("file");
        }
        assertThat(admin.get(attachments()).json()).isEmpty();
    }

    @Test
    void aDeclaredTypeThatContradictsTheBytesIsRefused() {
        var refused = admin.upload(attachments(), "file", "scan", "application/pdf", png(100), false);

        assertThat(refused.status()).isEqualTo(415);
        assertThat(refused.json().get("detail").asString()).contains("application/pdf").contains("PNG");
    }

    @Test
    void aRequesterAttachesToWhatTheyReportedButCannotSeeOtherWork() {
        Http rita = requester("rita@example.com");
        String theirs = createItem(rita, "Service request", "New monitor");

        var attached = rita.upload("/t/" + slug + "/api/v1/items/" + theirs + "/attachments", "file", "quote.pdf",
                "application/pdf", "%PDF-1.7\n%fake but magic is enough\n".getBytes(StandardCharsets.UTF_8), false);

        assertThat(attached.status()).as(attached.body()).isEqualTo(201);
        assertThat(attached.json().get("contentType").asString()).isEqualTo("application/pdf");
        assertThat(rita.upload(attachments(), "file", "x.png", "image/png", png(10), false).status()).isEqualTo(404);
        assertThat(rita.get(attachments()).status()).isEqualTo(404);
    }

    @Test
    void theUploaderOrAnAdminRemovesAnAttachmentAndTheHistoryKeepsBoth() {
        Http rita = requester("rory@example.com");
        String theirs = createItem(rita, "Service request", "Broken chair");
        String path = "/t/" + slug + "/api/v1/items/" + theirs + "/attachments";
        String id = admin.upload(path, "file", "invoice.pdf", null, "%PDF-1.4\n".getBytes(StandardCharsets.UTF_8), false)
                .json().get("id").asString();

        assertThat(rita.delete(path + "/" + id).status()).isEqualTo(403);
        assertThat(admin.delete(path + "/" + id).status()).isEqualTo(204);

        assertThat(admin.get(path).json()).isEmpty();
        assertThat(admin.download(path + "/" + id).statusCode()).isEqualTo(404);
        assertThat(admin.delete(path + "/" + id).status()).isEqualTo(404);
        List<String> kinds = new ArrayList<>();
        JsonNode history = admin.get("/t/" + slug + "/api/v1/items/" + theirs + "/history").json();
        history.forEach(h -> kinds.add(h.get("kind").asString() + ":" + text(h.get("from")) + ">" + text(h.get("to"))));
        assertThat(kinds).contains("attachment_added:>invoice.pdf", "attachment_removed:invoice.pdf>");
    }

    @Test
    void anotherTenantsTokenFindsNoAttachments() {
        String id = admin.upload(attachments(), "file", "secret.txt", "text/plain",
                "top secret".getBytes(StandardCharsets.UTF_8), false).json().get("id").asString();
        String other = tenants.stamp("other").slug();
        String token = Http.at(port).basic(adminOf(other), PASSWORD)
                .post("/t/" + other + "/api/v1/me/tokens", Map.of("name", "probe")).json().get("secret").asString();
        Http intruder = Http.at(port).bearer(token);
        String ownPath = "/t/" + other + "/api/v1/items/" + key + "/attachments";

        assertThat(intruder.get(ownPath).status()).isEqualTo(404);
        assertThat(intruder.download(ownPath + "/" + id).statusCode()).isEqualTo(404);
        assertThat(intruder.upload(ownPath, "file", "x.txt", "text/plain", "hi".getBytes(StandardCharsets.UTF_8), false)
                .status()).isEqualTo(404);
        assertThat(intruder.get(attachments()).status()).isEqualTo(404);
        assertThat(intruder.download(attachments() + "/" + id).statusCode()).isEqualTo(404);
    }

    @Test
    void anUploadWithoutTheFileFieldNamesIt() {
        var refused = admin.upload(attachments(), "attachment", "a.txt", "text/plain",
                "hi".getBytes(StandardCharsets.UTF_8), false);

        assertThat(refused.status()).isEqualTo(400);
        assertThat(refused.json().get("errors").get(0).get("field").asString()).isEqualTo("file");
    }

    @Test
    void multipartIsRefusedWhereNoFileIsExpected() {
        var refused = admin.upload("/t/" + slug + "/api/v1/items/" + key + "/comments", "file", "a.txt", "text/plain",
                "hi".getBytes(StandardCharsets.UTF_8), true);

        assertThat(refused.status()).isEqualTo(415);
    }

    // --- helpers ---

    private String attachments() {
        return "/t/" + slug + "/api/v1/items/" + key + "/attachments";
    }

    private String createItem(Http as, String type, String title) {
        var created = as.post("/t/" + slug + "/api/v1/items", Map.of("team", "OPS", "type", type, "title", title));
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        return created.json().get("key").asString();
    }

    private Http requester(String email) {
        assertThat(admin.post("/t/" + slug + "/api/v1/users", Map.of("email", email, "name", "Rita Requester",
                "password", PASSWORD, "roles", List.of("requester"))).status()).isEqualTo(201);
        return Http.at(port).basic(email, PASSWORD);
    }

    /** Bytes that start as a PNG does; nothing here decodes the image, so the rest may be noise. */
    static byte[] png(int noise) {
        byte[] bytes = new byte[8 + noise];
        new Random(noise).nextBytes(bytes);
        System.arraycopy(new byte[]{(byte) 0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A}, 0, bytes, 0, 8);
        return bytes;
    }

    static String sha256(byte[] bytes) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
    }

    private static String header(HttpResponse<?> response, String name) {
        return response.headers().firstValue(name).orElse(null);
    }

    private static String text(JsonNode node) {
        return node == null || node.isNull() ? "" : node.asString();
    }
}
