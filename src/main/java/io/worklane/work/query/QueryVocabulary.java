package io.worklane.work.query;

import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/**
 * The names of one tenant that a query may use, bound to ids. The work module answers from the
 * database; all lookups ignore case. An empty answer makes the query fail with the name's position.
 */
public interface QueryVocabulary {

    /** Every status with this name: types share names like "Done", and a query means all of them. */
    Set<UUID> statusesNamed(String name);

    /** Every status in a phase: {@code todo}, {@code in_progress} or {@code done}. */
    Set<UUID> statusesInPhase(String phase);

    Optional<UUID> team(String key);

    Optional<UUID> type(String name);

    /** A person by e-mail address or by exact name. */
    Optional<UUID> user(String emailOrName);

    Optional<UUID> item(String key);

    Optional<CustomFieldKind> customField(String key);
}
