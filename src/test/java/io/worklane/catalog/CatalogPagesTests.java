package io.worklane.catalog;

import io.worklane.support.FormBrowser;
import io.worklane.support.Http;
import io.worklane.support.TestTenants;
import io.worklane.support.WorklaneTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static io.worklane.support.TestTenants.PASSWORD;
import static io.worklane.support.TestTenants.adminOf;
import static org.assertj.core.api.Assertions.assertThat;

/** The requester's portal as a browser without JavaScript uses it: browse, order with a form, follow. */
@WorklaneTest
class CatalogPagesTests {

    private static final Pattern ORDER_KEY = Pattern.compile("name=\"orderKey\" value=\"([0-9a-f-]{36})\"");

    @LocalServerPort
    int port;

    @Autowired
    TestTenants tenants;

    String slug;
    FormBrowser rita;

    @BeforeEach
    void aRequesterSignedIn() {
        slug = tenants.stamp("portal").slug();
        Http admin = Http.at(port).basic(adminOf(slug), PASSWORD);
        assertThat(admin.post("/t/" + slug + "/api/v1/users", Map.of("email", "rita@example.com", "name", "Rita Requester",
                "password", PASSWORD, "roles", List.of("requester"))).status()).isEqualTo(201);
        rita = new FormBrowser(port);
        assertThat(rita.signIn(slug, "rita@example.com", PASSWORD).status()).isEqualTo(302);
    }

    @Test
    void aRequesterFindsAnOfferingOrdersItAndSeesTheRequestInTheirList() {
        var catalog = rita.get(page("/catalog?q=laptop"));
        assertThat(catalog.status()).isEqualTo(200);
        assertThat(catalog.body()).contains("New laptop", "Delivered by").doesNotContain("Database");

        var form = rita.get(page("/catalog/new-laptop"));
        assertThat(form.body()).contains("Keyboard layout", "<option value=\"US\" selected=\"selected\">US</option>");

        var refused = rita.form(page("/catalog/new-laptop"), fields(form, "answer.model", "Developer 16-inch"));
        assertThat(refused.status()).isEqualTo(422);
        assertThat(refused.body()).contains("is required", "aria-invalid=\"true\"", "Developer 16-inch");

        var ordered = rita.form(page("/catalog/new-laptop"), fields(refused, "answer.model", "Developer 16-inch",
                "answer.keyboard", "DE", "answer.neededBy", "2026-12-24"));
        assertThat(ordered.status()).as(ordered.body()).isEqualTo(302);
        var again = rita.form(page("/catalog/new-laptop"), fields(refused, "answer.model", "Developer 16-inch",
                "answer.keyboard", "DE", "answer.neededBy", "2026-12-24"));
        assertThat(again.status()).isEqualTo(302);

        var requests = rita.get(page("/requests"));
        assertThat(requests.body()).contains("New laptop ordered: OPS-", "New laptop", ">Open<");
        assertThat(requests.body().split("<tr>", -1)).as("one request, however often the form was sent").hasSize(3);
    }

    @Test
    void aPersonFieldTakesAnEmailAddressAndNamesAnUnknownOne() {
        var form = rita.get(page("/catalog/password-reset"));

        var unknown = rita.form(page("/catalog/password-reset"), fields(form, "answer.system", "VPN",
                "answer.forSomeoneElse", "true", "answer.person", "nobody@example.com"));
        assertThat(unknown.status()).isEqualTo(422);
        assertThat(unknown.body()).contains("there is no one with the e-mail address nobody@example.com");

        var ordered = rita.form(page("/catalog/password-reset"), fields(form, "answer.system", "VPN",
                "answer.forSomeoneElse", "true", "answer.person", adminOf(slug)));
        assertThat(ordered.status()).as(ordered.body()).isEqualTo(302);
    }

