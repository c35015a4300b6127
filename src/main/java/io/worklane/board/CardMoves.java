package io.worklane.board;

import io.worklane.board.BoardEvents.CardRanked;
import io.worklane.board.BoardEvents.WipLimitOverridden;
import io.worklane.board.WipLimitPolicy.Breach;
import io.worklane.board.WipLimitPolicy.Occupancy;
import io.worklane.board.WipLimitPolicy.Verdict;
import io.worklane.board.internal.BoardStore;
import io.worklane.board.internal.Cards;
import io.worklane.board.internal.Cards.Placed;
import io.worklane.board.internal.Overrides;
import io.worklane.board.internal.Ranks;
import io.worklane.identity.WorklaneUser;
import io.worklane.shared.web.ApiProblem;
import io.worklane.shared.web.FieldError;
import io.worklane.work.HistoryEntry;
import io.worklane.work.Refs.StatusRef;
import io.worklane.work.Status;
import io.worklane.work.StatusPhase;
import io.worklane.work.TypeCatalog;
import io.worklane.work.WorkItem;
import io.worklane.work.WorkManagement;
import io.worklane.work.WorkManagement.StatusChange;
import io.worklane.work.WorkManagement.TransitionOption;
import io.worklane.work.WorkType;
import io.worklane.work.query.SqlFragment;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * Moving cards. A move to another column is a status transition through the item's workflow (refused
 * with the workflow's reason), checked first against the board's WIP limits ({@link WipLimitPolicy}):
 * a hard limit refuses the move unless someone allowed to expedite overrides it with a reason, which
 * is recorded. Moves on one board are serialised, so two movers cannot both take a column's last place;
 * a move based on a stale copy of the item is refused (409), so two people moving one card see who won.
 */
@Service
public class CardMoves {

    private static final int MAX_REASON = 500;

    private final BoardStore store;
    private final Cards cards;
    private final Ranks ranks;
    private final Overrides overrides;
    private final BoardScopes scopes;
    private final BoardContents contents;
    private final WorkManagement work;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    CardMoves(BoardStore store, Cards cards, Ranks ranks, Overrides overrides, BoardScopes scopes,
              BoardContents contents, WorkManagement work, ApplicationEventPublisher events, Clock clock) {
        this.store = store;
        this.cards = cards;
        this.ranks = ranks;
        this.overrides = overrides;
        this.scopes = scopes;
        this.contents = contents;
        this.work = work;
        this.events = events;
        this.clock = clock;
    }

    @Transactional
    public MoveOutcome move(WorklaneUser actor, BoardId id, CardMove move) {
        BoardManagement.requireStaff(actor);
        if (move == null || move.item() == null || move.item().isBlank()) {
            throw ApiProblem.invalidField("item", "must be the key of the card to move");
        }
        if (move.column() == null) {
            throw ApiProblem.invalidField("column", "must be the id of the column to move the card to");
        }
        Board board = store.find(id).orElseThrow(() -> BoardManagement.notFound(id));
        if (board.hasHardLimit()) {
            // Moves that a limit could refuse queue per board, so two cannot both take the last place;
            // without a hard limit nothing can be refused, and moves run side by side.
            store.lockForMoves(id);
        }
        BoardColumn to = board.column(move.column())
                .orElseThrow(() -> ApiProblem.invalidField("column", "is not a column of this board"));
        SqlFragment scope = scopes.scope(actor, board);
        SqlFragment lane = scopes.lane(actor, board);
        Instant doneSince = contents.doneSince(board);
        String key = move.item().strip().toUpperCase();
        Placed placed = cards.placed(board, scope, lane, doneSince, key)
                .orElseThrow(() -> ApiProblem.notFound(key + " is not on this board."));
        Card card = placed.card();
        if (move.version() != null && move.version() != card.version()) {
            WorkItem item = work.get(actor, key);
            List<HistoryEntry> changes = work.history(actor, key).stream()
                    .filter(h -> h.version() > move.version()).toList();
            throw ApiProblem.staleVersion(item.version()).with("changes", changes);
        }
        BoardColumn from = board.column(card.column()).orElseThrow();
        boolean overridden = false;
        List<String> warnings = List.of();
        StatusChange change = null;
        if (!from.id().equals(to.id())) {
            TypeCatalog catalog = work.types(actor);
            Status target = targetStatus(actor, catalog, placed, to, move.status());
            Verdict verdict = WipLimitPolicy.check(board, policyMove(board, card, from, to, target), occupancy(
                    board, scope, lane, placed, from, to, target, catalog));
            overridden = enforce(actor, board, placed, verdict, move.overrideReason());
            warnings = verdict.warnings().stream().map(Breach::reason).toList();
            change = work.changeStatus(actor, key, target.name(), card.version());
        } else if (!work.mayEdit(actor, work.get(actor, key))) {
            throw ApiProblem.forbidden("You may not move this item: only members of the owning team, its assignee "
                    + "or its reporter may.");
        }
        Long rank = to.kind() == ColumnKind.DONE ? null : rank(board, scope, lane, doneSince, placed.item(), to, move);
        if (from.id().equals(to.id())) {
            // A transition is announced by the work module; a new place in the same column only here.
            events.publishEvent(new CardRanked(actor.tenantId(), id, key, clock.instant(), actor.id()));
        }
        return new MoveOutcome(landed(board, scope, lane, doneSince, card, from, to, change, rank), warnings, overridden);
    }

