package io.worklane.sla.web;

import io.worklane.identity.WorklaneUser;
import io.worklane.shared.web.ApiProblem;
import io.worklane.sla.ComplianceRow;
import io.worklane.sla.SlaReports;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

import java.time.YearMonth;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The service-level report page: compliance per policy metric and month as charts and a table, for a
 * manager; the same as CSV through the API links it shows.
 */
@Controller
class SlaReportPages {

    private final SlaReports reports;

    SlaReportPages(SlaReports reports) {
        this.reports = reports;
    }

    /** A chart of one policy metric, and its rows. */
    record Section(String title, String svg, List<ComplianceRow> rows) {
    }

    @GetMapping("/t/{tenant}/sla/reports")
    String report(@AuthenticationPrincipal WorklaneUser me, @RequestParam(required = false) String from,
                  @RequestParam(required = false) String to, Model model) {
        YearMonth last = to == null || to.isBlank() ? YearMonth.now(ZoneOffset.UTC) : month(to, "to");
        YearMonth first = from == null || from.isBlank() ? last.minusMonths(11) : month(from, "from");
        Map<String, List<ComplianceRow>> byMetric = new LinkedHashMap<>();
        for (ComplianceRow row : reports.compliance(me, first, last, null, null, false)) {
            byMetric.computeIfAbsent(row.policy() + " · " + row.metric(), k -> new java.util.ArrayList<>()).add(row);
        }
        model.addAttribute("sections", byMetric.entrySet().stream()
                .map(e -> new Section(e.getKey(), ComplianceChart.svg("Compliance, " + e.getKey(), e.getValue()), e.getValue()))
                .toList());
        model.addAttribute("from", first.toString());
        model.addAttribute("to", last.toString());
        return "sla/reports";
    }

    private static YearMonth month(String text, String field) {
        try {
            return YearMonth.parse(text.strip());
        } catch (DateTimeParseException e) {
            throw ApiProblem.invalidField(field, "must be a month such as 2026-12");
        }
    }
}
