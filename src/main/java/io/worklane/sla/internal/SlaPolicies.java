package io.worklane.sla.internal;

import io.worklane.sla.SlaPolicy;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import static io.worklane.shared.database.SqlTimes.instant;

/** SLA policies, in SQL. */
@Repository
public class SlaPolicies {

    private static final TypeReference<List<SlaPolicy.Metric>> METRICS = new TypeReference<>() {
    };

    private final JdbcClient jdbc;
    private final JsonMapper json;

    SlaPolicies(JdbcClient jdbc, JsonMapper json) {
        this.jdbc = jdbc;
        this.json = json;
    }

    public List<SlaPolicy> all() {
        return jdbc.sql("select * from sla_policies order by lower(name) limit 500").query((rs, n) -> policy(rs)).list();
    }

    public Optional<SlaPolicy> find(UUID id) {
        return jdbc.sql("select * from sla_policies where id = ?").param(id).query((rs, n) -> policy(rs)).optional();
    }

    public boolean insert(UUID id, String name, String appliesTo, UUID calendar, List<SlaPolicy.Metric> metrics) {
        return jdbc.sql("""
                        insert into sla_policies (id, name, applies_to, calendar_id, metrics) values (?, ?, ?, ?, ?::jsonb)
                        on conflict do nothing""")
                .params(id, name, appliesTo, calendar, json.writeValueAsString(metrics)).update() == 1;
    }

    public boolean update(UUID id, long version, String name, String appliesTo, UUID calendar, List<SlaPolicy.Metric> metrics) {
        return jdbc.sql("""
                        update sla_policies set name = ?, applies_to = ?, calendar_id = ?, metrics = ?::jsonb,
                               updated_at = now(), version = version + 1
                        where id = ? and version = ?""")
                .params(name, appliesTo, calendar, json.writeValueAsString(metrics), id, version).update() == 1;
    }

    public boolean nameTaken(String name, UUID except) {
        return jdbc.sql("select exists (select 1 from sla_policies where lower(name) = lower(?) and id <> ?)")
                .params(name, except).query(Boolean.class).single();
    }

    public boolean usesCalendar(UUID calendar) {
        return jdbc.sql("select exists (select 1 from sla_policies where calendar_id = ?)").param(calendar)
                .query(Boolean.class).single();
    }

    public boolean delete(UUID id) {
        return jdbc.sql("delete from sla_policies where id = ?").param(id).update() == 1;
    }

    private SlaPolicy policy(ResultSet rs) throws SQLException {
        return new SlaPolicy(rs.getObject("id", UUID.class), rs.getString("name"), rs.getString("applies_to"),
                rs.getObject("calendar_id", UUID.class), json.readValue(rs.getString("metrics"), METRICS),
                instant(rs, "created_at"), instant(rs, "updated_at"), rs.getLong("version"));
    }
}
