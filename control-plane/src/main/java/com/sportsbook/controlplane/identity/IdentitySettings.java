package com.sportsbook.controlplane.identity;

import java.net.URI;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * @param keycloakUrl the Keycloak server holding the realms
 * @param adminRealm the realm the admin account lives in
 * @param adminClientId the client the admin logs in with
 * @param adminUsername the admin account (from a secret in production; a marked dev default only in embedded mode)
 * @param adminPassword its password
 * @param directGrantForTests whether the realms' clients allow the password grant. Test realms only: real skins
 *     use the authorization code flow with PKCE
 * @param devRedirectPorts extra ports accepted in redirect URIs of {@code *.localhost} hosts (the local gateway)
 * @param platformHosts hosts of the operator portal and the platform console
 */
@ConfigurationProperties("control-plane.identity")
record IdentitySettings(
        URI keycloakUrl,
        String adminRealm,
        String adminClientId,
        String adminUsername,
        String adminPassword,
        boolean directGrantForTests,
        List<Integer> devRedirectPorts,
        List<String> platformHosts) {
}
