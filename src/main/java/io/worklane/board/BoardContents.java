package io.worklane.board;

import io.worklane.board.BoardContent.Cell;
import io.worklane.board.BoardContent.Lane;
import io.worklane.board.internal.BoardStore;
import io.worklane.board.internal.Cards;
import io.worklane.board.internal.Cards.CellKey;
import io.worklane.identity.WorklaneUser;
import io.worklane.shared.web.ApiProblem;
import io.worklane.work.WorkCategories;
import io.worklane.work.WorkCategory;
import io.worklane.work.query.SqlFragment;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * Reading a board: the first page of every cell in one statement, more of one cell on demand, and one
 * card as the board shows it (live updates). A board with thousands of open cards renders the first
 * {@link #PAGE} of each cell and their counts, never the whole scope.
 */
@Service
public class BoardContents {

    public static final int PAGE = 30;
    private static final int MAX_PAGE = 200;

    private final BoardStore store;
    private final Cards cards;
    private final BoardScopes scopes;
    private final WorkCategories categories;
    private final Clock clock;

    BoardContents(BoardStore store, Cards cards, BoardScopes scopes, WorkCategories categories, Clock clock) {
        this.store = store;
        this.cards = cards;
        this.scopes = scopes;
        this.categories = categories;
        this.clock = clock;
    }

    @Transactional(readOnly = true)
    public BoardContent content(WorklaneUser actor, BoardId id, Integer pageSize) {
        BoardManagement.requireStaff(actor);
        int page = page(pageSize);
        Board board = store.find(id).orElseThrow(() -> BoardManagement.notFound(id));
        Map<CellKey, Integer> totals = new HashMap<>();
        List<Card> found = cards.firstPages(board, scopes.scope(actor, board), scopes.lane(actor, board),
                doneSince(board), page, totals);
        Map<String, List<Card>> byCell = new LinkedHashMap<>();
        for (Card card : found) {
            byCell.computeIfAbsent(BoardContent.cellKey(card.column(), card.lane()), k -> new ArrayList<>()).add(card);
        }
        Map<String, Cell> cells = new HashMap<>();
        Map<UUID, Integer> columnCounts = new HashMap<>();
        Map<String, Integer> inProcessByLane = new HashMap<>();
        totals.forEach((cell, total) -> {
            cells.put(BoardContent.cellKey(cell.column(), cell.lane()),
                    new Cell(byCell.getOrDefault(BoardContent.cellKey(cell.column(), cell.lane()), List.of()), total));
            columnCounts.merge(cell.column(), total, Integer::sum);
            if (board.column(cell.column()).map(BoardColumn::inProcess).orElse(false)) {
                inProcessByLane.merge(cell.lane(), total, Integer::sum);
            }
        });
        Map<String, Integer> groupCounts = new HashMap<>();
        for (BoardColumn column : board.columns()) {
            if (column.group() != null) {
                groupCounts.merge(column.group(), columnCounts.getOrDefault(column.id(), 0), Integer::sum);
            }
        }
        return new BoardContent(board, lanes(board, found, totals, inProcessByLane), columnCounts, groupCounts, cells,
                page);
    }

    /** The cards of one cell after the card {@code afterKey}, in board order. */
    @Transactional(readOnly = true)
    public List<Card> more(WorklaneUser actor, BoardId id, UUID column, String lane, String afterKey, Integer pageSize) {
        BoardManagement.requireStaff(actor);
        return more(actor, store.find(id).orElseThrow(() -> BoardManagement.notFound(id)), column, lane, afterKey,
                pageSize);
    }

    /** The same, for a board the caller has already read. */
    @Transactional(readOnly = true)
    public List<Card> more(WorklaneUser actor, Board board, UUID column, String lane, String afterKey, Integer pageSize) {
        BoardManagement.requireStaff(actor);
        if (board.column(column).isEmpty()) {
            throw ApiProblem.invalidField("column", "is not a column of this board");
        }
        SqlFragment scope = scopes.scope(actor, board);
        SqlFragment laneSql = scopes.lane(actor, board);
        Card after = cards.card(board, scope, laneSql, doneSince(board), afterKey == null ? "" : afterKey.strip())
                .orElseThrow(() -> ApiProblem.invalidField("after", "must be the key of a card on this board"));
        return cards.nextPage(board, scope, laneSql, doneSince(board), column, lane == null ? "" : lane, after.rank(),
                after.key(), page(pageSize));
    }

    /** One item as this board shows it, or empty when it is not on the board (any more). */
    @Transactional(readOnly = true)
    public Optional<Card> card(WorklaneUser actor, BoardId id, String key) {
        BoardManagement.requireStaff(actor);
        Board board = store.find(id).orElseThrow(() -> BoardManagement.notFound(id));
        return card(actor, board, key);
    }

    /** The same, for a board the caller has already read (a page that renders the card needs it too). */
    @Transactional(readOnly = true)
    public Optional<Card> card(WorklaneUser actor, Board board, String key) {
        BoardManagement.requireStaff(actor);
        return cards.card(board, scopes.scope(actor, board), scopes.lane(actor, board), doneSince(board),
                key == null ? "" : key.strip().toUpperCase());
    }

    Instant doneSince(Board board) {
        return clock.instant().minus(Duration.ofDays(board.doneWindowDays()));
    }

    private List<Lane> lanes(Board board, List<Card> found, Map<CellKey, Integer> totals, Map<String, Integer> inProcess) {
        List<Lane> lanes = new ArrayList<>();
        if (board.hasExpediteLane()) {
            lanes.add(new Lane(Board.EXPEDITE, "Expedite", null, board.laneLimits().get(Board.EXPEDITE),
                    inProcess.getOrDefault(Board.EXPEDITE, 0)));
        }
        switch (board.swimlanes()) {
            case NONE -> lanes.add(new Lane("", "", null, null, inProcess.getOrDefault("", 0)));
            case CATEGORY -> {
                for (WorkCategory category : categories.all()) {
                    lanes.add(new Lane(category.code(), category.name(), category.colour(),
                            board.laneLimits().get(category.code()), inProcess.getOrDefault(category.code(), 0)));
                }
            }
            case ASSIGNEE, PARENT -> {
                Map<String, String> names = new LinkedHashMap<>();
                for (Card card : found) {
                    if (!card.lane().isEmpty() && !card.lane().equals(Board.EXPEDITE)) {
                        names.putIfAbsent(card.lane(), board.swimlanes() == Swimlanes.ASSIGNEE
                                ? card.assignee().name() : card.parent().key() + " " + card.parent().title());
                    }
                }
                totals.keySet().stream().map(CellKey::lane).filter(l -> !l.isEmpty() && !l.equals(Board.EXPEDITE))
                        .forEach(l -> names.putIfAbsent(l, l));
                names.entrySet().stream().sorted(Map.Entry.comparingByValue(Comparator.comparing(String::toLowerCase)))
                        .forEach(e -> lanes.add(new Lane(e.getKey(), e.getValue(), null, null,
                                inProcess.getOrDefault(e.getKey(), 0))));
                lanes.add(new Lane("", board.swimlanes() == Swimlanes.ASSIGNEE ? "Unassigned" : "No parent", null, null,
                        inProcess.getOrDefault("", 0)));
            }
        }
        return lanes;
    }

    private static int page(Integer pageSize) {
        int page = pageSize == null ? PAGE : pageSize;
        if (page < 1 || page > MAX_PAGE) {
            throw ApiProblem.invalidField("limit", "must be between 1 and " + MAX_PAGE);
        }
        return page;
    }
}
