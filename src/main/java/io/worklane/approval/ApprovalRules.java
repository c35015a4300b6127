package io.worklane.approval;

import io.worklane.approval.ApprovalPolicy.AutoApprove;
import io.worklane.approval.ApprovalPolicy.Condition;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.LongSupplier;

/**
 * The auto-approval rules of a policy, tested against a subject's facts. Numbers compare as numbers,
 * anything else as text (ISO dates compare in time order). A fact that is missing fails its rule:
 * what cannot be checked is asked.
 */
final class ApprovalRules {

    /** Above the largest quota allowed (1,000,000), so that such a quantity never passes one. */
    static final int MAX_QUANTITY = 1_000_001;

    private ApprovalRules() {
    }

    /** Which rules held and which did not, each said in words for the log. */
    record Verdict(List<String> met, List<String> unmet) {
    }

    /** {@code used} is asked only when there is a quota (it locks and counts). */
    static Verdict check(AutoApprove rules, Map<String, Object> facts, int quantity, LongSupplier used) {
        List<String> met = new ArrayList<>();
        List<String> unmet = new ArrayList<>();
        for (Condition condition : rules.when()) {
            Object fact = facts.get(condition.fact());
            String said = condition.fact() + " " + condition.op() + " " + text(condition.value());
            if (holds(fact, condition.op(), condition.value())) {
                met.add(said + " (" + text(fact) + ")");
            } else {
                unmet.add(fact == null ? condition.fact() + " is not given" : said + " does not hold (" + text(fact) + ")");
            }
        }
        ApprovalPolicy.Quota quota = rules.quota();
        if (quota != null) {
            long before = used.getAsLong();
            String per = quota.perTeam() ? "team" : "requester";
            String said = (before + quantity) + " of " + quota.max() + " this month per " + per;
            if (before + quantity <= quota.max()) {
                met.add("quota: " + said);
            } else {
                unmet.add("quota exceeded: " + said);
            }
        }
        return new Verdict(met, unmet);
    }

    /** How much a subject counts against a quota: its {@code quantity} fact, or 1. */
    static int quantity(AutoApprove rules, Map<String, Object> facts) {
        if (rules == null || rules.quota() == null || rules.quota().quantity() == null) {
            return 1;
        }
        BigDecimal number = number(facts.get(rules.quota().quantity()));
        if (number == null || number.signum() <= 0) {
            return 1;
        }
        // Fractions count whole; anything beyond any quota counts as just beyond the largest.
        BigDecimal whole = number.setScale(0, java.math.RoundingMode.CEILING);
        return whole.compareTo(BigDecimal.valueOf(MAX_QUANTITY)) > 0 ? MAX_QUANTITY : whole.intValueExact();
    }

    static boolean holds(Object fact, String op, Object value) {
        if (fact == null) {
            return false;
        }
        if (op.equals("in")) {
            return value instanceof List<?> list && list.stream().anyMatch(v -> compare(fact, v) == 0);
        }
        int c = compare(fact, value);
        return switch (op) {
            case "=" -> c == 0;
            case "!=" -> c != 0;
            case "<" -> c < 0;
            case "<=" -> c <= 0;
            case ">" -> c > 0;
            case ">=" -> c >= 0;
            default -> false;
        };
    }

    private static int compare(Object fact, Object value) {
        BigDecimal a = number(fact);
        BigDecimal b = number(value);
        if (a != null && b != null) {
            return a.compareTo(b);
        }
        return Objects.toString(fact).compareTo(Objects.toString(value));
    }

    private static BigDecimal number(Object value) {
        if (value instanceof Number number) {
            return new BigDecimal(number.toString());
        }
        return null;
    }

    private static String text(Object value) {
        return value instanceof String s ? "\"" + s + "\"" : String.valueOf(value);
    }
}
