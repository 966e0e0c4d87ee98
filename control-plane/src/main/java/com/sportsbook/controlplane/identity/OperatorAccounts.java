package com.sportsbook.controlplane.identity;

import com.sportsbook.commons.identity.PlatformRealm;
import jakarta.ws.rs.BadRequestException;
import jakarta.ws.rs.ClientErrorException;
import jakarta.ws.rs.core.Response;
import java.util.List;
import java.util.Optional;
import org.keycloak.admin.client.CreatedResponseUtil;
import org.keycloak.admin.client.resource.RealmResource;
import org.keycloak.admin.client.resource.UserResource;
import org.keycloak.representations.idm.CredentialRepresentation;
import org.keycloak.representations.idm.UserRepresentation;
import org.springframework.stereotype.Service;

/**
 * The identity module's API for self-service operator accounts in the platform realm. A signup creates the account
 * disabled, with the password the operator chose (Keycloak checks it against the realm's policy and keeps it; the
 * control plane never stores it); following the e-mailed link enables it with a verified e-mail address.
 */
@Service
public class OperatorAccounts {

    /** What creating a pending account came to. */
    public sealed interface Creation {
        record Created(String accountId) implements Creation {
        }

        record EmailTaken() implements Creation {
        }

        /** Keycloak's password policy refused it; {@code policy} is Keycloak's message key. */
        record PasswordRefused(String policy) implements Creation {
        }
    }

    private final KeycloakRealms realms;

    OperatorAccounts(KeycloakRealms realms) {
        this.realms = realms;
    }

    public Creation createPending(String email, String firstName, String lastName, String password) {
        RealmResource realm = realms.platformRealm();
        UserRepresentation user = new UserRepresentation();
        user.setUsername(email);
        user.setEmail(email);
        user.setFirstName(firstName);
        user.setLastName(lastName);
        user.setEnabled(false);
        user.setEmailVerified(false);
        String id;
        try (Response created = realm.users().create(user)) {
            if (created.getStatus() == 409) {
                return new Creation.EmailTaken();
            }
            id = CreatedResponseUtil.getCreatedId(created);
        }
        UserResource account = realm.users().get(id);
        CredentialRepresentation credential = new CredentialRepresentation();
        credential.setType(CredentialRepresentation.PASSWORD);
        credential.setTemporary(false);
        credential.setValue(password);
        try {
            account.resetPassword(credential);
        } catch (BadRequestException refused) {
            account.remove();
            return new Creation.PasswordRefused(policyMessage(refused));
        }
        account.roles().realmLevel().add(List.of(realm.roles().get(PlatformRealm.OPERATOR).toRepresentation()));
        return new Creation.Created(id);
    }

    /** The e-mail address is verified: the account may sign in from now on. Idempotent. */
    public void activate(String accountId) {
        UserResource account = realms.platformRealm().users().get(accountId);
        UserRepresentation user = account.toRepresentation();
        user.setEnabled(true);
        user.setEmailVerified(true);
        account.update(user);
    }

    /** A signup that was never verified and has expired gives its e-mail address back. */
    public void removePending(String accountId) {
        UserResource account = realms.platformRealm().users().get(accountId);
        try {
            if (!account.toRepresentation().isEnabled()) {
                account.remove();
            }
        } catch (jakarta.ws.rs.NotFoundException gone) {
            // already removed
        }
    }

    public Optional<String> findByEmail(String email) {
        return realms.platformRealm().users().searchByEmail(email, true).stream().findFirst().map(UserRepresentation::getId);
    }

    private static String policyMessage(ClientErrorException refused) {
        try {
            String body = refused.getResponse().readEntity(String.class);
            java.util.regex.Matcher matcher = java.util.regex.Pattern.compile("\"error(?:Message|_description)?\"\\s*:\\s*\"([^\"]+)\"")
                    .matcher(body);
            return matcher.find() ? matcher.group(1) : "invalidPassword";
        } catch (RuntimeException unreadable) {
            return "invalidPassword";
        }
    }
}