    @Test
    void anAgentWorksThroughTheManualStepsOnTheRequestPageAndTheRequesterSeesThemDone() {
        var form = rita.get(page("/catalog/new-laptop"));
        var ordered = rita.form(page("/catalog/new-laptop"), fields(form, "answer.model", "Standard 14-inch",
                "answer.keyboard", "UK", "answer.neededBy", "2026-12-24"));
        assertThat(ordered.status()).isEqualTo(302);
        String link = Pattern.compile("href=\"(/t/[^\"]+/requests/[0-9a-f-]{36})\"").matcher(rita.get(page("/requests")).body())
                .results().map(m -> m.group(1)).findFirst().orElseThrow();
        FormBrowser ada = new FormBrowser(port);
        assertThat(ada.signIn(slug, adminOf(slug), PASSWORD).status()).isEqualTo(302);

        // A new laptop needs the requester's manager; Rita has none recorded, so the admins are asked.
        var pending = ada.get(link);
        assertThat(pending.body()).contains("waiting for approval", "Approve or reject").doesNotContain("/steps/prepare/complete");
        assertThat(rita.get(link).body()).contains("Ada Admin (approval)").doesNotContain("Approve or reject");
        String approval = Pattern.compile("href=\"(/t/[^\"]+/approvals/[0-9a-f-]{36})\"").matcher(pending.body())
                .results().map(m -> m.group(1)).findFirst().orElseThrow();
        var approved = ada.form(approval + "/decision", Map.of("_csrf", FormBrowser.csrfOf(ada.get(approval)),
                "decision", "approve", "comment", "Budgeted"));
        assertThat(approved.status()).isEqualTo(302);

        // Approval releases the run; its first stage starts in a job right after the commit.
        org.awaitility.Awaitility.await().atMost(java.time.Duration.ofSeconds(10))
                .until(() -> ada.get(link).body().contains("/steps/prepare/complete"));
        var before = ada.get(link);
        assertThat(before.body()).contains("prepare", "deliver", "240 min", "under way", "/steps/prepare/complete")
                .doesNotContain("/steps/deliver/complete");
        assertThat(rita.get(link).body()).contains("prepare").doesNotContain("/steps/prepare/complete");

        var done = ada.form(link + "/steps/prepare/complete", Map.of("_csrf", FormBrowser.csrfOf(before), "note", "Imaged"));
        assertThat(done.status()).isEqualTo(302);
        org.awaitility.Awaitility.await().atMost(java.time.Duration.ofSeconds(10))
                .until(() -> ada.get(link).body().contains("/steps/deliver/complete"));
        var delivered = ada.form(link + "/steps/deliver/complete", Map.of("_csrf", FormBrowser.csrfOf(ada.get(link))));
        assertThat(delivered.status()).isEqualTo(302);

        org.awaitility.Awaitility.await().atMost(java.time.Duration.ofSeconds(10))
                .until(() -> rita.get(link).body().contains("fulfilled"));
        assertThat(rita.get(link).body()).contains(">Done<", "Imaged", "Ada Admin");
        var asked = rita.form(link + "/comments", Map.of("_csrf", FormBrowser.csrfOf(rita.get(link)), "body", "Thanks, it **works**"));
        assertThat(asked.status()).isEqualTo(302);
        assertThat(ada.get(link).body()).contains("Thanks, it <strong>works</strong>");
        var receipt = rita.get(link + "/receipt");
        assertThat(receipt.status()).isEqualTo(200);
        assertThat(receipt.body()).contains("Service receipt OPS-", "Rita Requester", "300 min", "Ada Admin: Imaged", "UK",
                "Budgeted", "no manager is recorded, so the admins are asked");
    }

    private static Map<String, String> fields(Http.Response page, String... pairs) {
        Map<String, String> fields = new LinkedHashMap<>();
        fields.put("_csrf", FormBrowser.csrfOf(page));
        Matcher key = ORDER_KEY.matcher(page.body());
        assertThat(key.find()).as("the form carries its order key").isTrue();
        fields.put("orderKey", key.group(1));
        for (int i = 0; i < pairs.length; i += 2) {
            fields.put(pairs[i], pairs[i + 1]);
        }
        return fields;
    }

    private String page(String path) {
        return "/t/" + slug + path;
    }
}
