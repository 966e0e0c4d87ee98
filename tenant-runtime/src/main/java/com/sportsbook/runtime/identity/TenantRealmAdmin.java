package com.sportsbook.runtime.identity;

import com.sportsbook.commons.identity.KeycloakAdminConnection;
import com.sportsbook.commons.identity.TenantRealm;
import org.keycloak.admin.client.resource.RealmResource;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.stereotype.Component;

/** Admin access to a tenant's realm, for creating and managing its users. */
@Component
class TenantRealmAdmin implements DisposableBean {

    private final KeycloakAdminConnection admin;

    TenantRealmAdmin(IdentitySettings settings) {
        this.admin = new KeycloakAdminConnection(settings.keycloakUrl(), settings.adminRealm(), settings.adminClientId(),
                settings.adminUsername(), settings.adminPassword());
    }

    RealmResource realm(String tenant) {
        return admin.realm(TenantRealm.nameOf(tenant));
    }

    @Override
    public void destroy() {
        admin.close();
    }
}
