package io.worklane.sla;

import io.worklane.support.Http;
import io.worklane.support.TestTenants;
import io.worklane.support.WorklaneTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static io.worklane.support.TestTenants.PASSWORD;
import static io.worklane.support.TestTenants.adminOf;
import static org.assertj.core.api.Assertions.assertThat;

/** Business calendars over the API: defined by admins, read by agents, business time computed on them. */
@WorklaneTest
class CalendarApiTests {

    @LocalServerPort
    int port;

    @Autowired
    TestTenants tenants;

    String slug;
    Http admin;

    @BeforeEach
    void aTenant() {
        slug = tenants.stamp("calendar").slug();
        admin = Http.at(port).basic(adminOf(slug), PASSWORD);
    }

    @Test
    void aNewTenantHasRoundTheClockAndOfficeHours() {
        JsonNode calendars = admin.get(api("")).json();
        List<String> names = new ArrayList<>();
        calendars.forEach(c -> names.add(c.get("name").asString()));
        assertThat(names).containsExactly("24x7", "Office hours");
    }

    @Test
    void anAdminDefinesALondonCalendarAndAsksWhenFourHoursFromFridayAfternoonFallDue() {
        var created = admin.post(api(""), london("UK support"));
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        String id = created.json().get("id").asString();
        assertThat(created.json().get("hours").get("MONDAY").get(0).get("from").asString()).isEqualTo("09:00");
        assertThat(created.json().get("holidays").get(0).get("yearly").asBoolean()).isTrue();

        // Friday 4 December 2026, 16:00 in London (GMT): two hours that day, two on Monday.
        JsonNode due = admin.get(api("/" + id + "/business-time?from=2026-12-04T16:00:00Z&add=PT4H")).json();
        assertThat(due.get("due").asString()).isEqualTo("2026-12-07T11:00:00Z");
        // Christmas Eve 2026 to the following Tuesday: only the 24th is worked.
        JsonNode spent = admin.get(api("/" + id + "/business-time?from=2026-12-24T00:00:00Z&to=2026-12-29T00:00:00Z")).json();
        assertThat(spent.get("minutes").asLong()).isEqualTo(8 * 60);

        var stale = admin.put(api("/" + id), london("UK support, renamed"));
        assertThat(stale.status()).isEqualTo(200);
        var again = admin.send("PUT", api("/" + id), Http.json(london("Stale")), "application/json");
        assertThat(again.status()).isEqualTo(200);
        var refused = Http.at(port).basic(adminOf(slug), PASSWORD).header("If-Match", "\"0\"").put(api("/" + id), london("Older"));
        assertThat(refused.status()).isEqualTo(409);
    }

    @Test
    void aBrokenCalendarIsNamedFieldByField() {
        var refused = admin.post(api(""), Map.of("name", "", "timeZone", "Mars/Olympus",
                "hours", Map.of("MONDAY", List.of(Map.of("from", "17:00", "to", "09:00")), "FUNDAY", List.of(),
                        "TUESDAY", List.of(Map.of("from", "09:00", "to", "13:00"), Map.of("from", "12:00", "to", "25:00"))),
                "holidays", List.of(Map.of("date", "2026-02-30", "name", "Nope"))));
        assertThat(refused.status()).isEqualTo(400);
        List<String> fields = new ArrayList<>();
        refused.json().get("errors").forEach(e -> fields.add(e.get("field").asString()));
        assertThat(fields).containsExactlyInAnyOrder("name", "timeZone", "hours.MONDAY[0].to", "hours.FUNDAY",
                "hours.TUESDAY[1].to", "holidays[0].date");
        assertThat(admin.get(api("/00000000-0000-0000-0000-000000000000")).status()).isEqualTo(404);
        assertThat(admin.get(api("/not-a-uuid")).status()).isEqualTo(400);
        String office = admin.get(api("")).json().get(1).get("id").asString();
        assertThat(admin.get(api("/" + office + "/business-time?from=yesterday&add=PT1H")).json().get("errors").get(0)
                .get("field").asString()).isEqualTo("from");
        assertThat(admin.get(api("/" + office + "/business-time?from=2026-12-04T16:00:00Z")).status()).isEqualTo(400);
        assertThat(admin.post(api(""), london("24x7")).status()).isEqualTo(409);
    }

    @Test
    void requestersMayNotReadThemAndAgentsMayNotChangeThem() {
        admin.post("/t/" + slug + "/api/v1/users", Map.of("email", "rita@" + slug + ".test", "name", "Rita",
                "password", PASSWORD, "roles", List.of("requester")));
        admin.post("/t/" + slug + "/api/v1/users", Map.of("email", "alex@" + slug + ".test", "name", "Alex",
                "password", PASSWORD, "roles", List.of("agent")));
        Http rita = Http.at(port).basic("rita@" + slug + ".test", PASSWORD);
        Http alex = Http.at(port).basic("alex@" + slug + ".test", PASSWORD);
        assertThat(rita.get(api("")).status()).isEqualTo(403);
        assertThat(alex.get(api("")).status()).isEqualTo(200);
        assertThat(alex.post(api(""), london("Mine")).status()).isEqualTo(403);

        String otherSlug = tenants.stamp("calendar-other").slug();
        String ours = admin.get(api("")).json().get(0).get("id").asString();
        assertThat(Http.at(port).basic(adminOf(otherSlug), PASSWORD).get("/t/" + otherSlug + "/api/v1/sla/calendars/" + ours)
                .status()).as("another tenant's calendar is not found").isEqualTo(404);
    }

    private static Map<String, Object> london(String name) {
        List<Map<String, String>> day = List.of(Map.of("from", "09:00", "to", "13:00"), Map.of("from", "14:00", "to", "18:00"));
        return Map.of("name", name, "timeZone", "Europe/London",
                "hours", Map.of("MONDAY", day, "TUESDAY", day, "WEDNESDAY", day, "THURSDAY", day, "FRIDAY", day),
                "holidays", List.of(Map.of("date", "2026-12-25", "name", "Christmas Day", "yearly", true),
                        Map.of("date", "2026-12-28", "name", "Boxing Day (substitute)")));
    }

    private String api(String path) {
        return "/t/" + slug + "/api/v1/sla/calendars" + path;
    }
}
