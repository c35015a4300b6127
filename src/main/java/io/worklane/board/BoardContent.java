package io.worklane.board;

import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * What a board shows now: its lanes in order, and for each cell (column × lane) its first cards and
 * how many it holds. Counts are what the limits are checked against.
 */
public record BoardContent(Board board, List<Lane> lanes, Map<UUID, Integer> columnCounts,
                           Map<String, Integer> groupCounts, Map<String, Cell> cells, int pageSize) {

    /** A lane: its key, its name, its colour (category lanes), its limit and how many cards it has in process. */
    public record Lane(String key, String name, String colour, WipLimit limit, int inProcess) {

        public boolean overLimit() {
            return limit != null && inProcess > limit.max();
        }

        public boolean atLimit() {
            return limit != null && inProcess >= limit.max();
        }
    }

    /** The first cards of a cell and how many it holds in all. */
    public record Cell(List<Card> cards, int total) {

        public int hidden() {
            return total - cards.size();
        }
    }

    public static String cellKey(UUID column, String lane) {
        return column + "|" + lane;
    }

    public Cell cell(UUID column, String lane) {
        return cells.getOrDefault(cellKey(column, lane), new Cell(List.of(), 0));
    }

    public int count(UUID column) {
        return columnCounts.getOrDefault(column, 0);
    }

    public int total() {
        return columnCounts.values().stream().mapToInt(Integer::intValue).sum();
    }

    public boolean overLimit(BoardColumn column) {
        return column.limit() != null && count(column.id()) > column.limit().max();
    }

    public boolean atLimit(BoardColumn column) {
        return column.limit() != null && count(column.id()) >= column.limit().max();
    }
}
