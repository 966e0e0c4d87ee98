package com.sportsbook.controlplane;

import java.net.URI;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * @param internalToken the token service-to-service calls under /internal carry
 * @param tokens how platform-realm tokens on the public API are checked
 */
@ConfigurationProperties("control-plane")
record ControlPlaneSettings(String internalToken, Tokens tokens) {

    /**
     * @param keycloakUrl the Keycloak base URL as it appears in the tokens' issuer
     * @param clockSkew how far past its expiry a token is still accepted (clock drift between servers)
     */
    record Tokens(URI keycloakUrl, Duration clockSkew) {
    }
}
