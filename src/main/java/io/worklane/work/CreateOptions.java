package io.worklane.work;

import java.util.List;

/**
 * What a person may choose from when they create an item: their own teams first, then the others,
 * and the types they may raise (requesters: only requestable ones).
 */
public record CreateOptions(List<Refs.TeamRef> myTeams, List<Refs.TeamRef> otherTeams, List<WorkType> types,
                            List<Priority> priorities) {
}
