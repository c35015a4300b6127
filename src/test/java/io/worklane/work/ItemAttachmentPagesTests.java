package io.worklane.work;

import io.worklane.support.FormBrowser;
import io.worklane.support.Http;
import io.worklane.support.TestTenants;
import io.worklane.support.WorklaneTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static io.worklane.support.TestTenants.PASSWORD;
import static io.worklane.support.TestTenants.adminOf;
import static org.assertj.core.api.Assertions.assertThat;

/** Attaching files on an item's page, as a browser without JavaScript does it. */
@WorklaneTest
class ItemAttachmentPagesTests {

    private static final int TEN_MEGABYTES = 10 * 1024 * 1024;

    @LocalServerPort
    int port;

    @Autowired
    TestTenants tenants;

    String slug;
    Http admin;
    FormBrowser browser;

    @BeforeEach
    void signInToAFreshTenant() {
        slug = tenants.stamp("attach").slug();
        admin = Http.at(port).basic(adminOf(slug), PASSWORD);
        browser = new FormBrowser(port);
        assertThat(browser.signIn(slug, adminOf(slug), PASSWORD).status()).isEqualTo(302);
    }

    @Test
    void aPngAttachedOnThePageIsListedAndDownloadsWithTheSafeHeaders() {
        String key = createByApi("Printer shows an error");
        byte[] png = AttachmentsApiTests.png(3_000);

        var attached = attach(browser, key, "error screen.png", "image/png", png);

        assertThat(attached.header("Location")).endsWith("/t/" + slug + "/items/" + key + "#attachments");
        String itemPage = follow(browser, attached).body();
        assertThat(itemPage).contains("Attached error screen.png.", ">error screen.png<", ">PNG<", "2.9 KB",
                "by Ada Admin", "attached error screen.png", ">Remove<");
        HttpResponse<byte[]> download = browser.download(downloadPath(itemPage, key));
        assertThat(download.statusCode()).isEqualTo(200);
        assertThat(download.body()).isEqualTo(png);
        assertThat(download.headers().firstValue("Content-Type")).hasValue("image/png");
        assertThat(download.headers().firstValue("Content-Disposition")).hasValue("attachment; filename*=UTF-8''error%20screen.png");
        assertThat(download.headers().firstValue("X-Content-Type-Options")).hasValue("nosniff");
        assertThat(download.headers().firstValue("Content-Security-Policy")).hasValue("sandbox; default-src 'none'");
    }

    @Test
    void htmlNamedPngIsRefusedWithTheReasonOnTheItemPage() {
        String key = createByApi("Suspicious mail");
        byte[] html = "<!DOCTYPE html><html><script>alert(document.cookie)</script></html>".getBytes(StandardCharsets.UTF_8);

        var refused = attach(browser, key, "cat.png", "image/png", html);

        String itemPage = follow(browser, refused).body();
        assertThat(itemPage).contains("id=\"attachment-error\"", "Not attached: cat.png is HTML, XML or SVG markup",
                "No files attached.").doesNotContain("<script>alert");
        assertThat(admin.get(api("/items/" + key + "/attachments")).json()).isEmpty();
    }

    @Test
    void aFileJustOverTheLimitIsRefusedOnThePageNotWithAnErrorPage() {
        String key = createByApi("Huge log");

        var refused = attach(browser, key, "huge.png", "image/png", AttachmentsApiTests.png(TEN_MEGABYTES + 1 - 8));

        assertThat(follow(browser, refused).body()).contains("The file is larger than 10 MB, the limit.");
        assertThat(admin.get(api("/items/" + key + "/attachments")).json()).isEmpty();
    }

    @Test
    void aFileFarOverTheLimitFromABrowserWithoutJavascriptGetsTheErrorPageWith413() {
        String key = createByApi("Disk image");
        String csrf = FormBrowser.csrfOf(browser.get(page("/items/" + key)));

        var refused = browser.upload(page("/items/" + key + "/attachments"), Map.of("_csrf", csrf), "file", "disk.img",
                "application/octet-stream", new byte[TEN_MEGABYTES + 256 * 1024]);

        assertThat(refused.status()).isEqualTo(413);
        assertThat(refused.header("Content-Type")).startsWith("text/html");
        assertThat(refused.body()).contains("<html", "Payload too large", "&#39;file&#39; must be at most")
                .doesNotContain("\"type\"");
        assertThat(admin.get(api("/items/" + key + "/attachments")).json()).isEmpty();
    }

    @Test
    void aRequesterWhoReportedTheItemAttachesAndOnlyTheUploaderOrAnAdminRemoves() {
        assertThat(admin.post(api("/users"), Map.of("email", "rita@" + slug + ".test", "name", "Rita Requester",
                "password", PASSWORD, "roles", List.of("requester"))).status()).isEqualTo(201);
        String key = Http.at(port).basic("rita@" + slug + ".test", PASSWORD)
                .post(api("/items"), Map.of("team", "OPS", "type", "Incident", "title", "Laptop will not boot"))
                .json().get("key").asString();
        FormBrowser rita = new FormBrowser(port);
        rita.signIn(slug, "rita@" + slug + ".test", PASSWORD);

        var attached = attach(rita, key, "boot.log", "text/plain", "kernel panic\n".getBytes(StandardCharsets.UTF_8));

        assertThat(follow(rita, attached).body()).contains(">boot.log<", "by Rita Requester", ">Remove<");
        String adminsPage = browser.get(page("/items/" + key)).body();
        assertThat(adminsPage).contains(">boot.log<", ">Remove<");
        String id = attachmentId(adminsPage, key);

        var removed = browser.form(page("/items/" + key + "/attachments/" + id + "/delete"),
                Map.of("_csrf", FormBrowser.csrfOf(browser.get(page("/items/" + key))), "filename", "boot.log"));

        assertThat(follow(browser, removed).body()).contains("Removed boot.log.", "No files attached.",
                "removed the attachment boot.log");
    }

    private Http.Response attach(FormBrowser who, String key, String filename, String type, byte[] content) {
        String csrf = FormBrowser.csrfOf(who.get(page("/items/" + key)));
        var answer = who.upload(page("/items/" + key + "/attachments"), Map.of("_csrf", csrf), "file", filename, type,
                content);
        assertThat(answer.status()).as(answer.toString()).isEqualTo(302);
        return answer;
    }

    private String downloadPath(String itemPage, String key) {
        return page("/items/" + key + "/attachments/" + attachmentId(itemPage, key));
    }

    private String attachmentId(String itemPage, String key) {
        Matcher link = Pattern.compile("href=\"/t/" + slug + "/items/" + key + "/attachments/([0-9a-f-]{36})\"")
                .matcher(itemPage);
        assertThat(link.find()).as("a download link in %s", itemPage).isTrue();
        return link.group(1);
    }

    private static Http.Response follow(FormBrowser who, Http.Response redirect) {
        assertThat(redirect.status()).as(redirect.toString()).isEqualTo(302);
        return who.get(redirect.header("Location").replaceFirst("^https?://[^/]+", "").replaceFirst("#.*$", ""));
    }

    private String createByApi(String title) {
        var created = admin.post(api("/items"), Map.of("team", "OPS", "type", "Incident", "title", title));
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        return created.json().get("key").asString();
    }

    private String page(String path) {
        return "/t/" + slug + path;
    }

    private String api(String path) {
        return "/t/" + slug + "/api/v1" + path;
    }
}
