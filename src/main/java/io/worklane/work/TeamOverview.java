package io.worklane.work;

import java.util.List;

/** A team as its page shows it; {@code members} is empty for requesters, who do not see who works where. */
public record TeamOverview(Refs.TeamRef team, String description, List<Refs.Person> members) {
}
