package com.sportsbook.runtime.identity;

import com.sportsbook.commons.TrustedHeaders;
import com.sportsbook.commons.identity.TenantRealm;
import java.time.Clock;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.keycloak.OAuth2Constants;
import org.keycloak.admin.client.Keycloak;
import org.keycloak.admin.client.KeycloakBuilder;
import org.keycloak.admin.client.resource.RealmResource;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.stereotype.Component;
import org.springframework.web.client.RestClient;

/**
 * Admin access to one tenant's realm, as that realm's own {@code tenant-runtime} service account (client
 * credentials): it manages users there and can touch no other realm. The credentials come from the control plane's
 * internal API and are kept for {@code credentialsTtl}, so a rotated secret is picked up without a restart.
 */
@Component
class TenantRealmAdmin implements DisposableBean {

    record ServiceCredentials(String realm, String clientId, String clientSecret) {
    }

    private record Session(Keycloak keycloak, Instant fetchedAt) {
    }

    private final IdentitySettings settings;
    private final RestClient controlPlane;
    private final Clock clock;
    private final Map<String, Session> sessions = new ConcurrentHashMap<>();

    TenantRealmAdmin(IdentitySettings settings, RestClient.Builder http, Clock clock) {
        this.settings = settings;
        this.clock = clock;
        this.controlPlane = http.clone()
                .baseUrl(settings.controlPlaneUrl().toString())
                .defaultHeader(TrustedHeaders.INTERNAL_TOKEN, settings.internalToken())
                .build();
    }

    RealmResource realm(String tenant) {
        Instant now = clock.instant();
        Session session = sessions.compute(tenant, (slug, current) -> {
            if (current != null && current.fetchedAt().plus(settings.credentialsTtl()).isAfter(now)) {
                return current;
            }
            if (current != null) {
                current.keycloak().close();
            }
            return new Session(connect(fetch(slug)), now);
        });
        return session.keycloak().realm(TenantRealm.nameOf(tenant));
    }

    private ServiceCredentials fetch(String tenant) {
        ServiceCredentials credentials = controlPlane.get().uri("/internal/tenants/{slug}/identity-client", tenant)
                .retrieve().body(ServiceCredentials.class);
        if (credentials == null || credentials.clientSecret() == null) {
            throw new IllegalStateException("the control plane has no runtime credentials for tenant " + tenant);
        }
        return credentials;
    }

    private Keycloak connect(ServiceCredentials credentials) {
        return KeycloakBuilder.builder()
                .serverUrl(settings.keycloakUrl().toString())
                .realm(credentials.realm())
                .grantType(OAuth2Constants.CLIENT_CREDENTIALS)
                .clientId(credentials.clientId())
                .clientSecret(credentials.clientSecret())
                .build();
    }

    @Override
    public void destroy() {
        sessions.values().forEach(session -> session.keycloak().close());
    }
}
