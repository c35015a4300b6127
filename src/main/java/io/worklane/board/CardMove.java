package io.worklane.board;

import java.util.UUID;

/**
 * Moving a card: to a column (and, when the column holds several statuses of the item's type, to one
 * of them by name), between two neighbours ({@code after}: the card it lands below; {@code before}: the
 * card it lands above; null at either end). {@code version} is the item version the mover saw
 * (a stale move is refused); {@code overrideReason} overrides a hard WIP limit, for those allowed to.
 */
public record CardMove(String item, UUID column, String status, String after, String before, Long version,
                       String overrideReason) {
}
