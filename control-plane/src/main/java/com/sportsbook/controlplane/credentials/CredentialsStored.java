package com.sportsbook.controlplane.credentials;

import com.sportsbook.controlplane.tenants.PlatformActor;
import java.util.Map;
import java.util.UUID;

/**
 * A tenant's credentials for a purpose were stored (replacing the previous ones). Carries only what the masked read
 * shows, each field's last four characters, never a secret.
 */
public record CredentialsStored(UUID tenantId, String tenant, String purpose, Map<String, String> lastFour,
        PlatformActor actor) {

    public CredentialsStored {
        lastFour = Map.copyOf(lastFour);
    }
}
