package io.worklane.catalog.internal;

import io.worklane.catalog.Entitlement;
import io.worklane.catalog.FormField;
import io.worklane.catalog.Offering;
import io.worklane.approval.ApprovalPolicy;
import io.worklane.fulfilment.FulfilmentPlan;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import static io.worklane.shared.database.SqlTimes.instant;
import static io.worklane.shared.database.SqlTimes.utc;

/** Offerings and their versions, in SQL. */
@Repository
public class Offerings {

    private static final String SELECT = """
            select o.id, o.key, v.version, v.name, v.description, v.category, v.icon, t.key as team_key,
                   t.name as team_name, v.entitlement::text as entitlement, v.form::text as form, v.service_level,
                   v.approval::text as approval, v.fulfilment::text as fulfilment,
                   o.archived, o.created_at, o.updated_at
            from offerings o
                 join offering_versions v on v.offering_id = o.id and v.version = %s
                 join teams t on t.id = v.team_id""";
    private static final TypeReference<List<FormField>> FORM = new TypeReference<>() {
    };

    private final JdbcClient jdbc;
    private final JsonMapper json;

    Offerings(JdbcClient jdbc, JsonMapper json) {
        this.jdbc = jdbc;
        this.json = json;
    }

    /** An offering as stored, with the id that requests refer to. */
    public record Stored(UUID id, Offering offering) {
    }

    public List<Stored> current() {
        return jdbc.sql(SELECT.formatted("o.version") + " where not o.archived order by lower(v.category), lower(v.name) limit 1000")
                .query((rs, n) -> stored(rs)).list();
    }

    /** Every offering, archived ones too, as admins manage them. */
    public List<Stored> all() {
        return jdbc.sql(SELECT.formatted("o.version") + " order by o.archived, lower(v.category), lower(v.name) limit 1000")
                .query((rs, n) -> stored(rs)).list();
    }

    public Optional<Stored> current(String key) {
        return jdbc.sql(SELECT.formatted("o.version") + " where o.key = ?").param(key).query((rs, n) -> stored(rs)).optional();
    }

    public Optional<Stored> at(UUID id, int version) {
        return jdbc.sql(SELECT.formatted("?") + " where o.id = ?").params(version, id).query((rs, n) -> stored(rs)).optional();
    }

    /** A team, by key: its id and name. */
    public record Team(UUID id, String key, String name) {
    }

    public Optional<Team> team(String key) {
        return jdbc.sql("select id, key, name from teams where key = ?").param(key).query(Team.class).optional();
    }

    /** Locks the offering's row: its next version is written by one admin at a time. */
    public Optional<Integer> lockVersion(String key) {
        return jdbc.sql("select version from offerings where key = ? for update").param(key).query(Integer.class).optional();
    }

    public boolean create(UUID id, String key, Instant at) {
        return jdbc.sql("insert into offerings (id, key, version, created_at, updated_at) values (?, ?, 1, ?, ?) on conflict do nothing")
                .params(id, key, utc(at), utc(at)).update() == 1;
    }

    /** Writes version {@code version} and makes it the one requests are made with. */
    public void writeVersion(String key, int version, Offering offering, UUID teamId, UUID author, Instant at) {
        jdbc.sql("""
                        insert into offering_versions (offering_id, version, name, description, category, icon, team_id,
                                                       entitlement, form, service_level, approval, fulfilment,
                                                       created_at, created_by)
                        select id, ?, ?, ?, ?, ?, ?, ?::jsonb, ?::jsonb, ?, ?::jsonb, ?::jsonb, ?, ? from offerings
                        where key = ?""")
                .params(version, offering.name(), offering.description(), offering.category(), offering.icon(), teamId,
                        json.writeValueAsString(offering.entitlement()), json.writeValueAsString(offering.form()),
                        offering.serviceLevel(), json.writeValueAsString(offering.approval()),
                        json.writeValueAsString(offering.fulfilment()), utc(at), author, key)
                .update();
        jdbc.sql("update offerings set version = ?, updated_at = ? where key = ?").params(version, utc(at), key).update();
    }

    public boolean archive(String key, boolean archived, Instant at) {
        return jdbc.sql("update offerings set archived = ?, updated_at = ? where key = ?").params(archived, utc(at), key)
                .update() == 1;
    }

    private Stored stored(ResultSet rs) throws SQLException {
        return new Stored(rs.getObject("id", UUID.class), new Offering(rs.getString("key"), rs.getInt("version"),
                rs.getString("name"), rs.getString("description"), rs.getString("category"), rs.getString("icon"),
                new Offering.TeamRef(rs.getString("team_key"), rs.getString("team_name")),
                json.readValue(rs.getString("entitlement"), Entitlement.class), json.readValue(rs.getString("form"), FORM),
                rs.getString("service_level"), json.readValue(rs.getString("approval"), ApprovalPolicy.class),
                json.readValue(rs.getString("fulfilment"), FulfilmentPlan.class),
                rs.getBoolean("archived"), instant(rs, "created_at"),
                instant(rs, "updated_at")));
    }

}
