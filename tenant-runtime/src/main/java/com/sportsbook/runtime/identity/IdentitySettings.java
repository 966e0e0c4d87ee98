package com.sportsbook.runtime.identity;

import com.sportsbook.commons.identity.TenantRealm;
import java.net.URI;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * @param keycloakUrl the Keycloak base URL as it appears in the tokens' issuer
 * @param adminRealm realm of the account that creates player accounts
 * @param adminClientId client that account signs in with
 * @param adminUsername that account (a marked dev default only in embedded mode)
 * @param adminPassword its password
 */
@ConfigurationProperties("runtime.identity")
record IdentitySettings(URI keycloakUrl, String adminRealm, String adminClientId, String adminUsername,
        String adminPassword) {

    String issuerOf(String tenantSlug) {
        return TenantRealm.issuerOf(keycloakUrl, tenantSlug);
    }
}
