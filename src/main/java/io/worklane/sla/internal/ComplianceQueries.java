package io.worklane.sla.internal;

import io.worklane.sla.BreachRow;
import io.worklane.sla.ComplianceRow;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import java.time.Instant;
import java.time.YearMonth;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;

import static io.worklane.shared.database.SqlTimes.instant;
import static io.worklane.shared.database.SqlTimes.utc;

/**
 * Compliance over the stored clocks, counted in PostgreSQL: one pass over the finished clocks of a
 * period, counting by month, policy metric (team) and whole business minute; the rest in memory.
 */
@Repository
public class ComplianceQueries {

    private final JdbcClient jdbc;

    ComplianceQueries(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * Per month and policy metric (and team when {@code byTeam}), of clocks stopped in [from, to). The
     * database counts clocks by the whole business minute they took (a hash aggregate, no sort of the
     * period's clocks); the percentiles are read off those counts, exact to the minute.
     */
    public List<ComplianceRow> compliance(Instant from, Instant to, UUID policy, UUID team, boolean byTeam) {
        record Key(YearMonth month, UUID policy, String metric, UUID team) {
        }
        Map<Key, TreeMap<Long, long[]>> minutes = new LinkedHashMap<>();
        jdbc.sql("""
                        select to_char(date_trunc('month', c.stopped_at at time zone 'UTC'), 'YYYY-MM') as month,
                               c.policy_id, c.metric, %s as team_id, c.elapsed_seconds / 60 as minute,
                               count(*) as n, count(*) filter (where c.breached_at is not null) as breached
                        from sla_clocks c
                        where c.stopped_at >= :from and c.stopped_at < :to
                          and (cast(:policy as uuid) is null or c.policy_id = :policy)
                          and (cast(:team as uuid) is null or c.team_id = :team)
                        group by 1, 2, 3, 4, 5""".formatted(byTeam ? "c.team_id" : "null::uuid"))
                .param("from", utc(from)).param("to", utc(to)).param("policy", policy).param("team", team)
                .query(rs -> {
                    Key key = new Key(YearMonth.parse(rs.getString("month")), rs.getObject("policy_id", UUID.class),
                            rs.getString("metric"), rs.getObject("team_id", UUID.class));
                    minutes.computeIfAbsent(key, k -> new TreeMap<>())
                            .put(rs.getLong("minute"), new long[]{rs.getLong("n"), rs.getLong("breached")});
                });
        Map<UUID, String> policyNames = names("select id, name from sla_policies");
        Map<UUID, String> teamNames = byTeam ? names("select id, name from teams") : new java.util.HashMap<>();
        return minutes.entrySet().stream()
                .sorted(Comparator.comparing((Map.Entry<Key, TreeMap<Long, long[]>> e) -> e.getKey().month())
                        .thenComparing(e -> policyNames.getOrDefault(e.getKey().policy(), ""))
                        .thenComparing(e -> e.getKey().metric())
                        .thenComparing(e -> teamNames.getOrDefault(e.getKey().team(), "")))
                .map(e -> row(e.getKey().month(), e.getKey().policy(), policyNames.get(e.getKey().policy()),
                        e.getKey().metric(), e.getKey().team(), teamNames.get(e.getKey().team()), e.getValue()))
                .toList();
    }

    private static ComplianceRow row(YearMonth month, UUID policy, String policyName, String metric, UUID team,
                                     String teamName, TreeMap<Long, long[]> counts) {
        long total = counts.values().stream().mapToLong(c -> c[0]).sum();
        long breached = counts.values().stream().mapToLong(c -> c[1]).sum();
        long met = total - breached;
        return new ComplianceRow(month, policy, policyName, metric, team, teamName, total, met, breached,
                total == 0 ? 0 : Math.round(1000.0 * met / total) / 10.0, percentile(counts, total, 0.5),
                percentile(counts, total, 0.85), percentile(counts, total, 0.95));
    }

    /** As percentile_cont: the value at rank p·(n−1), interpolated between the two values around it. */
    static Double percentile(TreeMap<Long, long[]> counts, long total, double p) {
        if (total == 0) {
            return null;
        }
        double rank = p * (total - 1);
        long below = (long) Math.floor(rank);
        Double lower = null;
        Double upper = null;
        long seen = 0;
        for (Map.Entry<Long, long[]> entry : counts.entrySet()) {
            long n = entry.getValue()[0];
            if (lower == null && below < seen + n) {
                lower = (double) entry.getKey();
            }
            if (below + 1 < seen + n) {
                upper = (double) entry.getKey();
                break;
            }
            seen += n;
        }
        if (upper == null) {
            upper = lower;
        }
        return lower + (upper - lower) * (rank - below);
    }

    private Map<UUID, String> names(String sql) {
        Map<UUID, String> names = new java.util.HashMap<>();
        jdbc.sql(sql).query(rs -> {
            names.put(rs.getObject("id", UUID.class), rs.getString("name"));
        });
        return names;
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
