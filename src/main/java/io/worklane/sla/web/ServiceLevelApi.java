package io.worklane.sla.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import io.worklane.identity.WorklaneUser;
import io.worklane.shared.web.ApiProblem;
import io.worklane.shared.web.Versions;
import io.worklane.sla.Calendar;
import io.worklane.sla.CalendarDefinition;
import io.worklane.sla.ServiceLevels;
import org.springframework.http.HttpHeaders;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.UUID;

/** The tenant API of service levels: business calendars, and business time on them. */
@RestController
@Tag(name = "Service levels", description = "Business calendars and business time")
class ServiceLevelApi {

    private static final String BASE = "/t/{tenant}/api/v1/sla/calendars";

    private final ServiceLevels levels;

    ServiceLevelApi(ServiceLevels levels) {
        this.levels = levels;
    }

    /** Business time on a calendar: between two instants, or when an amount after one falls due. */
    record BusinessTime(Instant from, Instant to, Long minutes, Instant due) {
    }

    @GetMapping(path = BASE, produces = "application/json")
    @Operation(summary = "The tenant's business calendars (agents and admins)")
    List<Calendar> calendars(@AuthenticationPrincipal WorklaneUser actor) {
        return levels.calendars(actor);
    }

    @PostMapping(path = BASE, consumes = "application/json", produces = "application/json")
    @Operation(summary = "Define a calendar: time zone, hours per weekday, holidays (admins)")
    ResponseEntity<Calendar> create(@AuthenticationPrincipal WorklaneUser actor, @RequestBody CalendarDefinition definition) {
        Calendar calendar = levels.create(actor, definition);
        return ResponseEntity.created(URI.create("/t/" + actor.tenantSlug() + "/api/v1/sla/calendars/" + calendar.id()))
                .eTag(Versions.etag(calendar.version())).body(calendar);
    }

    @GetMapping(path = BASE + "/{id}", produces = "application/json")
    @Operation(summary = "One calendar")
    ResponseEntity<Calendar> calendar(@AuthenticationPrincipal WorklaneUser actor, @PathVariable UUID id) {
        Calendar calendar = levels.calendar(actor, id);
        return ResponseEntity.ok().eTag(Versions.etag(calendar.version())).body(calendar);
    }

    @PutMapping(path = BASE + "/{id}", consumes = "application/json", produces = "application/json")
    @Operation(summary = "Replace a calendar (admins); send If-Match")
    ResponseEntity<Calendar> update(@AuthenticationPrincipal WorklaneUser actor, @PathVariable UUID id,
                                    @RequestBody CalendarDefinition definition,
                                    @RequestHeader(value = HttpHeaders.IF_MATCH, required = false) String ifMatch) {
        Calendar calendar = levels.update(actor, id, definition, Versions.ifMatch(ifMatch));
        return ResponseEntity.ok().eTag(Versions.etag(calendar.version())).body(calendar);
    }

    @DeleteMapping(path = BASE + "/{id}")
    @Operation(summary = "Delete a calendar (admins)")
    ResponseEntity<Void> delete(@AuthenticationPrincipal WorklaneUser actor, @PathVariable UUID id) {
        levels.delete(actor, id);
        return ResponseEntity.noContent().build();
    }

    @GetMapping(path = BASE + "/{id}/business-time", produces = "application/json")
    @Operation(summary = "Business minutes between from and to, or (with add=PT4H) when that much business time after from falls due")
    BusinessTime businessTime(@AuthenticationPrincipal WorklaneUser actor, @PathVariable UUID id,
                              @RequestParam String from, @RequestParam(required = false) String to,
                              @RequestParam(required = false) String add) {
        Instant start = instant(from, "from");
        if ((to == null) == (add == null)) {
            throw ApiProblem.invalidField(to == null ? "to" : "add", "give either to (an instant) or add (a duration such as PT4H)");
        }
        if (to != null) {
            Instant end = instant(to, "to");
            return new BusinessTime(start, end, levels.businessTime(actor, id, start, end).toMinutes(), null);
        }
        Duration amount;
        try {
            amount = Duration.parse(add.strip());
        } catch (DateTimeParseException e) {
            throw ApiProblem.invalidField("add", "must be an ISO-8601 duration such as PT4H or P2DT30M");
        }
        if (amount.isNegative() || amount.compareTo(Duration.ofDays(3650)) > 0) {
            throw ApiProblem.invalidField("add", "must be from zero to ten years");
        }
        return new BusinessTime(start, null, amount.toMinutes(), levels.due(actor, id, start, amount));
    }

    private static Instant instant(String text, String field) {
        try {
            return Instant.parse(text.strip());
        } catch (DateTimeParseException e) {
            throw ApiProblem.invalidField(field, "must be an instant such as 2026-12-04T16:00:00Z");
        }
    }
}
