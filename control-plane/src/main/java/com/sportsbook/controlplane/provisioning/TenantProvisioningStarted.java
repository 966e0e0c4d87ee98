package com.sportsbook.controlplane.provisioning;

import com.sportsbook.controlplane.tenants.PlatformActor;
import java.util.List;
import java.util.UUID;

/** A tenant was registered with its first brand and its provisioning opened, in the same transaction. */
public record TenantProvisioningStarted(UUID tenantId, String tenant, String operatorName, String brand, List<String> hosts,
        List<String> jurisdictions, PlatformActor actor) {

    public TenantProvisioningStarted {
        hosts = List.copyOf(hosts);
        jurisdictions = List.copyOf(jurisdictions);
    }
}
