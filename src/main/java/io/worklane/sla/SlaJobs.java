package io.worklane.sla;

import com.github.kagkarlsson.scheduler.task.helper.OneTimeTask;
import io.worklane.tenancy.TenantJobs;
import io.worklane.tenancy.TenantJobs.Job;
import io.worklane.tenancy.TenantManagement;
import io.worklane.work.WorkItemEvents;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.event.EventListener;

import java.util.UUID;

/**
 * The durable job of SLA clocks (ADR 0016, 0019): refresh one item's clocks, after a change of the
 * item ({@code <item>/changed}, once however many changes come before it runs) or when a warning or
 * breach falls due ({@code <item>/at-<epoch ms>}). Item changes are heard here, in their transaction.
 */
@Configuration
class SlaJobs {

    private final ObjectProvider<SlaClocks> clocks;

    SlaJobs(ObjectProvider<SlaClocks> clocks) {
        this.clocks = clocks;
    }

    @Bean
    OneTimeTask<Job> slaRefresh(ObjectProvider<TenantManagement> tenants) {
        return TenantJobs.task("sla-refresh", tenants,
                (job, context) -> clocks.getObject().refresh(UUID.fromString(job.subject().split("/")[0])));
    }

    @Bean
    OneTimeTask<Job> slaRepair(ObjectProvider<TenantManagement> tenants) {
        return TenantJobs.task("sla-repair", tenants, (job, context) -> {
            String[] parts = job.subject().split("/");
            clocks.getObject().repairBatch(UUID.fromString(parts[0]), UUID.fromString(parts[1]));
        });
    }

    @EventListener
    void on(WorkItemEvents.WorkItemCreated created) {
        clocks.getObject().changed(created.item().value());
    }

    @EventListener
    void on(WorkItemEvents.WorkItemChanged changed) {
        clocks.getObject().changed(changed.item().value());
    }

    @EventListener
    void on(WorkItemEvents.WorkItemTransitioned moved) {
        clocks.getObject().changed(moved.item().value());
    }
}
