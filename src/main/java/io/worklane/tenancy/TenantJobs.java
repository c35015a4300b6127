package io.worklane.tenancy;

import com.github.kagkarlsson.scheduler.Scheduler;
import com.github.kagkarlsson.scheduler.task.ExecutionContext;
import com.github.kagkarlsson.scheduler.task.FailureHandler;
import com.github.kagkarlsson.scheduler.task.SchedulableInstance;
import com.github.kagkarlsson.scheduler.task.helper.OneTimeTask;
import com.github.kagkarlsson.scheduler.task.helper.Tasks;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

import java.io.Serializable;
import java.time.Instant;
import java.util.Optional;
import java.util.function.BiConsumer;

/**
 * Durable jobs that work for one tenant (ADR 0016). Their data names the tenant by slug, and each
 * runs with that tenant's context, so its SQL reaches that tenant's schema and no other. A job of a
 * tenant that is gone is dropped. Scheduling inside a transaction is part of it (db-scheduler's
 * starter makes its DataSource transaction-aware): a rolled-back order leaves no job behind.
 */
public final class TenantJobs {

    private static final Logger log = LoggerFactory.getLogger(TenantJobs.class);

    private TenantJobs() {
    }

    /**
     * What a job works on: its tenant and a subject the task understands (a request id, a step).
     * Serializable because db-scheduler stores job data with Java serialization; keep it to strings.
     */
    public record Job(String tenant, String subject) implements Serializable {

        public static Job of(Tenant tenant, String subject) {
            return new Job(tenant.slug(), subject);
        }

        /** The job's instance id: one job per tenant and subject, so scheduling it twice is idempotent. */
        public String instance() {
            return tenant + "/" + subject;
        }
    }

    /**
     * Schedules a job (once per instance id) and, when it is due, has this node look for due jobs as
     * soon as the caller's transaction commits: db-scheduler's own immediate check runs before the
     * commit and finds nothing, which left the job to the next poll.
     */
    public static boolean schedule(Scheduler scheduler, SchedulableInstance<Job> job) {
        boolean scheduled = scheduler.scheduleIfNotExists(job);
        if (TransactionSynchronizationManager.isSynchronizationActive()) {
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void afterCommit() {
                    scheduler.triggerCheckForDueExecutions();
                }
            });
        } else {
            scheduler.triggerCheckForDueExecutions();
        }
        return scheduled;
    }

    /** The job for {@code subject} of {@code tenant}, to schedule with db-scheduler's SchedulerClient. */
    public static SchedulableInstance<Job> instance(OneTimeTask<Job> task, Tenant tenant, String subject, Instant at) {
        Job job = Job.of(tenant, subject);
        return SchedulableInstance.of(task.instance(job.instance(), job), at);
    }

    /**
     * A one-time task named {@code name} that runs {@code work} as the job's tenant. The tenants are
     * looked up when a job runs: the scheduler is made early, before the beans that tenancy needs.
     */
    public static OneTimeTask<Job> task(String name, ObjectProvider<TenantManagement> tenants,
                                        BiConsumer<Job, ExecutionContext> work) {
        return task(name, tenants, null, work);
    }

    /** As {@link #task(String, ObjectProvider, BiConsumer)}, retried as {@code onFailure} says when the work throws. */
    public static OneTimeTask<Job> task(String name, ObjectProvider<TenantManagement> tenants, FailureHandler<Job> onFailure,
                                        BiConsumer<Job, ExecutionContext> work) {
        var builder = Tasks.oneTime(name, Job.class);
        if (onFailure != null) {
            builder = builder.onFailure(onFailure);
        }
        return builder.execute((instance, context) -> {
            Job job = instance.getData();
            Optional<Tenant> tenant = tenants.getObject().find(job.tenant());
            if (tenant.isEmpty()) {
                log.warn("Dropping job {} of tenant {}, which no longer exists", instance.getTaskAndInstance(), job.tenant());
                return;
            }
            TenantContext.runAs(tenant.get(), () -> work.accept(job, context));
        });
    }
}
