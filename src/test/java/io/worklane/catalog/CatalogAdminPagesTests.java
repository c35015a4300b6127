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

import static io.worklane.support.TestTenants.PASSWORD;
import static io.worklane.support.TestTenants.adminOf;
import static org.assertj.core.api.Assertions.assertThat;

/** Admins define offerings in the browser: the editor names every mistake beside its part, and saves versions. */
@WorklaneTest
class CatalogAdminPagesTests {

    @LocalServerPort
    int port;

    @Autowired
    TestTenants tenants;

    String slug;
    FormBrowser ada;

    @BeforeEach
    void anAdminSignedIn() {
        slug = tenants.stamp("catadmin").slug();
        ada = new FormBrowser(port);
        assertThat(ada.signIn(slug, adminOf(slug), PASSWORD).status()).isEqualTo(302);
    }

    @Test
    void anAdminCreatesAnOfferingFixingEachMistakeWhereItIsNamed() {
        var list = ada.get(page("/admin/catalog"));
        assertThat(list.body()).contains("New laptop", "1 stage(s)", "pre-authorised", "2 step(s)");

        var blank = ada.get(page("/admin/catalog/new"));
        Map<String, String> fields = offering(FormBrowser.csrfOf(blank), "{\"stages\": [{\"name\": \"Manager\", "
                + "\"approvers\": {\"kind\": \"boss\"}}]}", "{\"steps\": [oops]}");
        var refused = ada.form(page("/admin/catalog"), fields);
        assertThat(refused.status()).isEqualTo(422);
        assertThat(refused.body()).contains("fulfilment", "not valid here").contains("Monitor");

        fields.put("fulfilment", "{\"steps\": []}");
        var stillWrong = ada.form(page("/admin/catalog"), fields);
        assertThat(stillWrong.status()).isEqualTo(422);
        assertThat(stillWrong.body()).contains("approval.stages[0].approvers.kind: must be manager, team, people or admins");

        fields.put("approval", "{\"stages\": [{\"name\": \"Manager\", \"approvers\": {\"kind\": \"manager\"}}]}");
        var saved = ada.form(page("/admin/catalog"), fields);
        assertThat(saved.status()).as(saved.body()).isEqualTo(302);
        assertThat(ada.get(page("/admin/catalog")).body()).contains("Monitor", "Saved Monitor as version 1.");

        Http admin = Http.at(port).basic(adminOf(slug), PASSWORD);
        var created = admin.get("/t/" + slug + "/api/v1/catalog/offerings/monitor").json();
        assertThat(created.get("approval").get("stages").get(0).get("approvers").get("kind").asString()).isEqualTo("manager");
        assertThat(created.get("entitlement").get("roles")).extracting(r -> r.asString()).containsExactly("agent");
    }

    @Test
    void savingOverANewerVersionIsRefusedAndArchivingTakesItOut() {
        var editor = ada.get(page("/admin/catalog/database"));
        assertThat(editor.body()).contains("Database", "autoApprove", "Production", "Version 1;");
        Map<String, String> fields = offering(FormBrowser.csrfOf(editor), "{\"stages\": []}", "{\"steps\": []}");
        fields.put("version", "1");
        fields.put("name", "Database v2");
        assertThat(ada.form(page("/admin/catalog/database"), fields).status()).isEqualTo(302);

        fields.put("name", "Database from a stale page");
        var stale = ada.form(page("/admin/catalog/database"), fields);
        assertThat(stale.status()).isEqualTo(409);
        assertThat(stale.body()).contains("changed");

        var archived = ada.form(page("/admin/catalog/database/archive"), Map.of("_csrf", FormBrowser.csrfOf(editor), "archived", "true"));
        assertThat(archived.status()).isEqualTo(302);
        assertThat(ada.get(page("/catalog")).body()).doesNotContain("Database v2");
        assertThat(ada.get(page("/admin/catalog")).body()).contains("Database v2", "Put back");
    }

    @Test
    void onlyAdminsMayOpenIt() {
        Http admin = Http.at(port).basic(adminOf(slug), PASSWORD);
        admin.post("/t/" + slug + "/api/v1/users", Map.of("email", "agent@" + slug + ".test", "name", "Alex Agent",
                "password", PASSWORD, "roles", List.of("agent")));
        FormBrowser agent = new FormBrowser(port);
        agent.signIn(slug, "agent@" + slug + ".test", PASSWORD);
        assertThat(agent.get(page("/admin/catalog")).status()).isEqualTo(403);
        assertThat(agent.get(page("/admin/catalog/new-laptop")).status()).isEqualTo(403);
    }

    private static Map<String, String> offering(String csrf, String approval, String fulfilment) {
        Map<String, String> fields = new LinkedHashMap<>();
        fields.put("_csrf", csrf);
        fields.put("key", "monitor");
        fields.put("name", "Monitor");
        fields.put("category", "Hardware");
        fields.put("team", "OPS");
        fields.put("icon", "display");
        fields.put("description", "A second screen.");
        fields.put("roles", "agent");
        fields.put("form", "[{\"key\": \"size\", \"label\": \"Size\", \"kind\": \"choice\", \"options\": [\"24\", \"27\"]}]");
        fields.put("approval", approval);
        fields.put("fulfilment", fulfilment);
        return fields;
    }

    private String page(String path) {
        return "/t/" + slug + path;
    }
}
