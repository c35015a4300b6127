package io.worklane.approval;

import io.worklane.approval.internal.ApprovalStore;
import io.worklane.approval.internal.ApprovalStore.Row;
import io.worklane.approval.internal.ApprovalStore.TaskRow;
import io.worklane.identity.OrgChart;
import io.worklane.identity.OrgChart.Person;
import io.worklane.tenancy.TenantContext;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.mail.SimpleMailMessage;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * Tells approvers they are asked: an e-mail with what is asked, and two links, approve and reject,
 * that work without signing in, once, for that person (ADR 0018). A delegate standing in for the
 * approver gets their own. Without a mail server configured ({@code spring.mail.host}), approvers
 * find their approvals in Worklane only.
 */
@Component
class ApprovalMail {

    private static final Logger log = LoggerFactory.getLogger(ApprovalMail.class);
    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("d MMM yyyy HH:mm 'UTC'").withZone(ZoneOffset.UTC);

    private final ApprovalStore store;
    private final OrgChart org;
    private final ApprovalLinks links;
    private final ObjectProvider<JavaMailSender> mailer;
    private final TransactionTemplate transactions;
    private final Clock clock;
    private final String baseUrl;
    private final String from;
    private final Duration linkValidity;

    ApprovalMail(ApprovalStore store, OrgChart org, ApprovalLinks links, ObjectProvider<JavaMailSender> mailer,
                 TransactionTemplate transactions, Clock clock, @Value("${worklane.base-url}") String baseUrl,
                 @Value("${worklane.mail.from}") String from,
                 @Value("${worklane.approvals.link-validity:P7D}") Duration linkValidity) {
        this.store = store;
        this.org = org;
        this.links = links;
        this.mailer = mailer;
        this.transactions = transactions;
        this.clock = clock;
        this.baseUrl = baseUrl.endsWith("/") ? baseUrl.substring(0, baseUrl.length() - 1) : baseUrl;
        this.from = from;
        this.linkValidity = linkValidity;
    }

    /** Sends the ask (or reminder) of a task that still waits; a failure is retried by its job. */
    void send(UUID taskId, String kind) {
        List<SimpleMailMessage> messages = transactions.execute(tx -> messages(taskId, kind.startsWith("remind")));
        JavaMailSender sender = mailer.getIfAvailable();
        if (messages.isEmpty()) {
            return;
        }
        if (sender == null) {
            log.info("No mail server configured (spring.mail.host): {} is not e-mailed about approval task {}",
                    String.join(", ", messages.stream().flatMap(m -> java.util.Arrays.stream(m.getTo())).toList()), taskId);
            return;
        }
        sender.send(messages.toArray(SimpleMailMessage[]::new));
    }

    private List<SimpleMailMessage> messages(UUID taskId, boolean reminder) {
        TaskRow task = store.task(taskId).orElse(null);
        if (task == null || !ApprovalEngine.PENDING.equals(task.status())) {
            return List.of();
        }
        Row approval = store.find(task.approvalId()).orElseThrow();
        Instant now = clock.instant();
        List<SimpleMailMessage> messages = new ArrayList<>();
        org.person(task.approver().id()).filter(Person::active)
                .ifPresent(approver -> messages.add(message(approval, task, approver, null, reminder, now)));
        for (UUID delegate : store.delegatesOf(task.approver().id(), now).stream()
                .filter(d -> !d.equals(approval.requester().id())).toList()) {
            org.person(delegate).filter(Person::active)
                    .ifPresent(person -> messages.add(message(approval, task, person, task.approver().name(), reminder, now)));
        }
        return messages;
    }

    private SimpleMailMessage message(Row approval, TaskRow task, Person to, String onBehalfOf, boolean reminder, Instant now) {
        Instant expires = now.plus(linkValidity);
        String tenant = baseUrl + "/t/" + TenantContext.require().slug();
        StringBuilder body = new StringBuilder();
        body.append(approval.requester().name()).append(" asks for approval: ").append(approval.title()).append("\n");
        if (onBehalfOf != null) {
            body.append("You are asked as ").append(onBehalfOf).append("'s delegate.\n");
        }
        body.append("\n");
        approval.details().forEach(d -> body.append(d.label()).append(": ").append(d.value()).append("\n"));
        body.append("\nApprove: ").append(tenant).append("/approvals/link/")
                .append(links.token(task.id(), to.id(), Decision.APPROVE, expires)).append("\n");
        body.append("Reject:  ").append(tenant).append("/approvals/link/")
                .append(links.token(task.id(), to.id(), Decision.REJECT, expires)).append("\n\n");
        body.append("Open in Worklane: ").append(tenant).append("/approvals/").append(approval.id()).append("\n\n");
        body.append("These links work once, for you only, until ").append(WHEN.format(expires)).append(".\n");
        SimpleMailMessage message = new SimpleMailMessage();
        message.setFrom(from);
        message.setTo(to.email());
        message.setSubject((reminder ? "Reminder: approval needed: " : "Approval needed: ") + approval.title());
        message.setText(body.toString());
        return message;
    }
}
