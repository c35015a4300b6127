package io.worklane.sla;

import java.time.YearMonth;
import java.util.UUID;

/**
 * Compliance of finished clocks in one month, for one policy's metric (and one team, when grouped by
 * team): how many met and breached their goal, the share met, and percentiles of business minutes taken.
 */
public record ComplianceRow(YearMonth month, UUID policyId, String policy, String metric, UUID teamId, String team,
                            long total, long met, long breached, double compliancePercent, Double p50Minutes,
                            Double p85Minutes, Double p95Minutes) {
}
