package io.worklane;

import io.worklane.support.Http;
import io.worklane.support.TestTenants;
import io.worklane.support.WorklaneTest;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

/** What operators and API clients find without signing in to a tenant. */
@WorklaneTest
class PlatformEndpointsTests {

    @LocalServerPort
    int port;

    @Test
    void reportsLivenessAndReadinessForLoadBalancers() {
        for (String probe : new String[]{"/actuator/health", "/actuator/health/liveness", "/actuator/health/readiness"}) {
            var response = Http.at(port).get(probe);
            assertThat(response.status()).as(probe).isEqualTo(200);
            assertThat(response.json().get("status").asString()).as(probe).isEqualTo("UP");
        }
    }

    @Test
    void exposesPrometheusMetricsToTheOperatorOnly() {
        assertThat(Http.at(port).get("/actuator/prometheus").status()).isEqualTo(401);

        var metrics = Http.at(port).bearer(TestTenants.OPERATOR_TOKEN).get("/actuator/prometheus");

        assertThat(metrics.status()).isEqualTo(200);
        assertThat(metrics.body()).contains("jvm_memory_used_bytes").contains("hikaricp_connections");
    }

    @Test
    void documentsTheOperatorAndTenantApisAsOpenApi() {
        var docs = Http.at(port).get("/v3/api-docs");

        assertThat(docs.status()).isEqualTo(200);
        var paths = docs.json().get("paths");
        assertThat(paths.has("/api/v1/tenants")).isTrue();
        assertThat(paths.has("/t/{tenant}/api/v1/me")).isTrue();
        assertThat(paths.has("/t/{tenant}/api/v1/users/{id}")).isTrue();
        assertThat(paths.has("/t/{tenant}/api/v1/types/{id}/workflow")).isTrue();
        assertThat(Http.at(port).get("/swagger-ui/index.html").status()).isEqualTo(200);
    }

    @Test
    void theRootPagePointsTheWay() {
        var root = Http.at(port).header("Accept", "text/html").get("/");

        assertThat(root.status()).isEqualTo(200);
        assertThat(root.body()).contains("/operator").contains("/swagger-ui.html");
    }
}
