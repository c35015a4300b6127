package io.worklane.identity;

import java.util.List;

/** A person and the teams they belong to: what "who am I" answers. */
public record Profile(User user, List<Team> teams) {
}
