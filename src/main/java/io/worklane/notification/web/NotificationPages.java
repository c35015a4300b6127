package io.worklane.notification.web;

import io.worklane.identity.WorklaneUser;
import io.worklane.notification.Notification;
import io.worklane.notification.Notifications;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;

import java.util.UUID;

/** The inbox page, the unread count in the top bar, and opening a notification (which reads it). */
@Controller
class NotificationPages {

    private final Notifications notifications;

    NotificationPages(Notifications notifications) {
        this.notifications = notifications;
    }

    @GetMapping("/t/{tenant}/notifications")
    String inbox(@AuthenticationPrincipal WorklaneUser me, Model model) {
        model.addAttribute("notifications", notifications.inbox(me));
        return "notifications/inbox";
    }

    /** The bell's count, fetched by the top bar. */
    @GetMapping("/t/{tenant}/notifications/count")
    String count(@AuthenticationPrincipal WorklaneUser me, Model model) {
        model.addAttribute("unread", notifications.unread(me));
        return "notifications/count :: count";
    }

    /** Opens what the notification is about, and marks it read. */
    @PostMapping("/t/{tenant}/notifications/{id}/open")
    String open(@PathVariable String tenant, @AuthenticationPrincipal WorklaneUser me, @PathVariable UUID id) {
        Notification read = notifications.read(me, id);
        return "redirect:/t/" + tenant + (read.link().startsWith("/") ? read.link() : "/notifications");
    }

    @PostMapping("/t/{tenant}/notifications/read-all")
    String readAll(@PathVariable String tenant, @AuthenticationPrincipal WorklaneUser me) {
        notifications.readAll(me);
        return "redirect:/t/" + tenant + "/notifications";
    }
}
