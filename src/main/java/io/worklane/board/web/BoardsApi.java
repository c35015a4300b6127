package io.worklane.board.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import io.worklane.board.Board;
import io.worklane.board.BoardContent;
import io.worklane.board.BoardContents;
import io.worklane.board.BoardId;
import io.worklane.board.BoardManagement;
import io.worklane.board.BoardSettings;
import io.worklane.board.BoardSummary;
import io.worklane.board.Card;
import io.worklane.board.CardMove;
import io.worklane.board.CardMoves;
import io.worklane.board.MoveOutcome;
import io.worklane.board.WipLimit;
import io.worklane.board.WipOverride;
import io.worklane.identity.WorklaneUser;
import io.worklane.shared.web.Versions;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.net.URI;
import java.util.List;
import java.util.UUID;

/** The tenant API for boards: settings, contents, card moves (with the same WIP rules as the UI), overrides. */
@RestController
@RequestMapping(path = "/t/{tenant}/api/v1/boards", produces = "application/json")
@Tag(name = "Boards", description = "Kanban boards: columns, WIP limits, swimlanes, card moves")
class BoardsApi {

    private final BoardManagement boards;
    private final BoardContents contents;
    private final CardMoves moves;

    BoardsApi(BoardManagement boards, BoardContents contents, CardMoves moves) {
        this.boards = boards;
        this.contents = contents;
        this.moves = moves;
    }

    /** A board's settings as the API returns them: its id, version and column ids beside what PUT takes. */
    record BoardJson(UUID id, long version, BoardSettings settings, List<ColumnJson> columns) {
        static BoardJson of(Board board) {
            return new BoardJson(board.id().value(), board.version(), BoardManagement.settingsOf(board),
                    board.columns().stream().map(c -> new ColumnJson(c.id(), c.name(), c.kind().code(), c.limit(),
                            c.group(), c.statuses().stream().map(s -> s.name()).distinct().toList())).toList());
        }
    }

    record ColumnJson(UUID id, String name, String kind, WipLimit limit, String group, List<String> statuses) {
    }

    /** What a board shows now, column by column and lane by lane. */
    record ContentJson(UUID board, String name, List<LaneJson> lanes, List<ColumnContentJson> columns) {
    }

    record LaneJson(String key, String name, WipLimit limit, int inProcess) {
    }

    record ColumnContentJson(UUID id, String name, String kind, WipLimit limit, int count, List<CellJson> cells) {
    }

    record CellJson(String lane, int total, List<Card> cards) {
    }

    @GetMapping
    @Operation(summary = "The boards of the tenant")
    List<BoardSummary> list(@AuthenticationPrincipal WorklaneUser actor) {
        return boards.boards(actor);
    }

    @PostMapping(consumes = "application/json")
    @Operation(summary = "Create a board (admins); without columns it gets Backlog, In progress, Waiting and Done")
    ResponseEntity<BoardJson> create(@AuthenticationPrincipal WorklaneUser actor, @RequestBody BoardSettings settings) {
        Board board = boards.create(actor, settings);
        return ResponseEntity.status(HttpStatus.CREATED)
                .location(URI.create("/t/" + actor.tenantSlug() + "/api/v1/boards/" + board.id()))
                .eTag(Versions.etag(board.version())).body(BoardJson.of(board));
    }

    @GetMapping("/team/{key}")
    @Operation(summary = "A team's board (created with the default columns the first time)")
    ResponseEntity<BoardJson> teamBoard(@AuthenticationPrincipal WorklaneUser actor, @PathVariable String key) {
        return withEtag(boards.teamBoard(actor, key));
    }

    @GetMapping("/{id}")
    @Operation(summary = "A board's settings")
    ResponseEntity<BoardJson> get(@AuthenticationPrincipal WorklaneUser actor, @PathVariable UUID id) {
        return withEtag(boards.board(actor, new BoardId(id)));
    }

    @PutMapping(path = "/{id}", consumes = "application/json")
    @Operation(summary = "Replace a board's settings (admins); send If-Match to refuse a stale change")
    ResponseEntity<BoardJson> update(@AuthenticationPrincipal WorklaneUser actor, @PathVariable UUID id,
                                     @RequestBody BoardSettings settings,
                                     @RequestHeader(value = HttpHeaders.IF_MATCH, required = false) String ifMatch) {
        return withEtag(boards.update(actor, new BoardId(id), settings, Versions.ifMatch(ifMatch)));
    }

    @DeleteMapping("/{id}")
    @Operation(summary = "Delete a board (admins); its items stay")
    ResponseEntity<Void> delete(@AuthenticationPrincipal WorklaneUser actor, @PathVariable UUID id) {
        boards.delete(actor, new BoardId(id));
        return ResponseEntity.noContent().build();
    }

    @GetMapping("/{id}/cards")
    @Operation(summary = "The board's cards: the first `limit` of each column and lane, with counts")
    ContentJson cards(@AuthenticationPrincipal WorklaneUser actor, @PathVariable UUID id,
                      @RequestParam(required = false) Integer limit) {
        BoardContent content = contents.content(actor, new BoardId(id), limit);
        Board board = content.board();
        List<ColumnContentJson> columns = board.columns().stream().map(c -> new ColumnContentJson(c.id(), c.name(),
                c.kind().code(), c.limit(), content.count(c.id()), content.lanes().stream()
                .map(l -> new CellJson(l.key(), content.cell(c.id(), l.key()).total(), content.cell(c.id(), l.key()).cards()))
                .toList())).toList();
        return new ContentJson(board.id().value(), board.name(),
                content.lanes().stream().map(l -> new LaneJson(l.key(), l.name(), l.limit(), l.inProcess())).toList(),
                columns);
    }

    @GetMapping("/{id}/cards/more")
    @Operation(summary = "More cards of one column and lane, after the card `after`")
    List<Card> more(@AuthenticationPrincipal WorklaneUser actor, @PathVariable UUID id, @RequestParam UUID column,
                    @RequestParam(defaultValue = "") String lane, @RequestParam String after,
                    @RequestParam(required = false) Integer limit) {
        return contents.more(actor, new BoardId(id), column, lane, after, limit);
    }

    @PostMapping(path = "/{id}/moves", consumes = "application/json")
    @Operation(summary = "Move a card: a workflow transition checked against the WIP limits (409 wip-limit-reached "
            + "with the reason; send overrideReason to override a hard limit, if your role may)")
    MoveOutcome move(@AuthenticationPrincipal WorklaneUser actor, @PathVariable UUID id, @RequestBody CardMove move) {
        return moves.move(actor, new BoardId(id), move);
    }

    @GetMapping("/{id}/overrides")
    @Operation(summary = "Hard WIP limits overridden on this board, newest first, with who and why")
    List<WipOverride> overrides(@AuthenticationPrincipal WorklaneUser actor, @PathVariable UUID id) {
        return boards.overrides(actor, new BoardId(id));
    }

    private static ResponseEntity<BoardJson> withEtag(Board board) {
        return ResponseEntity.ok().eTag(Versions.etag(board.version())).body(BoardJson.of(board));
    }

}
