package io.worklane.fulfilment;

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
 * The durable jobs of fulfilment (ADR 0016, 0017): advancing a run to its next stage, and one
 * automated step's call, retried with exponential backoff (1 s, 2 s, 4 s, …) until the step's own
 * attempt count says it failed. The engine is looked up lazily: the scheduler needs these tasks
 * before the engine, which needs the scheduler, exists.
 */
@Configuration
class FulfilmentJobs {

    static final String ADVANCE = "fulfilment-advance";
    static final String CALL = "fulfilment-call";

    @Bean
    OneTimeTask<Job> fulfilmentAdvance(ObjectProvider<TenantManagement> tenants, ObjectProvider<FulfilmentEngine> engine) {
        return TenantJobs.task(ADVANCE, tenants, (job, context) -> engine.getObject().advance(requestOf(job)));
    }

    @Bean
    OneTimeTask<Job> fulfilmentCall(ObjectProvider<TenantManagement> tenants, ObjectProvider<FulfilmentEngine> engine) {
        return TenantJobs.task(CALL, tenants,
                new FailureHandler.ExponentialBackoffFailureHandler<>(Duration.ofSeconds(1), 2.0),
                (job, context) -> engine.getObject().call(requestOf(job), Integer.parseInt(job.subject().split("/")[2])));
    }

    /** Job subjects start with the request id: {@code <request>/advance/<why>}, {@code <request>/call/<position>}. */
    static UUID requestOf(Job job) {
        return UUID.fromString(job.subject().split("/")[0]);
    }
}
