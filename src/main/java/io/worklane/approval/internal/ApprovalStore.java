package io.worklane.approval.internal;

import io.worklane.approval.Approval.Person;
import io.worklane.approval.ApprovalPolicy;
import io.worklane.approval.ApprovalSubject;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import static io.worklane.shared.database.SqlTimes.instant;
import static io.worklane.shared.database.SqlTimes.utc;

/** Approvals, their stages, tasks, log and delegations, in SQL. */
@Repository
public class ApprovalStore {

    private static final TypeReference<List<ApprovalSubject.Detail>> DETAILS = new TypeReference<>() {
    };

    private final JdbcClient jdbc;
    private final JsonMapper json;

    ApprovalStore(JdbcClient jdbc, JsonMapper json) {
        this.jdbc = jdbc;
        this.json = json;
    }

    /** An approval as stored. */
    public record Row(UUID id, String subjectKind, UUID subjectId, String scope, String title, String link,
                      List<ApprovalSubject.Detail> details, Person requester, int quantity, ApprovalPolicy policy,
                      String status, Integer stage, String outcome, Instant createdAt, Instant decidedAt) {
    }

    public record StageRow(int stage, String name, int required, String status, boolean escalated, Instant startedAt,
                           Instant decidedAt) {
    }

    public record TaskRow(UUID id, UUID approvalId, int stage, Person approver, String status, Person decidedBy,
                          String via, String comment, Instant askedAt, Instant remindedAt, Instant decidedAt) {
    }

    public record LogRow(Instant at, Integer stage, String kind, Person actor, Person onBehalfOf, String detail) {
    }

    // --- approvals -------------------------------------------------------------------------------

    public void insert(UUID id, ApprovalSubject subject, int quantity, ApprovalPolicy policy, Instant at) {
        jdbc.sql("""
                        insert into approvals (id, subject_kind, subject_id, scope, title, link, details, requester_id,
                                               quantity, policy, status, created_at)
                        values (?, ?, ?, ?, ?, ?, ?::jsonb, ?, ?, ?::jsonb, 'pending', ?)""")
                .params(id, subject.kind(), subject.id(), subject.scope(), subject.title(), subject.link(),
                        json.writeValueAsString(subject.details()), subject.requesterId(), quantity,
                        json.writeValueAsString(policy), utc(at))
                .update();
    }

    private static final String APPROVAL = """
            select a.*, a.details::text as details_json, a.policy::text as policy_json, u.name as requester_name,
                   u.email as requester_email
            from approvals a join users u on u.id = a.requester_id""";

    public Optional<Row> find(UUID id) {
        return jdbc.sql(APPROVAL + " where a.id = ?").param(id).query((rs, n) -> row(rs)).optional();
    }

    /** The approval, locked until the transaction ends: one decision of an approval at a time. */
    public Optional<Row> lock(UUID id) {
        return jdbc.sql(APPROVAL + " where a.id = ? for update of a").param(id).query((rs, n) -> row(rs)).optional();
    }

    public Optional<Row> ofSubject(String kind, UUID subjectId) {
        return jdbc.sql(APPROVAL + " where a.subject_kind = ? and a.subject_id = ?").params(kind, subjectId)
                .query((rs, n) -> row(rs)).optional();
    }

    /** The approvals of many subjects of one kind. */
    public List<Row> ofSubjects(String kind, List<UUID> subjectIds) {
        return jdbc.sql(APPROVAL + " where a.subject_kind = ? and a.subject_id = any(?)")
                .params(kind, subjectIds.toArray(UUID[]::new)).query((rs, n) -> row(rs)).list();
    }

    /** The stages, tasks and log of many approvals, each read in one query. */
    public record Parts(Map<UUID, List<StageRow>> stages, Map<UUID, List<TaskRow>> tasks, Map<UUID, List<LogRow>> log) {
    }

