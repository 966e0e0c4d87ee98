package com.sportsbook.commons.identity;

import java.net.URI;
import org.keycloak.OAuth2Constants;
import org.keycloak.admin.client.Keycloak;
import org.keycloak.admin.client.KeycloakBuilder;
import org.keycloak.admin.client.resource.RealmResource;

/**
 * An admin connection to Keycloak, opened on first use (Keycloak may start after the service) and shared by every
 * caller. The account comes from configuration or a secret; only the embedded mode has a marked dev default.
 */
public final class KeycloakAdminConnection implements AutoCloseable {

    private final URI serverUrl;
    private final String realm;
    private final String clientId;
    private final String username;
    private final String password;
    private volatile Keycloak client;

    public KeycloakAdminConnection(URI serverUrl, String realm, String clientId, String username, String password) {
        this.serverUrl = serverUrl;
        this.realm = realm;
        this.clientId = clientId;
        this.username = username;
        this.password = password;
    }

    public Keycloak keycloak() {
        Keycloak current = client;
        if (current == null) {
            synchronized (this) {
                if (client == null) {
                    client = KeycloakBuilder.builder()
                            .serverUrl(serverUrl.toString())
                            .realm(realm)
                            .grantType(OAuth2Constants.PASSWORD)
                            .clientId(clientId)
                            .username(username)
                            .password(password)
                            .build();
                }
                current = client;
            }
        }
        return current;
    }

    public RealmResource realm(String name) {
        return keycloak().realm(name);
    }

    @Override
    public void close() {
        Keycloak current = client;
        if (current != null) {
            current.close();
        }
    }
}
