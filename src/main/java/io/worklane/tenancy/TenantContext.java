package io.worklane.tenancy;

import java.util.Optional;
import java.util.concurrent.Callable;

/**
 * The tenant the current thread works for. Set once at the edge (per request) or explicitly around
 * background work from the tenant id that the job or event carries; always cleared afterwards, so no
 * work ever inherits a leftover tenant.
 */
public final class TenantContext {

    private static final ThreadLocal<Tenant> CURRENT = new ThreadLocal<>();

    private TenantContext() {
    }

    public static Optional<Tenant> current() {
        return Optional.ofNullable(CURRENT.get());
    }

    public static Tenant require() {
        Tenant tenant = CURRENT.get();
        if (tenant == null) {
            throw new IllegalStateException("No tenant in this context");
        }
        return tenant;
    }

    public static <T> T callAs(Tenant tenant, Callable<T> work) throws Exception {
        Tenant previous = CURRENT.get();
        CURRENT.set(tenant);
        try {
            return work.call();
        } finally {
            if (previous == null) {
                CURRENT.remove();
            } else {
                CURRENT.set(previous);
            }
        }
    }

    /** Like {@link #callAs} for work that throws no checked exception. */
    public static <T> T callUnchecked(Tenant tenant, java.util.function.Supplier<T> work) {
        try {
            return callAs(tenant, work::get);
        } catch (RuntimeException e) {
            throw e;
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    public static void runAs(Tenant tenant, Runnable work) {
        try {
            callAs(tenant, () -> {
                work.run();
                return null;
            });
        } catch (RuntimeException e) {
            throw e;
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
