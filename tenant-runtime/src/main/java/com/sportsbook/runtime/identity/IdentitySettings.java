package com.sportsbook.runtime.identity;

import com.sportsbook.commons.identity.TenantRealm;
import java.net.URI;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * @param keycloakUrl the Keycloak base URL as it appears in the tokens' issuer
 * @param clockSkew how far past its expiry a token is still accepted (clock drift between servers)
 * @param controlPlaneUrl where the tenant realm's service-account credentials are fetched (internal API)
 * @param internalToken the service token for that call
 * @param credentialsTtl how long fetched credentials are used before they are fetched again (secret rotation)
 */
@ConfigurationProperties("runtime.identity")
record IdentitySettings(URI keycloakUrl, Duration clockSkew, URI controlPlaneUrl, String internalToken,
        Duration credentialsTtl) {

    String issuerOf(String tenantSlug) {
        return TenantRealm.issuerOf(keycloakUrl, tenantSlug);
    }
}
