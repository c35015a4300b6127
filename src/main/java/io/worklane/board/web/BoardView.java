package io.worklane.board.web;

import io.worklane.board.Board;
import io.worklane.board.BoardColumn;
import io.worklane.board.BoardContent;
import io.worklane.board.BoardContent.Cell;
import io.worklane.board.BoardContent.Lane;
import io.worklane.identity.WorklaneUser;

import java.util.List;

/** What the board page renders: the board, its lanes and columns with how full each is. */
public record BoardView(BoardContent content, List<ColumnView> columns, boolean mayConfigure, boolean mayOverride) {

    /** A column's header: how many cards it holds against its limit; {@code state} is "", "at" or "over". */
    public record ColumnView(BoardColumn column, int count, String state) {
    }

    static BoardView of(BoardContent content, WorklaneUser me) {
        Board board = content.board();
        List<ColumnView> columns = board.columns().stream().map(c -> new ColumnView(c, content.count(c.id()),
                content.overLimit(c) ? "over" : content.atLimit(c) ? "at" : "")).toList();
        return new BoardView(content, columns, me.isAdmin(), board.overrideRoles().stream().anyMatch(me::has));
    }

    public Board board() {
        return content.board();
    }

    public List<Lane> lanes() {
        return content.lanes();
    }

    /** Whether lane headers are worth showing (one lane without a name is just the board). */
    public boolean showLaneHeads() {
        return content.lanes().size() > 1 || !content.lanes().get(0).name().isEmpty();
    }

    public Cell cell(BoardColumn column, Lane lane) {
        return content.cell(column.id(), lane.key());
    }

    public boolean shows(String cardField) {
        return board().cardFields().contains(cardField);
    }
}
