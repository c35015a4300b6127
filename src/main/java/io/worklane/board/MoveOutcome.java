package io.worklane.board;

import java.util.List;

/** A card where it landed; the soft limits the move exceeded; whether a hard limit was overridden. */
public record MoveOutcome(Card card, List<String> warnings, boolean overridden) {

    public MoveOutcome {
        warnings = List.copyOf(warnings);
    }
}
