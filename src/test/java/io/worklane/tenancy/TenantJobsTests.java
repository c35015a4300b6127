package io.worklane.tenancy;

import com.github.kagkarlsson.scheduler.SchedulerClient;
import com.github.kagkarlsson.scheduler.task.helper.OneTimeTask;
import io.worklane.support.TestTenants;
import io.worklane.support.WorklaneTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

import java.time.Instant;
import java.util.HashSet;
import java.util.Set;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Durable jobs on db-scheduler (ADR 0016): scheduled as part of the caller's transaction, run once,
 * each in its own tenant's schema.
 */
@WorklaneTest
class TenantJobsTests {

    /** What the test job saw: its subject and the schema its SQL reached. */
    static final BlockingQueue<String> RAN = new LinkedBlockingQueue<>();

    @TestConfiguration
    static class EchoJob {
        @Bean
        OneTimeTask<TenantJobs.Job> echo(ObjectProvider<TenantManagement> tenants, JdbcClient jdbc) {
            return TenantJobs.task("test-echo", tenants, (job, context) ->
                    RAN.add(job.subject() + " in " + jdbc.sql("select current_schema()").query(String.class).single()));
        }
    }

    @Autowired
    SchedulerClient scheduler;

    @Autowired
    OneTimeTask<TenantJobs.Job> echo;

    @Autowired
    TransactionTemplate transactions;

    @Autowired
    TestTenants tenants;

    @Test
    void aJobRunsOnceInItsTenantsSchemaOnlyIfTheTransactionThatScheduledItCommits() throws InterruptedException {
        Tenant acme = tenants.stamp("jobs");
        Tenant globex = tenants.stamp("jobs");
        Instant now = Instant.now();

        transactions.executeWithoutResult(tx -> {
            scheduler.scheduleIfNotExists(TenantJobs.instance(echo, acme, "rolled back", now));
            tx.setRollbackOnly();
        });
        transactions.executeWithoutResult(tx -> {
            scheduler.scheduleIfNotExists(TenantJobs.instance(echo, acme, "committed", now));
            // The same subject again is the same job.
            scheduler.scheduleIfNotExists(TenantJobs.instance(echo, acme, "committed", now));
            scheduler.scheduleIfNotExists(TenantJobs.instance(echo, globex, "committed", now));
        });

        Set<String> ran = new HashSet<>();
        for (int n = 0; n < 2; n++) {
            ran.add(RAN.poll(30, TimeUnit.SECONDS));
        }
        assertThat(ran).containsExactlyInAnyOrder("committed in " + acme.schema(), "committed in " + globex.schema());
        assertThat(scheduler.getScheduledExecutions()).noneMatch(e -> e.getTaskInstance().getId().contains("rolled back"));
        assertThat(RAN).isEmpty();
    }
}
