package io.worklane.notification.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import io.worklane.identity.WorklaneUser;
import io.worklane.notification.Notification;
import io.worklane.notification.Notifications;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;

import java.util.List;
import java.util.Map;
import java.util.UUID;

/** The caller's notifications over the API. */
@RestController
@Tag(name = "Notifications", description = "The caller's in-app notifications")
class NotificationApi {

    private static final String BASE = "/t/{tenant}/api/v1/notifications";

    private final Notifications notifications;

    NotificationApi(Notifications notifications) {
        this.notifications = notifications;
    }

    @GetMapping(path = BASE, produces = "application/json")
    @Operation(summary = "The caller's newest notifications (100), read or not")
    List<Notification> inbox(@AuthenticationPrincipal WorklaneUser actor) {
        return notifications.inbox(actor);
    }

    @GetMapping(path = BASE + "/unread", produces = "application/json")
    @Operation(summary = "How many of the caller's notifications are unread")
    Map<String, Long> unread(@AuthenticationPrincipal WorklaneUser actor) {
        return Map.of("unread", notifications.unread(actor));
    }

    @PostMapping(path = BASE + "/{id}/read", produces = "application/json")
    @Operation(summary = "Mark one notification read")
    Notification read(@AuthenticationPrincipal WorklaneUser actor, @PathVariable UUID id) {
        return notifications.read(actor, id);
    }

    @PostMapping(path = BASE + "/read-all", produces = "application/json")
    @Operation(summary = "Mark all the caller's notifications read")
    Map<String, Integer> readAll(@AuthenticationPrincipal WorklaneUser actor) {
        return Map.of("read", notifications.readAll(actor));
    }
}
