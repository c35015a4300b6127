package io.worklane.notification;

import io.worklane.approval.ApprovalAsked;
import io.worklane.approval.Approvals;
import io.worklane.identity.OrgChart;
import io.worklane.sla.SlaEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

import java.util.List;
import java.util.UUID;

/**
 * Who is told what, in the transaction of what happened: an SLA warning or breach tells the item's
 * assignee (nobody assigned: its team's members); an approval asks its approver.
 */
@Component
class NotificationListeners {

    private final Notifications notifications;
    private final OrgChart org;
    private final Approvals approvals;

    NotificationListeners(Notifications notifications, OrgChart org, Approvals approvals) {
        this.notifications = notifications;
        this.org = org;
        this.approvals = approvals;
    }

    @EventListener
    void on(SlaEvent event) {
        List<UUID> people = event.assigneeId() != null ? List.of(event.assigneeId())
                : org.membersOfTeam(event.teamId()).stream().map(OrgChart.Person::id).toList();
        String title = ("breach".equals(event.kind()) ? "SLA breached: " : "SLA warning: ") + event.key() + " "
                + event.metricName();
        notifications.tell(people, "sla-" + event.kind(), title, "/items/" + event.key());
    }

    @EventListener
    void on(ApprovalAsked asked) {
        approvals.titleOf(asked.approvalId()).ifPresent(title ->
                notifications.tell(List.of(asked.approver()), "approval-asked", "Approval needed: " + title,
                        "/approvals/" + asked.approvalId()));
    }
}
