package io.worklane.board;

import java.util.List;

/**
 * What a board is set to, as an admin writes it (API body and settings form). On create, absent
 * columns mean the default columns (Backlog, In progress, Waiting, Done, from every type's workflow).
 * Statuses are named; a name takes that status of every type that has one ("Done").
 *
 * @param team      the owning team's key; null for a board across teams, which then needs a query
 * @param groups    limits shared by columns with the same group name
 * @param lanes     limits per swimlane: a category code (unplanned, change, ...) or {@code expedite}
 */
public record BoardSettings(String name, String team, String query, String swimlanes, String expediteQuery,
                            Integer personLimit, Boolean personLimitHard, List<String> overrideRoles,
                            Integer doneWindowDays, List<String> cardFields, List<ColumnSettings> columns,
                            List<LimitSettings> groups, List<LimitSettings> lanes) {

    public record ColumnSettings(String name, String kind, List<String> statuses, Integer limit, Boolean hard,
                                 String group) {
    }

    public record LimitSettings(String name, Integer limit, Boolean hard) {
    }
}
