package com.sportsbook.runtime.tenancy;

import com.sportsbook.commons.TenantSlug;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.IntSupplier;
import java.util.function.LongSupplier;

/**
 * The pace of a periodic job that runs for each active tenant (the audit sealer, the receipt signer): it ticks often,
 * so that a busy tenant's work is done in many small passes instead of a few large ones, but a tenant whose last pass
 * found nothing to do rests for the idle period, so that a platform of many quiet tenants is not polled at the busy
 * pace. Time is the JVM's monotonic clock, not the business clock tests move.
 */
public final class TenantPace {

    private final long idleNanos;
    private final LongSupplier nanoTime;
    private final Map<TenantSlug, Long> restingUntil = new ConcurrentHashMap<>();

    public TenantPace(Duration idle) {
        this(idle, System::nanoTime);
    }

    TenantPace(Duration idle, LongSupplier nanoTime) {
        this.idleNanos = idle.toNanos();
        this.nanoTime = nanoTime;
    }

    /** Runs one pass for the tenant unless it is resting; {@code pass} returns how many items it handled. */
    public void runIfDue(BoundTenant tenant, IntSupplier pass) {
        Long until = restingUntil.get(tenant.slug());
        long now = nanoTime.getAsLong();
        if (until != null && now - until < 0) {
            return;
        }
        int handled = pass.getAsInt();
        if (handled > 0) {
            restingUntil.remove(tenant.slug());
        } else {
            restingUntil.put(tenant.slug(), nanoTime.getAsLong() + idleNanos);
        }
    }
}
