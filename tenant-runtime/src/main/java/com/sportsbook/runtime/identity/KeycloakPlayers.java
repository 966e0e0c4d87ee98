package com.sportsbook.runtime.identity;

import com.sportsbook.commons.identity.TenantRealm;
import jakarta.ws.rs.core.Response;
import java.util.List;
import java.util.Map;
import org.keycloak.admin.client.resource.RealmResource;
import org.keycloak.representations.idm.CredentialRepresentation;
import org.keycloak.representations.idm.UserRepresentation;
import org.springframework.stereotype.Component;

/** Player users in the tenant's Keycloak realm: created at registration, disabled while an account is not active. */
@Component
class KeycloakPlayers {

    sealed interface Created {
        record User(String id) implements Created {
        }

        record EmailTaken() implements Created {
        }

        /** The realm's password policy refused the password; {@code reason} is Keycloak's message key. */
        record WeakPassword(String reason) implements Created {
        }
    }

    private final TenantRealmAdmin realmAdmin;

    KeycloakPlayers(TenantRealmAdmin realmAdmin) {
        this.realmAdmin = realmAdmin;
    }

    Created create(String tenant, PlayerRegistration registration) {
        UserRepresentation user = new UserRepresentation();
        user.setUsername(registration.email().toLowerCase(java.util.Locale.ROOT));
        user.setEmail(registration.email());
        user.setFirstName(registration.firstName());
        user.setLastName(registration.lastName());
        user.setEnabled(true);
        CredentialRepresentation password = new CredentialRepresentation();
        password.setType(CredentialRepresentation.PASSWORD);
        password.setValue(registration.password());
        password.setTemporary(false);
        user.setCredentials(List.of(password));
        RealmResource realm = realm(tenant);
        try (Response response = realm.users().create(user)) {
            if (response.getStatus() == 409) {
                return new Created.EmailTaken();
            }
            if (response.getStatus() == 400) {
                return new Created.WeakPassword(errorMessage(response));
            }
            if (response.getStatus() != 201) {
                throw new IllegalStateException("Keycloak refused to create a player: HTTP " + response.getStatus());
            }
            String id = response.getLocation().getPath().replaceAll(".*/", "");
            realm.users().get(id).roles().realmLevel().add(List.of(realm.roles().get(TenantRealm.PLAYER).toRepresentation()));
            return new Created.User(id);
        }
    }

    /** Compensation when the player record could not be stored after the user was created. */
    void delete(String tenant, String userId) {
        try (Response ignored = realm(tenant).users().delete(userId)) {
            // deleted
        }
    }

    /** A suspended, closed or self-excluded account cannot sign in, and its open sessions end now. */
    void setEnabled(String tenant, String userId, boolean enabled) {
        var user = realm(tenant).users().get(userId);
        UserRepresentation representation = user.toRepresentation();
        representation.setEnabled(enabled);
        user.update(representation);
        if (!enabled) {
            user.logout();
        }
    }

    /** Ends every Keycloak session of the user (refresh tokens included); the user may sign in again. */
    void endSessions(String tenant, String userId) {
        realm(tenant).users().get(userId).logout();
    }

    /** Ends one Keycloak session of the realm (sign-out); a session Keycloak no longer has is already ended. */
    void endSession(String tenant, String sessionId) {
        try {
            realm(tenant).deleteSession(sessionId, false);
        } catch (jakarta.ws.rs.NotFoundException alreadyGone) {
            // nothing to end
        }
    }

    private static String errorMessage(Response response) {
        try {
            @SuppressWarnings("unchecked")
            Map<String, Object> body = response.readEntity(Map.class);
            Object message = body.getOrDefault("errorMessage", body.get("error"));
            return message == null ? "refused by the password policy" : message.toString();
        } catch (RuntimeException unreadable) {
            return "refused by the password policy";
        }
    }

    private RealmResource realm(String tenant) {
        return realmAdmin.realm(tenant);
    }
}
