package com.sportsbook.controlplane.tenants;

import java.util.List;
import java.util.UUID;

/** A live brand's settings were edited; {@code changed} names what the edit sent (name, branding, currencies, ...). */
public record BrandEdited(UUID tenantId, String tenant, String brand, List<String> changed, PlatformActor actor) {

    public BrandEdited {
        changed = List.copyOf(changed);
    }
}