    /**
     * The card where it landed. Between open columns of a board that no query shapes (neither its scope
     * nor an expedite lane), a move changes only the card's status, column and rank, so the card is
     * built from what the move did; otherwise it is read again.
     */
    private Card landed(Board board, SqlFragment scope, SqlFragment lane, Instant doneSince, Card card,
                        BoardColumn from, BoardColumn to, StatusChange change, Long rank) {
        boolean shapedByQuery = !board.query().isBlank() || board.hasExpediteLane();
        if (shapedByQuery || from.kind() == ColumnKind.DONE || to.kind() == ColumnKind.DONE) {
            return cards.card(board, scope, lane, doneSince, card.key()).orElse(card);
        }
        return card.landed(to.id(), change == null ? null : change.to(), change == null ? null : change.at(),
                change == null ? card.version() : change.version(), rank == null ? card.rank() : rank);
    }

    /**
     * The status of the item's type that the column holds and its workflow lets the actor reach. With one
     * candidate (the usual column), the transition itself says whether it may be taken.
     */
    private Status targetStatus(WorklaneUser actor, TypeCatalog catalog, Placed placed, BoardColumn to, String named) {
        WorkType type = catalog.type(placed.type()).orElseThrow();
        List<Status> candidates = to.statuses().stream().map(StatusRef::id).map(type::status)
                .flatMap(Optional::stream).toList();
        if (named != null && !named.isBlank()) {
            candidates = candidates.stream().filter(s -> s.name().equalsIgnoreCase(named.strip())).toList();
            if (candidates.isEmpty()) {
                throw ApiProblem.invalidField("status", "the column " + to.name() + " has no status " + named.strip()
                        + " for " + type.name() + " items");
            }
        }
        if (candidates.isEmpty()) {
            String reason = "The column " + to.name() + " has no status for " + type.name() + " items.";
            throw new ApiProblem(HttpStatus.CONFLICT, "transition-not-allowed", "Transition not allowed", reason,
                    List.of(new FieldError("column", reason)));
        }
        if (candidates.size() == 1) {
            return candidates.get(0);
        }
        Set<UUID> reachable = work.transitions(actor, placed.card().key()).stream().map(TransitionOption::to)
                .map(StatusRef::id).collect(Collectors.toSet());
        // When none is reachable, the first candidate is tried anyway so the workflow says why not.
        return candidates.stream().filter(s -> reachable.contains(s.id())).findFirst().orElse(candidates.get(0));
    }

    private static WipLimitPolicy.Move policyMove(Board board, Card card, BoardColumn from, BoardColumn to,
                                                  Status target) {
        boolean entersInProgress = card.assignee() != null && target.phase() == StatusPhase.IN_PROGRESS
                && card.status().phase() != StatusPhase.IN_PROGRESS;
        return new WipLimitPolicy.Move(from, to, card.lane(), laneName(board, card.lane()),
                card.assignee() == null ? null : card.assignee().name(), entersInProgress);
    }

    private Occupancy occupancy(Board board, SqlFragment scope, SqlFragment lane, Placed placed, BoardColumn from,
                                BoardColumn to, Status target, TypeCatalog catalog) {
        Card card = placed.card();
        boolean counted = to.limit() != null || (to.group() != null && board.groupLimits().containsKey(to.group()))
                || board.laneLimits().containsKey(card.lane());
        if (!counted && board.personLimit() == null) {
            return new Occupancy(null, null, null, null); // no limit applies: nothing to count
        }
        List<UUID> group = to.group() == null ? List.of() : board.group(to.group()).stream().map(BoardColumn::id).toList();
        List<UUID> inProcess = board.columns().stream().filter(BoardColumn::inProcess).map(BoardColumn::id).toList();
        Cards.Occupancy counts = counted ? cards.occupancy(board, scope, lane, placed.item(), to.id(), group,
                inProcess, card.lane()) : null;
        Integer person = null;
        if (card.assignee() != null && board.personLimit() != null && target.phase() == StatusPhase.IN_PROGRESS) {
            Set<UUID> inProgress = catalog.statuses().stream().filter(s -> s.phase() == StatusPhase.IN_PROGRESS)
                    .map(Status::id).collect(Collectors.toSet());
            person = cards.inProgress(card.assignee().id(), inProgress, placed.item());
        }
        return counts == null ? new Occupancy(null, null, null, person)
                : new Occupancy(counts.column(), counts.group(), counts.lane(), person);
    }

