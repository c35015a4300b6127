package io.worklane.board;

import io.worklane.board.internal.BoardStore;
import io.worklane.board.internal.Overrides;
import io.worklane.board.internal.SettingsReader;
import io.worklane.identity.WorklaneUser;
import io.worklane.shared.web.ApiProblem;
import io.worklane.work.Refs.TeamRef;
import io.worklane.work.TeamOverview;
import io.worklane.work.WorkCategories;
import io.worklane.work.WorkCategory;
import io.worklane.work.WorkManagement;
import io.worklane.work.WorkOverview;
import io.worklane.work.WorkSearch;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * Boards of the current tenant and their settings. Agents and admins see boards; admins set them up.
 * Every team gets a board with default columns the first time someone opens it.
 */
@Service
public class BoardManagement {

    private final BoardStore store;
    private final Overrides overrides;
    private final WorkManagement work;
    private final WorkOverview overview;
    private final WorkSearch search;
    private final WorkCategories categories;
    private final Clock clock;

    BoardManagement(BoardStore store, Overrides overrides, WorkManagement work, WorkOverview overview,
                    WorkSearch search, WorkCategories categories, Clock clock) {
        this.store = store;
        this.overrides = overrides;
        this.work = work;
        this.overview = overview;
        this.search = search;
        this.categories = categories;
        this.clock = clock;
    }

    @Transactional(readOnly = true)
    public List<BoardSummary> boards(WorklaneUser actor) {
        requireStaff(actor);
        return store.all().stream().map(h -> new BoardSummary(h.id(), h.name(), h.team(), h.query())).toList();
    }

    @Transactional(readOnly = true)
    public Board board(WorklaneUser actor, BoardId id) {
        requireStaff(actor);
        return store.find(id).orElseThrow(() -> notFound(id));
    }

    /** The team's board; the first time, one with the default columns (any agent may open it). */
    @Transactional
    public Board teamBoard(WorklaneUser actor, String teamKey) {
        requireStaff(actor);
        TeamRef team = team(actor, teamKey).orElseThrow(() ->
                ApiProblem.notFound("There is no team " + (teamKey == null ? "" : teamKey.strip()) + "."));
        store.lockTeamBoards(team.id());
        Optional<UUID> existing = store.teamBoard(team.id());
        if (existing.isPresent()) {
            return store.find(new BoardId(existing.get())).orElseThrow();
        }
        BoardId id = new BoardId(UUID.randomUUID());
        Board board = reader(actor).read(id, new BoardSettings(team.name(), team.key(), null, null, null, null, null,
                null, null, null, null, null, null), 0);
        store.save(board, clock.instant(), null);
        return board;
    }

    @Transactional
    public Board create(WorklaneUser actor, BoardSettings settings) {
        requireAdmin(actor);
        Board board = read(actor, new BoardId(UUID.randomUUID()), settings, 0);
        store.save(board, clock.instant(), null);
        return store.find(board.id()).orElseThrow();
    }

    /** Replaces a board's settings; with {@code expectedVersion}, refuses to overwrite a newer version (409). */
    @Transactional
    public Board update(WorklaneUser actor, BoardId id, BoardSettings settings, Long expectedVersion) {
        requireAdmin(actor);
        long current = store.version(id).orElseThrow(() -> notFound(id));
        if (expectedVersion != null && expectedVersion != current) {
            throw ApiProblem.staleVersion(current);
        }
        Board board = read(actor, id, settings, current);
        if (!store.save(board, clock.instant(), current)) {
            throw ApiProblem.staleVersion(store.version(id).orElse(current));
        }
        return store.find(id).orElseThrow();
    }

    @Transactional
    public void delete(WorklaneUser actor, BoardId id) {
        requireAdmin(actor);
        if (!store.delete(id)) {
            throw notFound(id);
        }
    }

    /** Hard limits overridden on this board, newest first. */
    @Transactional(readOnly = true)
    public List<WipOverride> overrides(WorklaneUser actor, BoardId id) {
        board(actor, id);
        return overrides.of(id, 500);
    }

    /** The settings a board has, as the settings form and the API's PUT take them. */
    public static BoardSettings settingsOf(Board board) {
        return new BoardSettings(board.name(), board.team() == null ? null : board.team().key(), board.query(),
                board.swimlanes().code(), board.expediteQuery(),
                board.personLimit() == null ? null : board.personLimit().max(),
                board.personLimit() != null && board.personLimit().hard(),
                board.overrideRoles().stream().map(r -> r.code()).sorted().toList(), board.doneWindowDays(),
                board.cardFields(),
                board.columns().stream().map(c -> new BoardSettings.ColumnSettings(c.name(), c.kind().code(),
                        c.statuses().stream().map(s -> s.name()).distinct().toList(),
                        c.limit() == null ? null : c.limit().max(), c.limit() != null && c.limit().hard(), c.group()))
                        .toList(),
                board.groupLimits().entrySet().stream().map(e -> new BoardSettings.LimitSettings(e.getKey(),
                        e.getValue().max(), e.getValue().hard())).toList(),
                board.laneLimits().entrySet().stream().map(e -> new BoardSettings.LimitSettings(e.getKey(),
                        e.getValue().max(), e.getValue().hard())).toList());
    }

    private Board read(WorklaneUser actor, BoardId id, BoardSettings settings, long version) {
        if (settings == null) {
            throw ApiProblem.invalidField("name", "must not be empty");
        }
        Board board = reader(actor).read(id, settings, version);
        if (!board.query().isBlank()) {
            search.check(actor, board.query(), "query");
        }
        if (board.hasExpediteLane()) {
            search.check(actor, board.expediteQuery(), "expediteQuery");
        }
        return board;
    }

    private SettingsReader reader(WorklaneUser actor) {
        return new SettingsReader(work.types(actor),
                categories.all().stream().map(WorkCategory::code).collect(Collectors.toSet()),
                key -> team(actor, key));
    }

    private Optional<TeamRef> team(WorklaneUser actor, String key) {
        try {
            return Optional.of(overview.team(actor, key)).map(TeamOverview::team);
        } catch (ApiProblem notFound) {
            return Optional.empty();
        }
    }

    static void requireStaff(WorklaneUser actor) {
        if (!actor.isStaff()) {
            throw ApiProblem.forbidden("Boards are for agents and admins.");
        }
    }

    private static void requireAdmin(WorklaneUser actor) {
        if (!actor.isAdmin()) {
            throw ApiProblem.forbidden("Only admins may set up boards.");
        }
    }

    static ApiProblem notFound(BoardId id) {
        return ApiProblem.notFound("There is no board " + id + ".");
    }
}
