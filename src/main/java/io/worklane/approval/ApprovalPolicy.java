package io.worklane.approval;

import io.worklane.shared.web.FieldError;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.function.Predicate;
import java.util.regex.Pattern;

/**
 * Who must say yes, and how (ADR 0018). No rules and no stages: pre-authorised. With {@code autoApprove},
 * a subject whose facts pass every rule is approved at once, and any other goes to the stages. Stages
 * run one after another; each asks its approvers and needs its quorum.
 */
public record ApprovalPolicy(AutoApprove autoApprove, List<Stage> stages) {

    public static final ApprovalPolicy NONE = new ApprovalPolicy(null, List.of());
    static final int MAX_STAGES = 10;
    static final int MAX_HOURS = 24 * 90;
    private static final Set<String> OPERATORS = Set.of("=", "!=", "<", "<=", ">", ">=", "in");
    private static final Pattern QUORUM_COUNT = Pattern.compile("[1-9][0-9]?");

    public ApprovalPolicy {
        stages = stages == null ? List.of() : List.copyOf(stages);
    }

    /** Approved by policy before anyone is asked: what the catalog calls pre-authorised. */
    public boolean preAuthorised() {
        return autoApprove == null && stages.isEmpty();
    }

    /**
     * Rules that approve by themselves when all hold: conditions on the subject's facts (a request's
     * answers), and a quota on how much one requester (or their team) gets in a calendar month.
     */
    public record AutoApprove(List<Condition> when, Quota quota) {

        public AutoApprove {
            when = when == null ? List.of() : List.copyOf(when);
        }
    }

    /** {@code fact op value}, as in {@code cost <= 500} or {@code region in ["EU", "UK"]}. */
    public record Condition(String fact, String op, Object value) {
    }

    /**
     * At most {@code max} a month per {@code requester} or per {@code team} (everyone sharing a team
     * with the requester); each subject counts as 1, or as the number in its fact {@code quantity}.
     */
    public record Quota(String per, Integer max, String quantity) {

        boolean perTeam() {
            return "team".equals(per);
        }
    }

    /**
     * One stage: who is asked, how many must approve ({@code quorum}: "any", "all" or a number), when
     * to remind them, and after how long to act alone ({@code onTimeout}: approve, reject or escalate to
     * {@code escalateTo}).
     */
    public record Stage(String name, Approvers approvers, Object quorum, Integer remindAfterHours,
                        Integer timeoutHours, String onTimeout, Approvers escalateTo) {

        /** How many approvals the stage needs from {@code asked} approvers. */
        int required(int asked) {
            String q = quorum == null ? "any" : quorum.toString().strip().toLowerCase(Locale.ROOT);
            return switch (q) {
                case "any" -> 1;
                case "all" -> asked;
                default -> Math.min(Integer.parseInt(q), asked);
            };
        }

        String quorumText() {
            return quorum == null ? "any" : quorum.toString().strip().toLowerCase(Locale.ROOT);
        }
    }

    /**
     * Who approves: {@code manager} (the requester's; on escalation, the managers of those who did not
     * answer), {@code team} (its members), {@code people} (by e-mail address) or {@code admins}.
     */
    public record Approvers(String kind, String team, List<String> people) {

        public Approvers {
            people = people == null ? List.of() : List.copyOf(people);
        }
    }

