package com.sportsbook.runtime.identity;

import org.keycloak.OAuth2Constants;
import org.keycloak.admin.client.Keycloak;
import org.keycloak.admin.client.KeycloakBuilder;
import org.keycloak.admin.client.resource.RealmResource;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.stereotype.Component;

/** Admin access to a tenant's realm, for creating and managing its users. One client, opened on first use. */
@Component
class TenantRealmAdmin implements DisposableBean {

    private final IdentitySettings settings;
    private volatile Keycloak admin;

    TenantRealmAdmin(IdentitySettings settings) {
        this.settings = settings;
    }

    RealmResource realm(String tenant) {
        return keycloak().realm("tenant-" + tenant);
    }

    private Keycloak keycloak() {
        Keycloak current = admin;
        if (current == null) {
            synchronized (this) {
                if (admin == null) {
                    admin = KeycloakBuilder.builder()
                            .serverUrl(settings.keycloakUrl().toString())
                            .realm(settings.adminRealm())
                            .grantType(OAuth2Constants.PASSWORD)
                            .clientId(settings.adminClientId())
                            .username(settings.adminUsername())
                            .password(settings.adminPassword())
                            .build();
                }
                current = admin;
            }
        }
        return current;
    }

    @Override
    public void destroy() {
        if (admin != null) {
            admin.close();
        }
    }
}
