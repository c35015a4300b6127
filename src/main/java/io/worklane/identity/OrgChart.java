package io.worklane.identity;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * Who people are and who they work for, for work that runs without a person at the keyboard (an
 * approval asking a requester's manager, a job e-mailing an approver). No permission checks: callers
 * decide what to show to whom.
 */
@Service
@Transactional(readOnly = true)
public class OrgChart {

    private static final String PERSON = "select id, name, email, active from users";

    private final JdbcClient jdbc;

    OrgChart(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Someone, by id, with what is needed to name and reach them. */
    public record Person(UUID id, String name, String email, boolean active) {
    }

    public Optional<Person> person(UUID id) {
        return jdbc.sql(PERSON + " where id = ?").param(id).query(Person.class).optional();
    }

    public List<Person> people(List<UUID> ids) {
        return ids.isEmpty() ? List.of()
                : jdbc.sql(PERSON + " where id = any(?) order by lower(name)").param(ids.toArray(UUID[]::new))
                .query(Person.class).list();
    }

    public Optional<Person> byEmail(String email) {
        return jdbc.sql(PERSON + " where lower(email) = lower(?)").param(email == null ? "" : email.strip())
                .query(Person.class).optional();
    }

    /** Whom {@code person} reports to, if they are still active. */
    public Optional<Person> managerOf(UUID person) {
        return jdbc.sql("select m.id, m.name, m.email, m.active from users u join users m on m.id = u.manager_id where u.id = ? and m.active")
                .param(person).query(Person.class).optional();
    }

    /** The active members of a team, by the team's key. */
    public List<Person> members(String teamKey) {
        return jdbc.sql("""
                        select u.id, u.name, u.email, u.active
                        from teams t join team_members m on m.team_id = t.id join users u on u.id = m.user_id
                        where t.key = ? and u.active order by lower(u.name)""")
                .param(teamKey).query(Person.class).list();
    }

    /** The active members of a team, by the team's id. */
    public List<Person> membersOfTeam(UUID teamId) {
        return jdbc.sql("""
                        select u.id, u.name, u.email, u.active
                        from team_members m join users u on u.id = m.user_id
                        where m.team_id = ? and u.active order by lower(u.name)""")
                .param(teamId).query(Person.class).list();
    }

    public boolean teamExists(String teamKey) {
        return jdbc.sql("select exists (select 1 from teams where key = ?)").param(teamKey).query(Boolean.class).single();
    }

    public List<Person> admins() {
        return jdbc.sql(PERSON + " where active and 'admin' = any(roles) order by lower(name)").query(Person.class).list();
    }
}