    /** What is wrong with the policy, each under {@code prefix} ({@code approval.stages[0].quorum}). */
    public List<FieldError> problems(String prefix, Predicate<String> teamExists, Predicate<String> personExists) {
        List<FieldError> problems = new ArrayList<>();
        if (autoApprove != null) {
            autoApproveProblems(prefix + ".autoApprove", problems);
            if (stages.isEmpty()) {
                problems.add(new FieldError(prefix + ".stages", "must have a stage for what the rules do not approve"));
            }
        }
        if (stages.size() > MAX_STAGES) {
            problems.add(new FieldError(prefix + ".stages", "must have at most " + MAX_STAGES + " stages"));
        }
        for (int n = 0; n < stages.size(); n++) {
            String at = prefix + ".stages[" + n + "]";
            Stage stage = stages.get(n);
            if (stage == null) {
                problems.add(new FieldError(at, "must be a stage"));
                continue;
            }
            if (stage.name() == null || stage.name().isBlank() || stage.name().strip().length() > 80) {
                problems.add(new FieldError(at + ".name", "must be 1 to 80 characters"));
            }
            approverProblems(stage.approvers(), at + ".approvers", teamExists, personExists, problems);
            String quorum = stage.quorumText();
            if (!(quorum.equals("any") || quorum.equals("all") || QUORUM_COUNT.matcher(quorum).matches())) {
                problems.add(new FieldError(at + ".quorum", "must be any, all or a number from 1 to 99"));
            }
            hours(stage.remindAfterHours(), at + ".remindAfterHours", problems);
            hours(stage.timeoutHours(), at + ".timeoutHours", problems);
            String onTimeout = stage.onTimeout();
            if (onTimeout != null && !Set.of("approve", "reject", "escalate").contains(onTimeout)) {
                problems.add(new FieldError(at + ".onTimeout", "must be approve, reject or escalate"));
            }
            if ((onTimeout == null) != (stage.timeoutHours() == null)) {
                problems.add(new FieldError(at + ".onTimeout", "timeoutHours and onTimeout go together"));
            }
            if ("escalate".equals(onTimeout)) {
                approverProblems(stage.escalateTo(), at + ".escalateTo", teamExists, personExists, problems);
            } else if (stage.escalateTo() != null) {
                problems.add(new FieldError(at + ".escalateTo", "only a stage that escalates on timeout names whom to"));
            }
        }
        return problems;
    }

    private void autoApproveProblems(String at, List<FieldError> problems) {
        if (autoApprove.when().isEmpty() && autoApprove.quota() == null) {
            problems.add(new FieldError(at, "must have a condition (when) or a quota"));
        }
        for (int n = 0; n < autoApprove.when().size(); n++) {
            Condition condition = autoApprove.when().get(n);
            String c = at + ".when[" + n + "]";
            if (condition == null || condition.fact() == null || condition.fact().isBlank()) {
                problems.add(new FieldError(c + ".fact", "must name the answer the rule looks at"));
                continue;
            }
            if (condition.op() == null || !OPERATORS.contains(condition.op())) {
                problems.add(new FieldError(c + ".op", "must be one of =, !=, <, <=, >, >=, in"));
            } else if (condition.op().equals("in") != (condition.value() instanceof List<?>)) {
                problems.add(new FieldError(c + ".value", condition.op().equals("in") ? "must be a list" : "must be one value"));
            }
            if (condition.value() == null) {
                problems.add(new FieldError(c + ".value", "is required"));
            }
        }
        Quota quota = autoApprove.quota();
        if (quota != null) {
            if (!Set.of("requester", "team").contains(String.valueOf(quota.per()))) {
                problems.add(new FieldError(at + ".quota.per", "must be requester or team"));
            }
            if (quota.max() == null || quota.max() < 1 || quota.max() > 1_000_000) {
                problems.add(new FieldError(at + ".quota.max", "must be 1 to 1000000"));
            }
        }
    }

    private static void approverProblems(Approvers approvers, String at, Predicate<String> teamExists,
                                         Predicate<String> personExists, List<FieldError> problems) {
        if (approvers == null || approvers.kind() == null) {
            problems.add(new FieldError(at + ".kind", "must be manager, team, people or admins"));
            return;
        }
        switch (approvers.kind()) {
            case "manager", "admins" -> {
            }
            case "team" -> {
                if (approvers.team() == null || !teamExists.test(approvers.team().strip().toUpperCase(Locale.ROOT))) {
                    problems.add(new FieldError(at + ".team", "must be the key of a team"));
                }
            }
            case "people" -> {
                if (approvers.people().isEmpty() || approvers.people().size() > 50) {
                    problems.add(new FieldError(at + ".people", "must name 1 to 50 people by e-mail address"));
                }
                approvers.people().stream().filter(p -> p == null || !personExists.test(p.strip())).forEach(p ->
                        problems.add(new FieldError(at + ".people", "there is no person with the e-mail address " + p)));
            }
            default -> problems.add(new FieldError(at + ".kind", "must be manager, team, people or admins"));
        }
    }

    private static void hours(Integer hours, String at, List<FieldError> problems) {
        if (hours != null && (hours < 1 || hours > MAX_HOURS)) {
            problems.add(new FieldError(at, "must be 1 to " + MAX_HOURS + " hours (90 days)"));
        }
    }
}
