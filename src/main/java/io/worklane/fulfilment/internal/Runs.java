package io.worklane.fulfilment.internal;

import io.worklane.fulfilment.FulfilmentProgress;
import io.worklane.fulfilment.FulfilmentProgress.StepProgress;
import io.worklane.fulfilment.HttpCall;
import io.worklane.fulfilment.StepKind;
import io.worklane.fulfilment.StepStatus;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import static io.worklane.shared.database.SqlTimes.instant;
import static io.worklane.shared.database.SqlTimes.utc;

/** Fulfilment runs and their steps, in SQL. */
@Repository
public class Runs {

    private static final TypeReference<LinkedHashMap<String, Object>> MAP = new TypeReference<>() {
    };

    private final JdbcClient jdbc;
    private final JsonMapper json;

    Runs(JdbcClient jdbc, JsonMapper json) {
        this.jdbc = jdbc;
        this.json = json;
    }

    /** A step as stored. */
    public record Step(UUID requestId, int position, int stage, String name, StepKind kind, String teamKey,
                       Integer plannedMinutes, HttpCall call, StepStatus status, int attempts, Instant startedAt,
                       Instant finishedAt, Map<String, Object> output, String error, String doneBy, String note) {
    }

    /** A run as stored. */
    public record Run(UUID requestId, String itemKey, Map<String, Object> context, String status, String error,
                      Instant startedAt, Instant finishedAt) {
    }

    public void insertRun(UUID requestId, String itemKey, Map<String, Object> context, String status, Instant at) {
        jdbc.sql("""
                        insert into fulfilment_runs (request_id, item_key, context, status, started_at)
                        values (?, ?, ?::jsonb, ?, ?)""")
                .params(requestId, itemKey, json.writeValueAsString(context), status, utc(at)).update();
    }

    /** Starts a run that waited for approval, timed from now; false when it was not waiting. */
    public boolean release(UUID requestId, Instant at) {
        return jdbc.sql("""
                        update fulfilment_runs set status = 'running', started_at = ?
                        where request_id = ? and status = 'awaiting-approval'""")
                .params(utc(at), requestId).update() == 1;
    }

    public void insertStep(UUID requestId, int position, int stage, String name, StepKind kind, String teamKey,
                           Integer plannedMinutes, HttpCall call) {
        jdbc.sql("""
                        insert into fulfilment_steps (request_id, position, stage, name, kind, team_key, planned_minutes,
                                                      call, status)
                        values (?, ?, ?, ?, ?, ?, ?, ?::jsonb, 'waiting')""")
                .params(requestId, position, stage, name, kind.code(), teamKey, plannedMinutes,
                        call == null ? null : json.writeValueAsString(call))
                .update();
    }

    /** The run, locked until the transaction ends: one advance of a run at a time. */
    public Optional<Run> lockRun(UUID requestId) {
        return jdbc.sql("select * from fulfilment_runs where request_id = ? for update").param(requestId)
                .query((rs, n) -> run(rs)).optional();
    }

    public Optional<Run> run(UUID requestId) {
        return jdbc.sql("select * from fulfilment_runs where request_id = ?").param(requestId)
                .query((rs, n) -> run(rs)).optional();
    }

    public List<Step> steps(UUID requestId) {
        return jdbc.sql("""
                        select s.*, u.name as done_by_name from fulfilment_steps s left join users u on u.id = s.done_by
                        where s.request_id = ? order by s.position""")
                .param(requestId).query((rs, n) -> step(rs)).list();
    }

    /** The runs of many requests, with their steps: two queries however many. */
    public Map<UUID, FulfilmentProgress> progress(List<UUID> requestIds) {
        if (requestIds.isEmpty()) {
            return Map.of();
        }
        UUID[] ids = requestIds.toArray(UUID[]::new);
        Map<UUID, List<Step>> steps = new java.util.HashMap<>();
        jdbc.sql("""
                        select s.*, u.name as done_by_name from fulfilment_steps s left join users u on u.id = s.done_by
                        where s.request_id = any(?) order by s.request_id, s.position""")
                .param(ids).query((rs, n) -> step(rs)).list()
                .forEach(step -> steps.computeIfAbsent(step.requestId(), id -> new java.util.ArrayList<>()).add(step));
        Map<UUID, FulfilmentProgress> progress = new java.util.HashMap<>();
        jdbc.sql("select * from fulfilment_runs where request_id = any(?)").param(ids).query((rs, n) -> run(rs)).list()
                .forEach(run -> progress.put(run.requestId(), progress(run, steps.getOrDefault(run.requestId(), List.of()))));
        return progress;
    }

