package io.worklane.notification;

import java.time.Instant;
import java.util.UUID;

/** One notification: what kind, what it says, the page it is about, when, and whether it was read. */
public record Notification(UUID id, String kind, String title, String link, Instant createdAt, Instant readAt) {

    public boolean unread() {
        return readAt == null;
    }
}
