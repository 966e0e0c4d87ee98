package com.sportsbook.commons.identity;

import java.net.URI;
import java.util.List;

/**
 * The identity contract every service shares: a tenant's Keycloak realm, the issuer of its tokens, and its roles.
 * The control plane creates realms to it; the gateway and the runtime check tokens and roles against it.
 */
public final class TenantRealm {

    public static final String PLAYER = "player";
    /** Every staff role; each is a composite of {@link #STAFF_MARKER}, so staff sign in with OTP. */
    public static final List<String> STAFF_ROLES =
            List.of("trader", "risk-manager", "compliance-officer", "support", "finance", "tenant-admin");
    public static final String STAFF_MARKER = "staff";
    /** The runtime's confidential client in each tenant realm; its service account manages that realm's users. */
    public static final String RUNTIME_CLIENT = "tenant-runtime";
    /** The public client players sign in with on a brand's skin (authorization code + PKCE). */
    public static final String SKIN_CLIENT = "skin";

    private TenantRealm() {
    }

    public static String nameOf(String tenantSlug) {
        return "tenant-" + tenantSlug;
    }

    /** The {@code iss} of the realm's tokens, for a Keycloak known by {@code keycloakUrl}. */
    public static String issuerOf(URI keycloakUrl, String tenantSlug) {
        return keycloakUrl.toString().replaceAll("/+$", "") + "/realms/" + nameOf(tenantSlug);
    }
}
