package io.worklane.shared.database;

import io.worklane.WorklaneApplication;
import io.worklane.support.FormBrowser;
import io.worklane.support.Http;
import io.worklane.support.TestTenants;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;

import java.net.InetSocketAddress;
import java.net.Socket;
import java.sql.DriverManager;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The same build runs against an external PostgreSQL (WORKLANE_DATABASE_URL), and two nodes on one
 * database serve the same tenants and the same signed-in sessions. Runs where a server listens on
 * 127.0.0.1:5432 with trust authentication (as on CI), in a database of its own that it drops after.
 */
class ExternalDatabaseTests {

    private static final String SERVER = "jdbc:postgresql://127.0.0.1:5432/";
    private static final String DATABASE = "worklane_test_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);

    private static ConfigurableApplicationContext nodeA;
    private static ConfigurableApplicationContext nodeB;

    @BeforeAll
    static void startTwoNodesOnOneExternalDatabase() throws Exception {
        Assumptions.assumeTrue(listening(), "no PostgreSQL server on 127.0.0.1:5432");
        try (var connection = DriverManager.getConnection(SERVER + "postgres", "postgres", "")) {
            connection.createStatement().execute("create database " + DATABASE);
        }
        nodeA = node();
        nodeB = node();
    }

    @AfterAll
    static void stopNodesAndDropTheDatabase() throws Exception {
        if (nodeB != null) {
            nodeB.close();
        }
        if (nodeA != null) {
            nodeA.close();
        }
        if (listening()) {
            try (var connection = DriverManager.getConnection(SERVER + "postgres", "postgres", "")) {
                connection.createStatement().execute("drop database if exists " + DATABASE + " with (force)");
            }
        }
    }

    @Test
    void aTenantStampedOnOneNodeIsServedByTheOther() throws Exception {
        String slug = TestTenants.uniqueSlug("ext");

        var stamped = http(nodeA).bearer(TestTenants.OPERATOR_TOKEN).post("/api/v1/tenants", TestTenants.stampBody(slug));
        assertThat(stamped.status()).isEqualTo(201);

        var me = http(nodeB).basic(TestTenants.adminOf(slug), TestTenants.PASSWORD).get("/t/" + slug + "/api/v1/me");
        assertThat(me.status()).isEqualTo(200);
        try (var connection = DriverManager.getConnection(SERVER + DATABASE, "postgres", "");
             var result = connection.createStatement().executeQuery(
                     "select count(*) from information_schema.schemata where schema_name = 'tenant_" + slug.replace('-', '_') + "'")) {
            result.next();
            assertThat(result.getInt(1)).as("the tenant's schema is in the external database").isEqualTo(1);
        }
    }

    @Test
    void aSessionStartedOnOneNodeIsHonouredByTheOther() {
        String slug = TestTenants.uniqueSlug("sess");
        http(nodeA).bearer(TestTenants.OPERATOR_TOKEN).post("/api/v1/tenants", TestTenants.stampBody(slug));

        var browser = new FormBrowser(((WebServerApplicationContext) nodeA).getWebServer().getPort());
        assertThat(browser.signIn(slug, TestTenants.adminOf(slug), TestTenants.PASSWORD).status()).isEqualTo(302);
        String session = browser.sessionCookie();

        var home = http(nodeB).header("Cookie", session).get("/t/" + slug + "/");

        assertThat(home.status()).isEqualTo(200);
        assertThat(home.body()).contains("Ada Admin");
    }

    private static ConfigurableApplicationContext node() {
        return new SpringApplicationBuilder(WorklaneApplication.class)
                .profiles("test")
                .run("--server.port=0",
                        "--worklane.database.url=" + SERVER + DATABASE,
                        "--worklane.database.username=postgres",
                        "--worklane.database.password=");
    }

    private static Http http(ConfigurableApplicationContext node) {
        return Http.at(((WebServerApplicationContext) node).getWebServer().getPort());
    }

    private static boolean listening() {
        try (var socket = new Socket()) {
            socket.connect(new InetSocketAddress("127.0.0.1", 5432), 500);
            return true;
        } catch (Exception e) {
            return false;
        }
    }
}
