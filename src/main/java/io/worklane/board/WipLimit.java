package io.worklane.board;

/**
 * A limit on work in process. A soft limit warns (the column shows red); a hard limit refuses a move
 * that would exceed it, unless someone allowed to expedite overrides it with a reason.
 */
public record WipLimit(int max, boolean hard) {

    public WipLimit {
        if (max < 1) {
            throw new IllegalArgumentException("A WIP limit is at least 1");
        }
    }

    public String kind() {
        return hard ? "hard" : "soft";
    }
}
