package com.sportsbook.controlplane.provisioning;

import com.sportsbook.commons.TenantStatus;
import com.sportsbook.controlplane.identity.TenantRealms;
import com.sportsbook.controlplane.tenants.TenantView;
import com.sportsbook.controlplane.tenants.Tenants;
import java.time.Duration;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Brings every live tenant's realm in line with the current blueprint once the control plane is up, so a realm
 * created by an older release gains what the blueprint added since (such as the runtime's service-account client)
 * without re-provisioning. Runs in the background and keeps trying while Keycloak is not up yet; one tenant's
 * failure does not stop the others.
 */
@Component
class RealmReconciliation {

    private static final Logger log = LoggerFactory.getLogger(RealmReconciliation.class);
    private static final Set<TenantStatus> LIVE = EnumSet.of(TenantStatus.ACTIVE, TenantStatus.SUSPENDED);
    private static final int ATTEMPTS = 60;

    private final Tenants tenants;
    private final TenantRealms realms;

    RealmReconciliation(Tenants tenants, TenantRealms realms) {
        this.tenants = tenants;
        this.realms = realms;
    }

    @EventListener(ApplicationReadyEvent.class)
    void reconcileLiveTenantsInBackground() {
        List<TenantView> live = tenants.list().stream().filter(tenant -> LIVE.contains(tenant.status())).toList();
        if (live.isEmpty()) {
            return;
        }
        Thread.ofPlatform().daemon().name("realm-reconciliation").start(() -> {
            for (TenantView tenant : live) {
                reconcile(tenant);
            }
            log.info("the realms of {} live tenants are in line with the blueprint", live.size());
        });
    }

    private void reconcile(TenantView tenant) {
        for (int attempt = 1; attempt <= ATTEMPTS; attempt++) {
            try {
                realms.ensureTenantRealm(tenant.slug(), tenant.brands().getFirst().name(),
                        tenant.brands().stream().flatMap(brand -> brand.hosts().stream()).toList());
                return;
            } catch (RuntimeException e) {
                log.info("realm of tenant {} not reconciled yet ({}); retrying", tenant.slug(), e.getMessage());
                try {
                    Thread.sleep(Duration.ofSeconds(5));
                } catch (InterruptedException interrupted) {
                    Thread.currentThread().interrupt();
                    return;
                }
            }
        }
        log.error("the realm of tenant {} could not be reconciled", tenant.slug());
    }
}