    public Parts parts(List<UUID> approvalIds) {
        UUID[] ids = approvalIds.toArray(UUID[]::new);
        Map<UUID, List<StageRow>> stages = new HashMap<>();
        jdbc.sql("select * from approval_stages where approval_id = any(?) order by approval_id, stage").param(ids)
                .query((rs, n) -> Map.entry(rs.getObject("approval_id", UUID.class), stage(rs))).list()
                .forEach(e -> stages.computeIfAbsent(e.getKey(), k -> new ArrayList<>()).add(e.getValue()));
        Map<UUID, List<TaskRow>> tasks = new HashMap<>();
        jdbc.sql(TASK + " where t.approval_id = any(?) order by t.stage, t.asked_at, lower(a.name)").param(ids)
                .query((rs, n) -> task(rs)).list()
                .forEach(t -> tasks.computeIfAbsent(t.approvalId(), k -> new ArrayList<>()).add(t));
        Map<UUID, List<LogRow>> log = new HashMap<>();
        jdbc.sql(LOG + " where l.approval_id = any(?) order by l.id").param(ids)
                .query((rs, n) -> Map.entry(rs.getObject("approval_id", UUID.class), logRow(rs))).list()
                .forEach(e -> log.computeIfAbsent(e.getKey(), k -> new ArrayList<>()).add(e.getValue()));
        return new Parts(stages, tasks, log);
    }

    public void status(UUID id, String status, Integer stage, String outcome, Instant decidedAt) {
        jdbc.sql("update approvals set status = ?, stage = ?, outcome = ?, decided_at = ? where id = ?")
                .params(status, stage, outcome, utc(decidedAt), id).update();
    }

    /**
     * Holds the quota of {@code scope} for this transaction: two orders at once count one after the
     * other, so they cannot both pass under the quota.
     */
    public void lockQuota(String scope) {
        jdbc.sql("select pg_advisory_xact_lock(hashtextextended(?, 18))").param("approval-quota:" + scope).query(Object.class).single();
    }

    /**
     * How much of {@code scope} the requester (or, {@code perTeam}, anyone sharing a team with them) has
     * been approved since {@code since}. What still waits for approvers does not count (yet): an order
     * sent to them because it broke the rules must not use up the quota of the orders that keep them.
     */
    public long used(String scope, UUID requesterId, boolean perTeam, Instant since) {
        String who = perTeam ? """
                (a.requester_id = :requester or a.requester_id in (
                    select m.user_id from team_members m
                    where m.team_id in (select team_id from team_members where user_id = :requester)))"""
                : "a.requester_id = :requester";
        return jdbc.sql("select coalesce(sum(a.quantity), 0) from approvals a where a.scope = :scope and a.created_at >= :since"
                        + " and a.status = 'approved' and " + who)
                .param("scope", scope).param("since", utc(since)).param("requester", requesterId)
                .query(Long.class).single();
    }

    // --- stages and tasks ------------------------------------------------------------------------

    public void insertStage(UUID approvalId, int stage, String name, int required, Instant at) {
        jdbc.sql("insert into approval_stages (approval_id, stage, name, required, status, started_at) values (?, ?, ?, ?, 'pending', ?)")
                .params(approvalId, stage, name, required, utc(at)).update();
    }

    public List<StageRow> stages(UUID approvalId) {
        return jdbc.sql("select * from approval_stages where approval_id = ? order by stage").param(approvalId)
                .query((rs, n) -> stage(rs)).list();
    }

    private static StageRow stage(ResultSet rs) throws SQLException {
        return new StageRow(rs.getInt("stage"), rs.getString("name"), rs.getInt("required"), rs.getString("status"),
                rs.getBoolean("escalated"), instant(rs, "started_at"), instant(rs, "decided_at"));
    }

    public void decideStage(UUID approvalId, int stage, String status, Instant at) {
        jdbc.sql("update approval_stages set status = ?, decided_at = ? where approval_id = ? and stage = ?")
                .params(status, utc(at), approvalId, stage).update();
    }

    public void escalated(UUID approvalId, int stage, int required) {
        jdbc.sql("update approval_stages set escalated = true, required = ? where approval_id = ? and stage = ?")
                .params(required, approvalId, stage).update();
    }

    /** Asks {@code approver}; false when they were already asked in this stage. */
    public boolean insertTask(UUID id, UUID approvalId, int stage, UUID approver, Instant at) {
        return jdbc.sql("""
                        insert into approval_tasks (id, approval_id, stage, approver_id, status, asked_at)
                        values (?, ?, ?, ?, 'pending', ?) on conflict do nothing""")
                .params(id, approvalId, stage, approver, utc(at)).update() == 1;
    }

    private static final String TASK = """
            select t.*, a.name as approver_name, a.email as approver_email, d.name as decided_by_name,
                   d.email as decided_by_email
            from approval_tasks t join users a on a.id = t.approver_id left join users d on d.id = t.decided_by""";