    public Optional<Step> lockStep(UUID requestId, int position) {
        return jdbc.sql("""
                        select s.*, null as done_by_name from fulfilment_steps s
                        where s.request_id = ? and s.position = ? for update""")
                .params(requestId, position).query((rs, n) -> step(rs)).optional();
    }

    public void start(UUID requestId, int position, Instant at) {
        jdbc.sql("update fulfilment_steps set status = 'running', started_at = ? where request_id = ? and position = ?")
                .params(utc(at), requestId, position).update();
    }

    /** A failed step made ready for new attempts. */
    public void resetForRetry(UUID requestId, int position, Instant at) {
        jdbc.sql("""
                        update fulfilment_steps set status = 'running', attempts = 0, error = null, finished_at = null,
                               started_at = coalesce(started_at, ?)
                        where request_id = ? and position = ?""")
                .params(utc(at), requestId, position).update();
    }

    public void attempted(UUID requestId, int position, String error) {
        jdbc.sql("update fulfilment_steps set attempts = attempts + 1, error = ? where request_id = ? and position = ?")
                .params(error, requestId, position).update();
    }

    public void finish(UUID requestId, int position, StepStatus status, Map<String, Object> output, String error,
                       UUID doneBy, String note, Instant at) {
        jdbc.sql("""
                        update fulfilment_steps set status = ?, output = ?::jsonb, error = ?, done_by = ?, note = ?,
                               finished_at = ?
                        where request_id = ? and position = ?""")
                .params(status.code(), output == null ? null : json.writeValueAsString(output), error, doneBy, note,
                        utc(at), requestId, position)
                .update();
    }

    public void runStatus(UUID requestId, String status, String error, Instant finishedAt) {
        jdbc.sql("update fulfilment_runs set status = ?, error = ?, finished_at = ? where request_id = ?")
                .params(status, error, finishedAt == null ? null : utc(finishedAt), requestId).update();
    }

    /** The tenant's signing secret, made on first use. */
    public String signingSecret(String candidate, Instant at) {
        jdbc.sql("insert into fulfilment_signing (secret, created_at) values (?, ?) on conflict do nothing")
                .params(candidate, utc(at)).update();
        return jdbc.sql("select secret from fulfilment_signing").query(String.class).single();
    }

    public static FulfilmentProgress progress(Run run, List<Step> steps) {
        return new FulfilmentProgress(run.status(), run.error(), run.startedAt(), run.finishedAt(), steps.stream()
                .map(s -> new StepProgress(s.name(), s.kind(), s.stage(), s.teamKey(), s.status(), s.attempts(),
                        s.plannedMinutes(), s.startedAt(), s.finishedAt(), seconds(s.startedAt(), s.finishedAt()),
                        s.output(), s.error(), s.doneBy(), s.note()))
                .toList());
    }

    private static Long seconds(Instant from, Instant to) {
        return from == null || to == null ? null : java.time.Duration.between(from, to).toSeconds();
    }

    private Run run(ResultSet rs) throws SQLException {
        return new Run(rs.getObject("request_id", UUID.class), rs.getString("item_key"),
                json.readValue(rs.getString("context"), MAP), rs.getString("status"), rs.getString("error"),
                instant(rs, "started_at"), instant(rs, "finished_at"));
    }

    private Step step(ResultSet rs) throws SQLException {
        String call = rs.getString("call");
        String output = rs.getString("output");
        return new Step(rs.getObject("request_id", UUID.class), rs.getInt("position"), rs.getInt("stage"),
                rs.getString("name"), StepKind.fromCode(rs.getString("kind")), rs.getString("team_key"),
                (Integer) rs.getObject("planned_minutes"), call == null ? null : json.readValue(call, HttpCall.class),
                StepStatus.of(rs.getString("status")), rs.getInt("attempts"), instant(rs, "started_at"),
                instant(rs, "finished_at"), output == null ? null : json.readValue(output, MAP), rs.getString("error"),
                rs.getString("done_by_name"), rs.getString("note"));
    }

}