    /** Refuses a move over a hard limit, or records the override; returns whether it was overridden. */
    private boolean enforce(WorklaneUser actor, Board board, Placed placed, Verdict verdict, String overrideReason) {
        Optional<Breach> refusal = verdict.refusal();
        if (refusal.isEmpty()) {
            return false;
        }
        boolean mayOverride = board.overrideRoles().stream().anyMatch(actor::has);
        String reason = overrideReason == null ? "" : overrideReason.strip();
        if (reason.isEmpty()) {
            Breach breach = refusal.get();
            Map<String, Object> limit = new LinkedHashMap<>();
            limit.put("scope", breach.scope().code());
            limit.put("name", breach.name());
            limit.put("limit", breach.limit().max());
            limit.put("count", breach.countAfter());
            throw new ApiProblem(HttpStatus.CONFLICT, "wip-limit-reached", "WIP limit reached", breach.reason(),
                    List.of(new FieldError("column", breach.reason())))
                    .with("limit", limit).with("overridable", mayOverride);
        }
        if (!mayOverride) {
            throw ApiProblem.forbidden("Only " + board.overrideRoles().stream().map(r -> r.code() + "s").sorted()
                    .collect(Collectors.joining(" and ")) + " may override a hard WIP limit on this board.");
        }
        if (reason.length() > MAX_REASON) {
            throw ApiProblem.invalidField("overrideReason", "must be at most " + MAX_REASON + " characters");
        }
        Instant now = clock.instant();
        for (Breach breach : verdict.breaches()) {
            if (breach.hard()) {
                overrides.record(board.id(), placed.item(), placed.card().key(), breach.scope().code(), breach.name(),
                        breach.limit().max(), breach.countAfter(), reason, actor.id().value(), now);
                events.publishEvent(new WipLimitOverridden(actor.tenantId(), board.id(), placed.card().key(),
                        breach.scope().code(), breach.name(), reason, now, actor.id()));
            }
        }
        return true;
    }

    /**
     * Places the card between its new neighbours (by rank); spreads the column out when they are adjacent.
     * Returns the new rank, or null when the move names no neighbours (the card keeps its rank).
     */
    private Long rank(Board board, SqlFragment scope, SqlFragment lane, Instant doneSince, UUID item, BoardColumn to,
                      CardMove move) {
        String after = blankToNull(move.after());
        String before = blankToNull(move.before());
        if (after == null && before == null) {
            return null;
        }
        Set<String> keys = new java.util.HashSet<>();
        if (after != null) {
            keys.add(after.toUpperCase());
        }
        if (before != null) {
            keys.add(before.toUpperCase());
        }
        Map<String, Long> known = cards.ranks(keys);
        Long ra = after == null ? null : known.get(after.toUpperCase());
        Long rb = before == null ? null : known.get(before.toUpperCase());
        if ((after != null && ra == null) || (before != null && rb == null)) {
            throw ApiProblem.invalidField(ra == null && after != null ? "after" : "before", "must be the key of a card on this board");
        }
        long rank;
        if (ra != null && rb != null) {
            if (rb - ra < 2) {
                ranks.makeRoom(new ArrayList<>(cards.itemsFrom(board, scope, lane, doneSince, to.id(), rb)), rb);
                rb = rb + Ranks.spread();
            }
            rank = ra + (rb - ra) / 2;
        } else if (ra != null) {
            rank = ra + 1;
        } else {
            rank = rb - 1;
        }
        ranks.set(item, rank);
        return rank;
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }

    static String laneName(Board board, String lane) {
        if (Board.EXPEDITE.equals(lane)) {
            return "Expedite";
        }
        if (lane == null || lane.isEmpty()) {
            return "board";
        }
        String name = lane.replace('_', ' ');
        return board.swimlanes() == Swimlanes.CATEGORY ? Character.toUpperCase(name.charAt(0)) + name.substring(1) : name;
    }
}
