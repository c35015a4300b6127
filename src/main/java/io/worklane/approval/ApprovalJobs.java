package io.worklane.approval;

import com.github.kagkarlsson.scheduler.task.FailureHandler;
import com.github.kagkarlsson.scheduler.task.helper.OneTimeTask;
import io.worklane.tenancy.TenantJobs;
import io.worklane.tenancy.TenantJobs.Job;
import io.worklane.tenancy.TenantManagement;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import java.time.Duration;
import java.util.UUID;

/**
 * The durable jobs of approvals (ADR 0016, 0018): telling an approver they are asked (an e-mail,
 * retried with backoff while the mail server is away), and a stage's reminder and timeout, due when
 * the policy says. Each timer checks, under the approval's lock, that its stage is still the one
 * waiting, so a timer that fires after a decision does nothing.
 */
@Configuration
class ApprovalJobs {

    @Bean
    OneTimeTask<Job> approvalNotify(ObjectProvider<TenantManagement> tenants, ObjectProvider<ApprovalMail> mail) {
        return TenantJobs.task("approval-notify", tenants,
                new FailureHandler.MaxRetriesFailureHandler<>(8,
                        new FailureHandler.ExponentialBackoffFailureHandler<>(Duration.ofSeconds(5), 2.0)),
                (job, context) -> mail.getObject().send(id(job, 0), job.subject().split("/")[1]));
    }

    @Bean
    OneTimeTask<Job> approvalRemind(ObjectProvider<TenantManagement> tenants, ObjectProvider<ApprovalEngine> engine) {
        return TenantJobs.task("approval-remind", tenants,
                (job, context) -> engine.getObject().remind(id(job, 0), stage(job)));
    }

    @Bean
    OneTimeTask<Job> approvalTimeout(ObjectProvider<TenantManagement> tenants, ObjectProvider<ApprovalEngine> engine) {
        return TenantJobs.task("approval-timeout", tenants,
                (job, context) -> engine.getObject().timeout(id(job, 0), stage(job)));
    }

    /** Subjects: {@code <task>/ask}, {@code <task>/remind-<n>}, {@code <approval>/<stage>/remind|timeout}. */
    private static UUID id(Job job, int part) {
        return UUID.fromString(job.subject().split("/")[part]);
    }

    private static int stage(Job job) {
        return Integer.parseInt(job.subject().split("/")[1]);
    }
}
