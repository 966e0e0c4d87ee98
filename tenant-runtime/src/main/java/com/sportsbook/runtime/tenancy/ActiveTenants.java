package com.sportsbook.runtime.tenancy;

import com.sportsbook.commons.TenantStatus;
import com.sportsbook.commons.routing.TenantRoute;
import java.util.List;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * The tenants that serve traffic now, for background work that runs for each of them (ledger checks, bet delays,
 * automatic cash-outs, feed ingestion): each run is bound to its tenant, and one tenant's failure is logged and does
 * not stop the others.
 */
@Component
public class ActiveTenants {

    private static final Logger log = LoggerFactory.getLogger(ActiveTenants.class);

    private final TenantDirectory directory;

    public ActiveTenants(TenantDirectory directory) {
        this.directory = directory;
    }

    public List<BoundTenant> list() {
        return directory.tenants().stream()
                .filter(route -> TenantStatus.fromWireName(route.status()) == TenantStatus.ACTIVE)
                .map(TenantRoute::slug)
                .map(BoundTenant::of)
                .toList();
    }

    /** Runs {@code work} bound to each active tenant in turn; {@code what} names it in the log of a failure. */
    public void forEach(String what, Consumer<BoundTenant> work) {
        for (BoundTenant tenant : list()) {
            try {
                TenantContext.runAs(tenant, () -> work.accept(tenant));
            } catch (RuntimeException e) {
                log.error("{} could not run for tenant {}", what, tenant.slug().value(), e);
            }
        }
    }
}
