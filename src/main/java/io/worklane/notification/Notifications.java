package io.worklane.notification;

import io.worklane.identity.WorklaneUser;
import io.worklane.shared.TimeOrderedIds;
import io.worklane.shared.web.ApiProblem;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.time.Clock;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.UUID;

import static io.worklane.shared.database.SqlTimes.instant;
import static io.worklane.shared.database.SqlTimes.utc;

/** Each person's inbox of the current tenant: written by listeners, read and cleared by its owner. */
@Service
public class Notifications {

    static final int PAGE = 100;

    private final JdbcClient jdbc;
    private final Clock clock;

    Notifications(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /** Tells each of {@code people} (once each), in the caller's transaction. */
    @Transactional
    public void tell(Collection<UUID> people, String kind, String title, String link) {
        Instant now = clock.instant();
        String shortTitle = title.length() > 300 ? title.substring(0, 300) : title;
        for (UUID person : people.stream().distinct().toList()) {
            jdbc.sql("insert into notifications (id, user_id, kind, title, link, created_at) values (?, ?, ?, ?, ?, ?)")
                    .params(TimeOrderedIds.next(), person, kind, shortTitle, link, utc(now)).update();
        }
    }

    /** The person's newest notifications, read or not. */
    @Transactional(readOnly = true)
    public List<Notification> inbox(WorklaneUser actor) {
        return jdbc.sql("""
                        select id, kind, title, link, created_at, read_at from notifications
                        where user_id = ? order by created_at desc limit ?""")
                .params(actor.id().value(), PAGE)
                .query((rs, n) -> new Notification(rs.getObject("id", UUID.class), rs.getString("kind"),
                        rs.getString("title"), rs.getString("link"), instant(rs, "created_at"), instant(rs, "read_at")))
                .list();
    }

    @Transactional(readOnly = true)
    public long unread(WorklaneUser actor) {
        return jdbc.sql("select count(*) from notifications where user_id = ? and read_at is null")
                .param(actor.id().value()).query(Long.class).single();
    }

    /** Marks one of the person's notifications read; another's is not found. */
    @Transactional
    public Notification read(WorklaneUser actor, UUID id) {
        int updated = jdbc.sql("update notifications set read_at = coalesce(read_at, ?) where id = ? and user_id = ?")
                .params(utc(clock.instant()), id, actor.id().value()).update();
        if (updated == 0) {
            throw ApiProblem.notFound("You have no notification " + id + ".");
        }
        return inbox(actor).stream().filter(n -> n.id().equals(id)).findFirst()
                .orElseGet(() -> new Notification(id, "", "", "", clock.instant(), clock.instant()));
    }

    @Transactional
    public int readAll(WorklaneUser actor) {
        return jdbc.sql("update notifications set read_at = ? where user_id = ? and read_at is null")
                .params(utc(clock.instant()), actor.id().value()).update();
    }
}
