package io.worklane.sla.internal;

import io.worklane.sla.BreachRow;
import io.worklane.sla.ComplianceRow;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import java.time.Instant;
import java.time.YearMonth;
import java.util.List;
import java.util.UUID;

import static io.worklane.shared.database.SqlTimes.instant;
import static io.worklane.shared.database.SqlTimes.utc;

/**
 * Compliance over the stored clocks, aggregated in PostgreSQL: one pass over the finished clocks of a
 * period (index on policy or team and stop time), percentiles by {@code percentile_cont}.
 */
@Repository
public class ComplianceQueries {

    private final JdbcClient jdbc;

    ComplianceQueries(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Per month and policy metric (and team when {@code byTeam}), of clocks stopped in [from, to). */
    public List<ComplianceRow> compliance(Instant from, Instant to, UUID policy, UUID team, boolean byTeam) {
        String teamColumns = byTeam ? "c.team_id, t.name as team_name" : "null::uuid as team_id, null as team_name";
        String teamJoin = byTeam ? " join teams t on t.id = c.team_id" : "";
        String teamGroup = byTeam ? ", c.team_id, t.name" : "";
        return jdbc.sql("""
                        select to_char(date_trunc('month', c.stopped_at at time zone 'UTC'), 'YYYY-MM') as month,
                               c.policy_id, p.name as policy_name, c.metric, %s,
                               count(*) as total,
                               count(*) filter (where c.breached_at is null) as met,
                               count(*) filter (where c.breached_at is not null) as breached,
                               percentile_cont(0.5) within group (order by c.elapsed_seconds) / 60.0 as p50,
                               percentile_cont(0.85) within group (order by c.elapsed_seconds) / 60.0 as p85,
                               percentile_cont(0.95) within group (order by c.elapsed_seconds) / 60.0 as p95
                        from sla_clocks c join sla_policies p on p.id = c.policy_id%s
                        where c.stopped_at >= :from and c.stopped_at < :to
                          and (cast(:policy as uuid) is null or c.policy_id = :policy)
                          and (cast(:team as uuid) is null or c.team_id = :team)
                        group by 1, c.policy_id, p.name, c.metric%s
                        order by 1, p.name, c.metric%s""".formatted(teamColumns, teamJoin, teamGroup, byTeam ? ", t.name" : ""))
                .param("from", utc(from)).param("to", utc(to)).param("policy", policy).param("team", team)
                .query((rs, n) -> {
                    long total = rs.getLong("total");
                    long met = rs.getLong("met");
                    return new ComplianceRow(YearMonth.parse(rs.getString("month")), rs.getObject("policy_id", UUID.class),
                            rs.getString("policy_name"), rs.getString("metric"), rs.getObject("team_id", UUID.class),
                            rs.getString("team_name"), total, met, rs.getLong("breached"),
                            total == 0 ? 0 : Math.round(1000.0 * met / total) / 10.0, (Double) rs.getObject("p50"),
                            (Double) rs.getObject("p85"), (Double) rs.getObject("p95"));
                })
                .list();
    }

    /** Clocks that breached in [from, to), newest first. */
    public List<BreachRow> breaches(Instant from, Instant to, UUID policy, UUID team, int limit) {
        return jdbc.sql("""
                        select c.item_key, c.policy_id, p.name as policy_name, c.metric, t.name as team_name,
                               c.goal_seconds, c.elapsed_seconds, c.breached_at, c.stopped_at, c.status
                        from sla_clocks c join sla_policies p on p.id = c.policy_id join teams t on t.id = c.team_id
                        where c.breached_at >= :from and c.breached_at < :to
                          and (cast(:policy as uuid) is null or c.policy_id = :policy)
                          and (cast(:team as uuid) is null or c.team_id = :team)
                        order by c.breached_at desc limit :limit""")
                .param("from", utc(from)).param("to", utc(to)).param("policy", policy).param("team", team)
                .param("limit", limit)
                .query((rs, n) -> new BreachRow(rs.getString("item_key"), rs.getObject("policy_id", UUID.class),
                        rs.getString("policy_name"), rs.getString("metric"), rs.getString("team_name"),
                        rs.getLong("goal_seconds") / 60, rs.getLong("elapsed_seconds") / 60, instant(rs, "breached_at"),
                        instant(rs, "stopped_at"), rs.getString("status")))
                .list();
    }
}
