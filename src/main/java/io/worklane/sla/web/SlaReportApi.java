package io.worklane.sla.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import io.worklane.identity.WorklaneUser;
import io.worklane.shared.web.ApiProblem;
import io.worklane.sla.BreachRow;
import io.worklane.sla.ComplianceRow;
import io.worklane.sla.SlaReports;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.time.YearMonth;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.UUID;

/** Service-level reports over the API: compliance and breaches, as JSON or CSV ({@code format=csv}). */
@RestController
@Tag(name = "Service levels", description = "Business calendars and business time")
class SlaReportApi {

    private static final String BASE = "/t/{tenant}/api/v1/sla/reports";
    private static final MediaType CSV = new MediaType("text", "csv", java.nio.charset.StandardCharsets.UTF_8);

    private final SlaReports reports;

    SlaReportApi(SlaReports reports) {
        this.reports = reports;
    }

    @GetMapping(path = BASE + "/compliance")
    @Operation(summary = "Compliance per month and policy metric (by=team: and team), of clocks stopped from..to (YYYY-MM); format=csv")
    ResponseEntity<?> compliance(@AuthenticationPrincipal WorklaneUser actor, @RequestParam String from,
                                 @RequestParam String to, @RequestParam(required = false) UUID policy,
                                 @RequestParam(required = false) UUID team, @RequestParam(required = false) String by,
                                 @RequestParam(required = false) String format) {
        if (by != null && !by.equals("team") && !by.equals("policy")) {
            throw ApiProblem.invalidField("by", "must be policy or team");
        }
        List<ComplianceRow> rows = reports.compliance(actor, month(from, "from"), month(to, "to"), policy, team, "team".equals(by));
        return "csv".equals(format) ? csv(SlaReports.csv(rows), "sla-compliance-" + from + "-" + to + ".csv")
                : ResponseEntity.ok(rows);
    }

    @GetMapping(path = BASE + "/breaches")
    @Operation(summary = "Clocks that breached from..to (YYYY-MM), newest first (at most 1000); format=csv")
    ResponseEntity<?> breaches(@AuthenticationPrincipal WorklaneUser actor, @RequestParam String from, @RequestParam String to,
                               @RequestParam(required = false) UUID policy, @RequestParam(required = false) UUID team,
                               @RequestParam(required = false) String format) {
        List<BreachRow> rows = reports.breaches(actor, month(from, "from"), month(to, "to"), policy, team);
        return "csv".equals(format) ? csv(SlaReports.breachesCsv(rows), "sla-breaches-" + from + "-" + to + ".csv")
                : ResponseEntity.ok(rows);
    }

    private static ResponseEntity<String> csv(String body, String filename) {
        return ResponseEntity.ok().contentType(CSV)
                .header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"" + filename + "\"").body(body);
    }

    private static YearMonth month(String text, String field) {
        try {
            return YearMonth.parse(text.strip());
        } catch (DateTimeParseException e) {
            throw ApiProblem.invalidField(field, "must be a month such as 2026-12");
        }
    }
}
