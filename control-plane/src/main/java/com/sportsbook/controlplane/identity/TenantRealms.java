package com.sportsbook.controlplane.identity;

import com.sportsbook.commons.identity.TenantRealm;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;

/** The identity module's API: each tenant's realm, kept in line with its brands, and disabled at offboarding. */
@Service
public class TenantRealms {

    private static final Logger log = LoggerFactory.getLogger(TenantRealms.class);

    private final KeycloakRealms realms;
    private final IdentitySettings settings;

    TenantRealms(KeycloakRealms realms, IdentitySettings settings) {
        this.realms = realms;
        this.settings = settings;
    }

    public static String realmOf(String tenantSlug) {
        return RealmBlueprint.realmOf(tenantSlug);
    }

    /** Creates or updates the tenant's realm; redirect URIs follow the brand hosts. Idempotent. */
    public void ensureTenantRealm(String tenantSlug, String displayName, List<String> brandHosts) {
        realms.reconcile(RealmBlueprint.forTenant(tenantSlug, displayName, brandHosts, settings.devRedirectPorts(),
                settings.directGrantForTests()));
        log.info("realm {} is in line with tenant {} ({} hosts)", realmOf(tenantSlug), tenantSlug, brandHosts.size());
    }

    /** Offboarding: nobody can sign in to the tenant's brands any more; the realm and its users are kept. */
    public void disableTenantRealm(String tenantSlug) {
        realms.setEnabled(realmOf(tenantSlug), false);
    }

    /** The runtime's credentials for the tenant's realm (Keycloak keeps the secret; nothing stores a copy). */
    public Optional<ServiceCredentials> runtimeCredentials(String tenantSlug) {
        String realm = realmOf(tenantSlug);
        return realms.clientSecret(realm, TenantRealm.RUNTIME_CLIENT)
                .map(secret -> new ServiceCredentials(realm, TenantRealm.RUNTIME_CLIENT, secret));
    }

    public record ServiceCredentials(String realm, String clientId, String clientSecret) {
    }

    public void ensurePlatformRealm() {
        realms.reconcile(RealmBlueprint.forPlatform(settings.platformHosts(), settings.devRedirectPorts(),
                settings.directGrantForTests()));
    }
}
