package com.sportsbook.runtime.identity;

import com.sportsbook.commons.identity.TenantRealm;
import com.sportsbook.runtime.audit.AuditEntry;
import com.sportsbook.runtime.audit.AuditTrail;
import com.sportsbook.runtime.tenancy.TenantContext;
import jakarta.ws.rs.core.Response;
import java.security.SecureRandom;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.keycloak.admin.client.resource.RealmResource;
import org.keycloak.representations.idm.CredentialRepresentation;
import org.keycloak.representations.idm.RoleRepresentation;
import org.keycloak.representations.idm.UserRepresentation;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;

/**
 * A tenant admin invites staff with their roles. The account starts with a temporary password and must set a new
 * password and OTP at its first sign-in (staff roles require OTP). Until the platform sends mail, the temporary
 * password is shown once to the inviting admin, who hands it over out of band.
 */
@Service
class StaffInvitations {

    private static final Logger log = LoggerFactory.getLogger(StaffInvitations.class);
    static final Set<String> STAFF_ROLES = Set.copyOf(TenantRealm.STAFF_ROLES);
    private static final String ALPHABET = "ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz23456789";
    private static final SecureRandom RANDOM = new SecureRandom();

    record Invitation(String email, String firstName, String lastName, List<String> roles) {
    }

    sealed interface Outcome {
        record Invited(String id, String email, List<String> roles, List<String> requiredActions,
                String temporaryPassword) implements Outcome {
        }

        record UnknownRoles(List<String> roles) implements Outcome {
        }

        record EmailTaken() implements Outcome {
        }
    }

    private final TenantRealmAdmin realmAdmin;
    private final AuditTrail audit;

    StaffInvitations(TenantRealmAdmin realmAdmin, AuditTrail audit) {
        this.realmAdmin = realmAdmin;
        this.audit = audit;
    }

    Outcome invite(Invitation invitation) {
        List<String> unknown = invitation.roles().stream().filter(role -> !STAFF_ROLES.contains(role)).toList();
        if (!unknown.isEmpty()) {
            return new Outcome.UnknownRoles(unknown);
        }
        String tenant = TenantContext.require().slug().value();
        RealmResource realm = realmAdmin.realm(tenant);
        String temporaryPassword = temporaryPassword();
        UserRepresentation user = new UserRepresentation();
        user.setUsername(invitation.email().toLowerCase(Locale.ROOT));
        user.setEmail(invitation.email());
        user.setFirstName(invitation.firstName());
        user.setLastName(invitation.lastName());
        user.setEnabled(true);
        List<String> requiredActions = List.of("UPDATE_PASSWORD", "CONFIGURE_TOTP");
        user.setRequiredActions(requiredActions);
        CredentialRepresentation password = new CredentialRepresentation();
        password.setType(CredentialRepresentation.PASSWORD);
        password.setValue(temporaryPassword);
        password.setTemporary(true);
        user.setCredentials(List.of(password));
        String id;
        try (Response response = realm.users().create(user)) {
            if (response.getStatus() == 409) {
                return new Outcome.EmailTaken();
            }
            if (response.getStatus() != 201) {
                throw new IllegalStateException("Keycloak refused to create a staff account: HTTP " + response.getStatus());
            }
            id = response.getLocation().getPath().replaceAll(".*/", "");
        }
        List<RoleRepresentation> roles = invitation.roles().stream().map(role -> realm.roles().get(role).toRepresentation()).toList();
        realm.users().get(id).roles().realmLevel().add(roles);
        log.info("staff {} invited to tenant {} with roles {}", id, tenant, invitation.roles());
        audit.record(AuditEntry.of("staff.invited", id).with("email", invitation.email()).with("roles", invitation.roles()));
        return new Outcome.Invited(id, invitation.email(), invitation.roles(), requiredActions, temporaryPassword);
    }

    /** 20 characters from an unambiguous alphabet, with the classes the realm's password policy asks for. */
    static String temporaryPassword() {
        StringBuilder password = new StringBuilder("Aa1-");
        for (int i = 0; i < 16; i++) {
            password.append(ALPHABET.charAt(RANDOM.nextInt(ALPHABET.length())));
        }
        return password.toString();
    }
}
