package io.worklane.sla;

import io.worklane.identity.WorklaneUser;
import io.worklane.shared.web.ApiProblem;
import io.worklane.sla.internal.ComplianceQueries;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.time.Instant;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import java.util.stream.Collectors;

/** What service levels prove: compliance per policy (or team) and month, and the breaches behind it. */
@Service
public class SlaReports {

    static final int MAX_MONTHS = 36;
    static final int MAX_BREACHES = 1000;

    private final ComplianceQueries queries;

    SlaReports(ComplianceQueries queries) {
        this.queries = queries;
    }

    /** Months {@code from} to {@code to}, both included, by policy metric or also by team. */
    @Transactional(readOnly = true)
    public List<ComplianceRow> compliance(WorklaneUser actor, YearMonth from, YearMonth to, UUID policy, UUID team,
                                          boolean byTeam) {
        requireStaff(actor);
        checkPeriod(from, to);
        return queries.compliance(start(from), start(to.plusMonths(1)), policy, team, byTeam);
    }

    @Transactional(readOnly = true)
    public List<BreachRow> breaches(WorklaneUser actor, YearMonth from, YearMonth to, UUID policy, UUID team) {
        requireStaff(actor);
        checkPeriod(from, to);
        return queries.breaches(start(from), start(to.plusMonths(1)), policy, team, MAX_BREACHES);
    }

    /** The rows as CSV (RFC 4180), for a spreadsheet. */
    public static String csv(List<ComplianceRow> rows) {
        StringBuilder csv = new StringBuilder("month,policy,metric,team,total,met,breached,compliance_percent,p50_minutes,p85_minutes,p95_minutes\r\n");
        for (ComplianceRow r : rows) {
            csv.append(String.join(",", r.month().toString(), quote(r.policy()), quote(r.metric()), quote(r.team()),
                    Long.toString(r.total()), Long.toString(r.met()), Long.toString(r.breached()),
                    String.format(Locale.ROOT, "%.1f", r.compliancePercent()), number(r.p50Minutes()), number(r.p85Minutes()),
                    number(r.p95Minutes()))).append("\r\n");
        }
        return csv.toString();
    }

    public static String breachesCsv(List<BreachRow> rows) {
        return "item,policy,metric,team,goal_minutes,elapsed_minutes,breached_at,stopped_at,status\r\n" + rows.stream()
                .map(r -> String.join(",", quote(r.item()), quote(r.policy()), quote(r.metric()), quote(r.team()),
                        Long.toString(r.goalMinutes()), Long.toString(r.elapsedMinutes()), String.valueOf(r.breachedAt()),
                        r.stoppedAt() == null ? "" : r.stoppedAt().toString(), r.status()))
                .collect(Collectors.joining("\r\n", "", rows.isEmpty() ? "" : "\r\n"));
    }

    private static String quote(String text) {
        if (text == null) {
            return "";
        }
        // Spreadsheets run cells that start with = + - @ as formulas: such a name is quoted as text.
        String safe = text.matches("^[=+\\-@].*") ? "'" + text : text;
        return "\"" + safe.replace("\"", "\"\"") + "\"";
    }

    private static String number(Double value) {
        return value == null ? "" : String.format(Locale.ROOT, "%.1f", value);
    }

    private static void checkPeriod(YearMonth from, YearMonth to) {
        if (to.isBefore(from)) {
            throw ApiProblem.invalidField("to", "must not be before from");
        }
        if (from.plusMonths(MAX_MONTHS).isBefore(to.plusMonths(1))) {
            throw ApiProblem.invalidField("to", "must be within " + MAX_MONTHS + " months of from");
        }
    }

    private static Instant start(YearMonth month) {
        return month.atDay(1).atStartOfDay(ZoneOffset.UTC).toInstant();
    }

    private static void requireStaff(WorklaneUser actor) {
        if (!actor.isStaff()) {
            throw ApiProblem.forbidden("Only agents and admins see service-level reports.");
        }
    }
}
