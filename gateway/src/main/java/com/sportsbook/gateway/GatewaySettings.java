package com.sportsbook.gateway;

import com.sportsbook.commons.identity.TenantRealm;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * @param controlPlaneUrl the control plane: platform hosts are routed there, and the routing directory is read there
 * @param runtimeUrl the tenant runtime (behind a load balancer in production)
 * @param internalToken the service token for the routing directory
 * @param signingSecret the secret tenant headers are signed with; the runtime holds the same
 * @param platformHosts hosts that reach the control plane (portal, platform console, public API)
 * @param directoryRefresh how often the routing directory is polled
 * @param keycloakUrl the Keycloak base URL as it appears in tokens' issuer
 * @param tokenClockSkew how far past its expiry a token is still accepted (clock drift between servers)
 * @param trustedProxies the deployment's own proxies in front of the gateway (a load balancer), as address ranges
 *     ({@code 10.0.0.0/8}, {@code 2001:db8::/32}, or single addresses): a request from one of them names its client in
 *     {@code X-Forwarded-For} ({@link ClientAddress}); none by default, so the socket's peer is the client
 */
@ConfigurationProperties("gateway")
record GatewaySettings(
        URI controlPlaneUrl,
        URI runtimeUrl,
        String internalToken,
        String signingSecret,
        List<String> platformHosts,
        Duration directoryRefresh,
        URI keycloakUrl,
        Duration tokenClockSkew,
        @DefaultValue List<String> trustedProxies) {

    String issuerOf(String tenantSlug) {
        return TenantRealm.issuerOf(keycloakUrl, tenantSlug);
    }
}
