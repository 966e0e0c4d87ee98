package com.sportsbook.controlplane.provisioning;

import com.sportsbook.commons.TenantStatus;
import com.sportsbook.controlplane.identity.TenantRealms;
import com.sportsbook.controlplane.tenants.PlatformActor;
import com.sportsbook.controlplane.tenants.Tenants;
import com.sportsbook.controlplane.tenants.TransitionResult;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;

/**
 * Starts a tenant's offboarding: its brands stop serving (the edge answers 503 within seconds) and nobody can sign
 * in to its realm any more. Data and accounts are kept for the retention the jurisdictions require; archiving
 * comes later.
 */
@Service
public class Offboarding {

    private static final Logger log = LoggerFactory.getLogger(Offboarding.class);

    private final Tenants tenants;
    private final TenantRealms realms;

    Offboarding(Tenants tenants, TenantRealms realms) {
        this.tenants = tenants;
        this.realms = realms;
    }

    public TransitionResult offboard(String tenant, PlatformActor actor) {
        TransitionResult result = tenants.moveTo(tenant, TenantStatus.OFFBOARDING, actor);
        if (result instanceof TransitionResult.Moved) {
            realms.disableTenantRealm(tenant);
            log.info("tenant {} is offboarding: brands closed, realm disabled", tenant);
        }
        return result;
    }
}
