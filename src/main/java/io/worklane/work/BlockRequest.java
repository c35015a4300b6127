package io.worklane.work;

import java.util.UUID;

/** Flagging an item blocked: a reason, and optionally the person (id) and/or team (key) it waits on. */
public record BlockRequest(String reason, UUID waitingOn, String waitingOnTeam) {
}
