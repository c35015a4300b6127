package io.worklane.identity.internal;

import io.worklane.shared.database.SqlTimes;
import io.worklane.identity.Team;
import io.worklane.identity.TeamMember;
import io.worklane.shared.Page;
import io.worklane.shared.PageRequest;
import io.worklane.shared.TeamId;
import io.worklane.shared.UserId;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** Teams (work centers) of the current tenant and who belongs to them. */
@Repository
public class Teams {

    private static final String SELECT = """
            select t.id, t.key, t.name, t.description, t.created_at, t.version,
                   (select count(*) from team_members m where m.team_id = t.id) as member_count
            from teams t""";

    private static final RowMapper<Team> TEAM = (rs, row) -> new Team(
            new TeamId(rs.getObject("id", UUID.class)),
            rs.getString("key"),
            rs.getString("name"),
            rs.getString("description"),
            rs.getInt("member_count"),
            SqlTimes.instant(rs, "created_at"),
            rs.getLong("version"));

    private final JdbcClient jdbc;

    public Teams(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public Page<Team> list(PageRequest page) {
        List<Team> teams = jdbc.sql(SELECT + " order by lower(t.name), t.id limit ? offset ?")
                .params(page.size(), page.offset()).query(TEAM).list();
        long total = jdbc.sql("select count(*) from teams").query(Long.class).single();
        return new Page<>(teams, page.page(), page.size(), total);
    }

    public Optional<Team> find(TeamId id) {
        return jdbc.sql(SELECT + " where t.id = ?").param(id.value()).query(TEAM).optional();
    }

    public List<Team> ofUser(UserId user) {
        return jdbc.sql(SELECT + " join team_members tm on tm.team_id = t.id where tm.user_id = ? order by lower(t.name)")
                .param(user.value()).query(TEAM).list();
    }

    public void insert(TeamId id, String key, String name, String description) {
        jdbc.sql("insert into teams (id, key, name, description) values (?, ?, ?, ?)")
                .params(id.value(), key, name, description).update();
    }

    public boolean update(TeamId id, long expectedVersion, String name, String description) {
        return jdbc.sql("""
                        update teams set name = ?, description = ?, updated_at = now(), version = version + 1
                        where id = ? and version = ?""")
                .params(name, description, id.value(), expectedVersion).update() == 1;
    }

    public boolean delete(TeamId id) {
        return jdbc.sql("delete from teams where id = ?").param(id.value()).update() == 1;
    }

    public List<TeamMember> members(TeamId id) {
        return jdbc.sql("""
                        select u.id, u.name, u.email, m.added_at from team_members m join users u on u.id = m.user_id
                        where m.team_id = ? order by lower(u.name), u.id""")
                .param(id.value())
                .query((rs, row) -> new TeamMember(new UserId(rs.getObject("id", UUID.class)), rs.getString("name"),
                        rs.getString("email"), SqlTimes.instant(rs, "added_at")))
                .list();
    }

    public void addMember(TeamId team, UserId user) {
        jdbc.sql("insert into team_members (team_id, user_id) values (?, ?) on conflict do nothing")
                .params(team.value(), user.value()).update();
    }

    public boolean removeMember(TeamId team, UserId user) {
        return jdbc.sql("delete from team_members where team_id = ? and user_id = ?")
                .params(team.value(), user.value()).update() == 1;
    }
}
