package com.sportsbook.runtime.identity;

import java.net.URI;
import org.springframework.boot.context.properties.ConfigurationProperties;

/** @param keycloakUrl the Keycloak base URL as it appears in the tokens' issuer */
@ConfigurationProperties("runtime.identity")
record IdentitySettings(URI keycloakUrl) {

    String issuerOf(String tenantSlug) {
        return keycloakUrl.toString().replaceAll("/+$", "") + "/realms/tenant-" + tenantSlug;
    }
}
