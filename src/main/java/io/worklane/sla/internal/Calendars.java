package io.worklane.sla.internal;

import io.worklane.sla.Calendar;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import static io.worklane.shared.database.SqlTimes.instant;

/** Business calendars, in SQL. */
@Repository
public class Calendars {

    private static final TypeReference<LinkedHashMap<String, List<Calendar.Hours>>> HOURS = new TypeReference<>() {
    };
    private static final TypeReference<List<Calendar.Holiday>> HOLIDAYS = new TypeReference<>() {
    };

    private final JdbcClient jdbc;
    private final JsonMapper json;

    Calendars(JdbcClient jdbc, JsonMapper json) {
        this.jdbc = jdbc;
        this.json = json;
    }

    public List<Calendar> all() {
        return jdbc.sql("select * from sla_calendars order by lower(name) limit 500").query((rs, n) -> calendar(rs)).list();
    }

    public Optional<Calendar> find(UUID id) {
        return jdbc.sql("select * from sla_calendars where id = ?").param(id).query((rs, n) -> calendar(rs)).optional();
    }

    /** False when the name is taken. */
    public boolean insert(UUID id, String name, String zone, Map<String, List<Calendar.Hours>> hours,
                          List<Calendar.Holiday> holidays) {
        return jdbc.sql("""
                        insert into sla_calendars (id, name, time_zone, hours, holidays) values (?, ?, ?, ?::jsonb, ?::jsonb)
                        on conflict do nothing""")
                .params(id, name, zone, json.writeValueAsString(hours), json.writeValueAsString(holidays)).update() == 1;
    }

    /** Replaces the calendar if it is still at {@code version}; false when stale (or gone). */
    public boolean update(UUID id, long version, String name, String zone, Map<String, List<Calendar.Hours>> hours,
                          List<Calendar.Holiday> holidays) {
        return jdbc.sql("""
                        update sla_calendars set name = ?, time_zone = ?, hours = ?::jsonb, holidays = ?::jsonb,
                               updated_at = now(), version = version + 1
                        where id = ? and version = ?""")
                .params(name, zone, json.writeValueAsString(hours), json.writeValueAsString(holidays), id, version)
                .update() == 1;
    }

    public boolean nameTaken(String name, UUID except) {
        return jdbc.sql("select exists (select 1 from sla_calendars where lower(name) = lower(?) and id <> ?)")
                .params(name, except).query(Boolean.class).single();
    }

    public boolean delete(UUID id) {
        return jdbc.sql("delete from sla_calendars where id = ?").param(id).update() == 1;
    }

    private Calendar calendar(ResultSet rs) throws SQLException {
        return new Calendar(rs.getObject("id", UUID.class), rs.getString("name"), rs.getString("time_zone"),
                json.readValue(rs.getString("hours"), HOURS), json.readValue(rs.getString("holidays"), HOLIDAYS),
                instant(rs, "created_at"), instant(rs, "updated_at"), rs.getLong("version"));
    }
}