    public List<TaskRow> tasks(UUID approvalId) {
        return jdbc.sql(TASK + " where t.approval_id = ? order by t.stage, t.asked_at, lower(a.name)").param(approvalId)
                .query((rs, n) -> task(rs)).list();
    }

    public Optional<TaskRow> task(UUID id) {
        return jdbc.sql(TASK + " where t.id = ?").param(id).query((rs, n) -> task(rs)).optional();
    }

    /** Records a decision on a task still pending; false when it was decided or withdrawn before. */
    public boolean decideTask(UUID id, String status, UUID decidedBy, String via, String comment, Instant at) {
        return jdbc.sql("""
                        update approval_tasks set status = ?, decided_by = ?, via = ?, comment = ?, decided_at = ?
                        where id = ? and status = 'pending'""")
                .params(status, decidedBy, via, comment, utc(at), id).update() == 1;
    }

    /** Withdraws the stage's tasks still pending: the stage was decided without them. */
    public List<UUID> withdrawPending(UUID approvalId, int stage, Instant at) {
        return jdbc.sql("""
                        update approval_tasks set status = 'withdrawn', decided_at = ?
                        where approval_id = ? and stage = ? and status = 'pending' returning approver_id""")
                .params(utc(at), approvalId, stage).query(UUID.class).list();
    }

    public void reminded(UUID taskId, Instant at) {
        jdbc.sql("update approval_tasks set reminded_at = ? where id = ?").params(utc(at), taskId).update();
    }

    /** A task waiting on someone, with what they need to list it. */
    public record Waiting(UUID approvalId, String title, String link, Person requester, String stageName,
                          Instant askedAt, Person approver) {
    }

    /** The tasks waiting on {@code people} (a person and those they stand in for), oldest first. */
    public List<Waiting> pendingFor(List<UUID> people, int limit) {
        return jdbc.sql("""
                        select t.approval_id, a.title, a.link, a.requester_id, r.name as requester_name,
                               r.email as requester_email, s.name as stage_name, t.asked_at, t.approver_id,
                               p.name as approver_name, p.email as approver_email
                        from approval_tasks t
                             join approvals a on a.id = t.approval_id
                             join approval_stages s on s.approval_id = t.approval_id and s.stage = t.stage
                             join users r on r.id = a.requester_id
                             join users p on p.id = t.approver_id
                        where t.approver_id = any(?) and t.status = 'pending'
                        order by t.asked_at limit ?""")
                .params(people.toArray(UUID[]::new), limit)
                .query((rs, n) -> new Waiting(rs.getObject("approval_id", UUID.class), rs.getString("title"),
                        rs.getString("link"), person(rs, "requester_id", "requester"), rs.getString("stage_name"),
                        instant(rs, "asked_at"), person(rs, "approver_id", "approver")))
                .list();
    }

    /** The approvals someone decided lately, newest first. */
    public List<UUID> decidedBy(UUID person, int limit) {
        return jdbc.sql("""
                        select approval_id from approval_tasks where decided_by = ? and status in ('approved', 'rejected')
                        order by decided_at desc limit ?""")
                .params(person, limit).query(UUID.class).list();
    }

    // --- log -------------------------------------------------------------------------------------

    public void log(UUID approvalId, Instant at, Integer stage, String kind, UUID actor, UUID onBehalfOf, String detail) {
        jdbc.sql("insert into approval_log (approval_id, at, stage, kind, actor_id, for_id, detail) values (?, ?, ?, ?, ?, ?, ?)")
                .params(approvalId, utc(at), stage, kind, actor, onBehalfOf, detail).update();
    }

    private static final String LOG = """
            select l.*, a.name as actor_name, a.email as actor_email, f.name as for_name, f.email as for_email
            from approval_log l left join users a on a.id = l.actor_id left join users f on f.id = l.for_id""";

    public List<LogRow> log(UUID approvalId) {
        return jdbc.sql(LOG + " where l.approval_id = ? order by l.id").param(approvalId).query((rs, n) -> logRow(rs)).list();
    }

    private static LogRow logRow(ResultSet rs) throws SQLException {
        return new LogRow(instant(rs, "at"), (Integer) rs.getObject("stage"), rs.getString("kind"),
                person(rs, "actor_id", "actor"), person(rs, "for_id", "for"), rs.getString("detail"));
    }

    // --- delegations -----------------------------------------------------------------------------

    public record DelegationRow(UUID id, Person delegator, Person delegate, Instant startsAt, Instant endsAt) {
    }

