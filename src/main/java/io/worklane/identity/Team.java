package io.worklane.identity;

import io.worklane.shared.TeamId;

import java.time.Instant;

/** A team (work center): where work is done. Its key prefixes its work items (OPS-42). */
public record Team(TeamId id, String key, String name, String description, int memberCount,
                   Instant createdAt, long version) {
}
