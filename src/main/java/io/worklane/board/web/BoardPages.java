package io.worklane.board.web;

import io.worklane.board.Board;
import io.worklane.board.BoardContent;
import io.worklane.board.BoardContents;
import io.worklane.board.BoardId;
import io.worklane.board.BoardManagement;
import io.worklane.board.BoardWatch;
import io.worklane.board.Card;
import io.worklane.board.CardMove;
import io.worklane.board.CardMoves;
import io.worklane.board.MoveOutcome;
import io.worklane.identity.WorklaneUser;
import io.worklane.work.BlockRequest;
import io.worklane.work.ItemBlocks;
import io.worklane.work.CreateOptions;
import io.worklane.work.WorkOverview;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseBody;

import java.util.List;
import java.util.UUID;

/**
 * The board in the browser: the page, more cards of a cell, moves (the same facade and WIP rules as
 * the API; the page's script sends them and puts a refused card back with the reason), blocking.
 */
@Controller
class BoardPages {

    private final BoardManagement boards;
    private final BoardContents contents;
    private final CardMoves moves;
    private final ItemBlocks blocks;
    private final BoardWatch watch;
    private final WorkOverview overview;

    BoardPages(BoardManagement boards, BoardContents contents, CardMoves moves, ItemBlocks blocks, BoardWatch watch,
               WorkOverview overview) {
        this.overview = overview;
        this.watch = watch;
        this.boards = boards;
        this.contents = contents;
        this.moves = moves;
        this.blocks = blocks;
    }

    @GetMapping("/t/{tenant}/boards")
    String list(@PathVariable String tenant, @AuthenticationPrincipal WorklaneUser me, Model model) {
        model.addAttribute("boards", boards.boards(me));
        return "boards/list";
    }

    @GetMapping("/t/{tenant}/teams/{key}/board")
    String teamBoard(@PathVariable String tenant, @AuthenticationPrincipal WorklaneUser me, @PathVariable String key) {
        Board board = boards.teamBoard(me, key);
        return "redirect:/t/" + me.tenantSlug() + "/boards/" + board.id();
    }

    @GetMapping("/t/{tenant}/boards/{id}")
    String board(@PathVariable String tenant, @AuthenticationPrincipal WorklaneUser me, @PathVariable UUID id,
                 Model model) {
        BoardContent content = contents.content(me, new BoardId(id), null);
        model.addAttribute("view", BoardView.of(content, me));
        model.addAttribute("board", content.board());
        CreateOptions options = overview.createOptions(me);
        model.addAttribute("teams", java.util.stream.Stream.concat(options.myTeams().stream(), options.otherTeams().stream()).toList());
        model.addAttribute("people", content.board().team() == null ? List.of()
                : overview.team(me, content.board().team().key()).members());
        return "boards/board";
    }

    /** The next cards of one cell, and a further "more" button while some remain. */
    @GetMapping("/t/{tenant}/boards/{id}/cells")
    String more(@PathVariable String tenant, @AuthenticationPrincipal WorklaneUser me, @PathVariable UUID id,
                @RequestParam UUID column, @RequestParam(defaultValue = "") String lane, @RequestParam String after,
                @RequestParam(defaultValue = "0") int remaining, Model model) {
        Board board = boards.board(me, new BoardId(id));
        List<Card> cards = contents.more(me, board, column, lane, after, BoardContents.PAGE);
        model.addAttribute("board", board);
        model.addAttribute("cards", cards);
        model.addAttribute("column", column);
        model.addAttribute("lane", lane);
        model.addAttribute("remaining", Math.max(0, remaining - cards.size()));
        return "boards/cards :: more";
    }

    /** One card as the board shows it (live updates fetch it after a change). */
    @GetMapping("/t/{tenant}/boards/{id}/cards/{key}")
    String card(@PathVariable String tenant, @AuthenticationPrincipal WorklaneUser me, @PathVariable UUID id,
                @PathVariable String key, Model model) {
        Board board = boards.board(me, new BoardId(id));
        model.addAttribute("board", board);
        model.addAttribute("card", contents.card(me, board, key).orElse(null));
        return "boards/cards :: card-or-nothing";
    }

    /** The board's live stream (server-sent events): a {@code card} event per change to one of its cards. */
    @GetMapping(path = "/t/{tenant}/boards/{id}/events", produces = "text/event-stream")
    @ResponseBody
    ResponseEntity<SseEmitter> events(@PathVariable String tenant, @AuthenticationPrincipal WorklaneUser me,
                                      @PathVariable UUID id,
                                      @RequestHeader(name = "Last-Event-ID", required = false) String lastEventId) {
        return watch.watch(me, new BoardId(id), lastEventId);
    }

    @PostMapping("/t/{tenant}/boards/{id}/moves")
    @ResponseBody
    MoveOutcome move(@PathVariable String tenant, @AuthenticationPrincipal WorklaneUser me, @PathVariable UUID id,
                     @RequestParam String item, @RequestParam UUID column,
                     @RequestParam(required = false) String after, @RequestParam(required = false) String before,
                     @RequestParam(required = false) Long version,
                     @RequestParam(required = false) String overrideReason) {
        return moves.move(me, new BoardId(id), new CardMove(item, column, null, after, before, version, overrideReason));
    }

    @PostMapping("/t/{tenant}/boards/{id}/cards/{key}/block")
    String block(@PathVariable String tenant, @AuthenticationPrincipal WorklaneUser me, @PathVariable UUID id,
                 @PathVariable String key, @RequestParam(defaultValue = "") String reason,
                 @RequestParam(required = false) UUID waitingOn, @RequestParam(required = false) String waitingOnTeam,
                 Model model) {
        blocks.block(me, key, new BlockRequest(reason, waitingOn, waitingOnTeam));
        return card(tenant, me, id, key, model);
    }

    @PostMapping("/t/{tenant}/boards/{id}/cards/{key}/unblock")
    String unblock(@PathVariable String tenant, @AuthenticationPrincipal WorklaneUser me, @PathVariable UUID id,
                   @PathVariable String key, Model model) {
        blocks.unblock(me, key);
        return card(tenant, me, id, key, model);
    }
}
