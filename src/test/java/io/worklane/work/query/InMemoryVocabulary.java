package io.worklane.work.query;

import java.util.HashMap;
import java.util.HashSet;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/** A tenant's names held in maps, for tests; lookups ignore case as the real vocabulary does. */
final class InMemoryVocabulary implements QueryVocabulary {

    private final Map<String, Set<UUID>> statusesByName = new HashMap<>();
    private final Map<String, Set<UUID>> statusesByPhase = new HashMap<>();
    private final Map<String, UUID> teams = new HashMap<>();
    private final Map<String, UUID> types = new HashMap<>();
    private final Map<String, UUID> users = new HashMap<>();
    private final Map<String, UUID> items = new HashMap<>();
    private final Map<String, CustomFieldKind> customFields = new HashMap<>();

    InMemoryVocabulary status(UUID id, String name, String phase) {
        statusesByName.computeIfAbsent(lower(name), n -> new HashSet<>()).add(id);
        statusesByPhase.computeIfAbsent(phase, p -> new HashSet<>()).add(id);
        return this;
    }

    InMemoryVocabulary team(String key, UUID id) {
        teams.put(lower(key), id);
        return this;
    }

    InMemoryVocabulary type(String name, UUID id) {
        types.put(lower(name), id);
        return this;
    }

    InMemoryVocabulary user(String email, String name, UUID id) {
        users.put(lower(email), id);
        users.put(lower(name), id);
        return this;
    }

    InMemoryVocabulary item(String key, UUID id) {
        items.put(lower(key), id);
        return this;
    }

    InMemoryVocabulary customField(String key, CustomFieldKind kind) {
        customFields.put(key, kind);
        return this;
    }

    @Override
    public Set<UUID> statusesNamed(String name) {
        return statusesByName.getOrDefault(lower(name), Set.of());
    }

    @Override
    public Set<UUID> statusesInPhase(String phase) {
        return statusesByPhase.getOrDefault(phase, Set.of());
    }

    @Override
    public Optional<UUID> team(String key) {
        return Optional.ofNullable(teams.get(lower(key)));
    }

    @Override
    public Optional<UUID> type(String name) {
        return Optional.ofNullable(types.get(lower(name)));
    }

    @Override
    public Optional<UUID> user(String emailOrName) {
        return Optional.ofNullable(users.get(lower(emailOrName)));
    }

    @Override
    public Optional<UUID> item(String key) {
        return Optional.ofNullable(items.get(lower(key)));
    }

    @Override
    public Optional<CustomFieldKind> customField(String key) {
        return Optional.ofNullable(customFields.get(key));
    }

    private static String lower(String text) {
        return text.toLowerCase(Locale.ROOT);
    }
}