    private static final String DELEGATION = """
            select d.*, a.name as delegator_name, a.email as delegator_email, b.name as delegate_name,
                   b.email as delegate_email
            from approval_delegations d join users a on a.id = d.delegator_id join users b on b.id = d.delegate_id""";

    public void insertDelegation(UUID id, UUID delegator, UUID delegate, Instant startsAt, Instant endsAt, Instant at) {
        jdbc.sql("""
                        insert into approval_delegations (id, delegator_id, delegate_id, starts_at, ends_at, created_at)
                        values (?, ?, ?, ?, ?, ?)""")
                .params(id, delegator, delegate, utc(startsAt), utc(endsAt), utc(at)).update();
    }

    /** Delegations that involve {@code person} and have not ended. */
    public List<DelegationRow> delegations(UUID person, Instant now) {
        return jdbc.sql(DELEGATION + " where (d.delegator_id = ? or d.delegate_id = ?) and d.ends_at > ? order by d.starts_at")
                .params(person, person, utc(now)).query((rs, n) -> delegation(rs)).list();
    }

    /** Whom {@code delegate} stands in for at {@code at}. */
    public List<UUID> delegatorsOf(UUID delegate, Instant at) {
        return jdbc.sql("select delegator_id from approval_delegations where delegate_id = ? and starts_at <= ? and ends_at > ?")
                .params(delegate, utc(at), utc(at)).query(UUID.class).list();
    }

    /** Who stands in for {@code delegator} at {@code at}. */
    public List<UUID> delegatesOf(UUID delegator, Instant at) {
        return jdbc.sql("select delegate_id from approval_delegations where delegator_id = ? and starts_at <= ? and ends_at > ?")
                .params(delegator, utc(at), utc(at)).query(UUID.class).list();
    }

    /** Ends a delegation now (the delegator came back early); false when it is not theirs or already over. */
    public boolean endDelegation(UUID id, UUID delegator, Instant now) {
        return jdbc.sql("""
                        update approval_delegations set ends_at = greatest(starts_at + interval '1 millisecond', ?)
                        where id = ? and delegator_id = ? and ends_at > ?""")
                .params(utc(now), id, delegator, utc(now)).update() == 1;
    }

    // --- signing ---------------------------------------------------------------------------------

    /** The tenant's link-signing secret: {@code candidate} if there was none yet. */
    public String signingSecret(String candidate, Instant at) {
        jdbc.sql("insert into approval_signing (secret, created_at) values (?, ?) on conflict do nothing")
                .params(candidate, utc(at)).update();
        return jdbc.sql("select secret from approval_signing").query(String.class).single();
    }

    // --- mapping ---------------------------------------------------------------------------------

    private Row row(ResultSet rs) throws SQLException {
        return new Row(rs.getObject("id", UUID.class), rs.getString("subject_kind"), rs.getObject("subject_id", UUID.class),
                rs.getString("scope"), rs.getString("title"), rs.getString("link"),
                json.readValue(rs.getString("details_json"), DETAILS),
                new Person(rs.getObject("requester_id", UUID.class), rs.getString("requester_name"),
                        rs.getString("requester_email")),
                rs.getInt("quantity"), json.readValue(rs.getString("policy_json"), ApprovalPolicy.class),
                rs.getString("status"), (Integer) rs.getObject("stage"), rs.getString("outcome"),
                instant(rs, "created_at"), instant(rs, "decided_at"));
    }

    private static TaskRow task(ResultSet rs) throws SQLException {
        return new TaskRow(rs.getObject("id", UUID.class), rs.getObject("approval_id", UUID.class), rs.getInt("stage"),
                person(rs, "approver_id", "approver"), rs.getString("status"), person(rs, "decided_by", "decided_by"),
                rs.getString("via"), rs.getString("comment"), instant(rs, "asked_at"), instant(rs, "reminded_at"),
                instant(rs, "decided_at"));
    }

    private static DelegationRow delegation(ResultSet rs) throws SQLException {
        return new DelegationRow(rs.getObject("id", UUID.class), person(rs, "delegator_id", "delegator"),
                person(rs, "delegate_id", "delegate"), instant(rs, "starts_at"), instant(rs, "ends_at"));
    }

    private static Person person(ResultSet rs, String idColumn, String prefix) throws SQLException {
        UUID id = rs.getObject(idColumn, UUID.class);
        return id == null ? null : new Person(id, rs.getString(prefix + "_name"), rs.getString(prefix + "_email"));
    }
}
