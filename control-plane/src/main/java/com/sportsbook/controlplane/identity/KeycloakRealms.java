package com.sportsbook.controlplane.identity;

import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.core.Response;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import com.sportsbook.commons.identity.KeycloakAdminConnection;
import org.keycloak.admin.client.Keycloak;
import org.keycloak.admin.client.resource.AuthenticationManagementResource;
import org.keycloak.admin.client.resource.RealmResource;
import org.keycloak.representations.idm.AuthenticationExecutionInfoRepresentation;
import org.keycloak.representations.idm.AuthenticationFlowRepresentation;
import org.keycloak.representations.idm.AuthenticatorConfigRepresentation;
import org.keycloak.representations.idm.ClientRepresentation;
import org.keycloak.representations.idm.RealmRepresentation;
import org.keycloak.representations.idm.RoleRepresentation;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.stereotype.Component;

/**
 * Makes a live Keycloak realm match a {@link RealmBlueprint}: creates what is missing, updates what differs, and is
 * safe to run again at any point (a provisioning step may be retried after a crash half-way through).
 */
@Component
class KeycloakRealms implements DisposableBean {

    /** Versioned: a change to a flow ships as a new alias, so an existing flow is never edited under live logins. */
    static final String BROWSER_FLOW = "sportsbook-browser-v2";
    static final String DIRECT_GRANT_FLOW = "sportsbook-direct-grant-v2";

    private final KeycloakAdminConnection admin;

    KeycloakRealms(IdentitySettings settings) {
        this.admin = new KeycloakAdminConnection(settings.keycloakUrl(), settings.adminRealm(), settings.adminClientId(),
                settings.adminUsername(), settings.adminPassword());
    }

    void reconcile(RealmBlueprint blueprint) {
        RealmResource realm = ensureRealmExists(blueprint.realm());
        ensureRoles(realm, blueprint);
        ensureFlow(realm.flows(), BROWSER_FLOW, false);
        ensureFlow(realm.flows(), DIRECT_GRANT_FLOW, true);
        RealmRepresentation representation = realm.toRepresentation();
        applyPolicies(representation, blueprint);
        realm.update(representation);
        for (RealmBlueprint.ClientSpec client : blueprint.clients()) {
            ensureClient(realm, client);
        }
        for (RealmBlueprint.ServiceClientSpec client : blueprint.serviceClients()) {
            ensureServiceClient(realm, client);
        }
    }

    /** The secret of a confidential client, as Keycloak holds it; empty when the realm or client does not exist. */
    Optional<String> clientSecret(String realmName, String clientId) {
        return find(realmName).flatMap(realm -> realm.clients().findByClientId(clientId).stream().findFirst()
                .map(client -> realm.clients().get(client.getId()).getSecret().getValue()));
    }

    RealmResource platformRealm() {
        return keycloak().realm(RealmBlueprint.PLATFORM_REALM);
    }

    void setEnabled(String realmName, boolean enabled) {
        RealmResource realm = keycloak().realm(realmName);
        RealmRepresentation representation = realm.toRepresentation();
        representation.setEnabled(enabled);
        realm.update(representation);
    }

    Optional<RealmResource> find(String realmName) {
        RealmResource realm = keycloak().realm(realmName);
        try {
            realm.toRepresentation();
            return Optional.of(realm);
        } catch (NotFoundException e) {
            return Optional.empty();
        }
    }

    private RealmResource ensureRealmExists(String realmName) {
        Optional<RealmResource> existing = find(realmName);
        if (existing.isPresent()) {
            return existing.get();
        }
        RealmRepresentation realm = new RealmRepresentation();
        realm.setRealm(realmName);
        realm.setEnabled(true);
        try {
            keycloak().realms().create(realm);
        } catch (jakarta.ws.rs.ClientErrorException e) {
            if (e.getResponse().getStatus() != 409) {
                throw e;
            }
        }
        return keycloak().realm(realmName);
    }

    private static void ensureRoles(RealmResource realm, RealmBlueprint blueprint) {
        ensureRole(realm, RealmBlueprint.STAFF_MARKER_ROLE, "Marker of every staff role: staff sign in with OTP");
        for (String role : blueprint.roles()) {
            ensureRole(realm, role, null);
        }
        RoleRepresentation staff = realm.roles().get(RealmBlueprint.STAFF_MARKER_ROLE).toRepresentation();
        for (String role : blueprint.staffRoles()) {
            var resource = realm.roles().get(role);
            boolean hasMarker = resource.getRealmRoleComposites().stream()
                    .anyMatch(composite -> composite.getName().equals(RealmBlueprint.STAFF_MARKER_ROLE));
            if (!hasMarker) {
                resource.addComposites(List.of(staff));
            }
        }
    }

    private static void ensureRole(RealmResource realm, String name, String description) {
        try {
            realm.roles().get(name).toRepresentation();
        } catch (NotFoundException missing) {
            RoleRepresentation role = new RoleRepresentation();
            role.setName(name);
            role.setDescription(description);
            realm.roles().create(role);
        }
    }

    /**
     * Password (or cookie), then OTP when the user holds the staff marker role, or, for everyone else, when they
     * have set up OTP themselves. OTP is REQUIRED inside the staff branch, so a staff account without an OTP
     * credential is sent to set one up (browser) or refused (direct grant). The two branches exclude each other:
     * Keycloak does not accept one code twice, so a staff member with OTP must not meet both.
     */
    private static void ensureFlow(AuthenticationManagementResource flows, String alias, boolean directGrant) {
        if (flows.getFlows().stream().anyMatch(flow -> flow.getAlias().equals(alias))) {
            return;
        }
        AuthenticationFlowRepresentation top = new AuthenticationFlowRepresentation();
        top.setAlias(alias);
        top.setDescription(directGrant ? "Password grant with OTP for staff" : "Browser login with OTP for staff");
        top.setProviderId("basic-flow");
        top.setTopLevel(true);
        top.setBuiltIn(false);
        try (Response ignored = flows.createFlow(top)) {
            // created
        }
        String otp = directGrant ? "direct-grant-validate-otp" : "auth-otp-form";
        String credentials;
        if (directGrant) {
            flows.addExecution(alias, Map.of("provider", "direct-grant-validate-username"));
            flows.addExecution(alias, Map.of("provider", "direct-grant-validate-password"));
            credentials = alias;
        } else {
            flows.addExecution(alias, Map.of("provider", "auth-cookie"));
            credentials = alias + " forms";
            addSubflow(flows, alias, credentials);
            flows.addExecution(credentials, Map.of("provider", "auth-username-password-form"));
        }
        String staffOtp = alias + " staff otp";
        addSubflow(flows, credentials, staffOtp);
        flows.addExecution(staffOtp, Map.of("provider", "conditional-user-role"));
        flows.addExecution(staffOtp, Map.of("provider", otp));
        String ownOtp = alias + " own otp";
        addSubflow(flows, credentials, ownOtp);
        flows.addExecution(ownOtp, Map.of("provider", "conditional-user-role"));
        flows.addExecution(ownOtp, Map.of("provider", "conditional-user-configured"));
        flows.addExecution(ownOtp, Map.of("provider", otp));

        for (AuthenticationExecutionInfoRepresentation execution : flows.getExecutions(alias)) {
            String requirement;
            if (Boolean.TRUE.equals(execution.getAuthenticationFlow())) {
                requirement = execution.getDisplayName().equals(credentials) ? "ALTERNATIVE" : "CONDITIONAL";
            } else {
                requirement = "auth-cookie".equals(execution.getProviderId()) ? "ALTERNATIVE" : "REQUIRED";
            }
            execution.setRequirement(requirement);
            flows.updateExecutions(alias, execution);
        }
        configureStaffCondition(flows, staffOtp, false);
        configureStaffCondition(flows, ownOtp, true);
    }

    /** The staff-role condition of a branch: holds for staff, or (negated) for everyone but staff. */
    private static void configureStaffCondition(AuthenticationManagementResource flows, String subflow, boolean negate) {
        AuthenticationExecutionInfoRepresentation condition = flows.getExecutions(subflow).stream()
                .filter(execution -> "conditional-user-role".equals(execution.getProviderId()))
                .findFirst()
                .orElseThrow();
        AuthenticatorConfigRepresentation config = new AuthenticatorConfigRepresentation();
        config.setAlias(subflow + (negate ? " not staff" : " staff"));
        config.setConfig(Map.of("condUserRole", RealmBlueprint.STAFF_MARKER_ROLE, "negate", Boolean.toString(negate)));
        try (Response ignored = flows.newExecutionConfig(condition.getId(), config)) {
            // configured
        }
    }

    private static void addSubflow(AuthenticationManagementResource flows, String parent, String alias) {
        Map<String, Object> subflow = new HashMap<>();
        subflow.put("alias", alias);
        subflow.put("type", "basic-flow");
        subflow.put("description", alias);
        subflow.put("provider", "registration-page-form");
        flows.addExecutionFlow(parent, subflow);
    }

    private static void applyPolicies(RealmRepresentation realm, RealmBlueprint blueprint) {
        RealmBlueprint.Policies policies = blueprint.policies();
        realm.setEnabled(true);
        realm.setDisplayName(blueprint.displayName());
        realm.setSslRequired("external");
        realm.setRegistrationAllowed(false);
        realm.setLoginWithEmailAllowed(true);
        realm.setDuplicateEmailsAllowed(false);
        realm.setResetPasswordAllowed(true);
        realm.setPasswordPolicy(policies.passwordPolicy());
        realm.setBruteForceProtected(true);
        realm.setPermanentLockout(false);
        realm.setFailureFactor(policies.failureFactor());
        realm.setWaitIncrementSeconds(policies.waitIncrementSeconds());
        realm.setMaxFailureWaitSeconds(policies.maxFailureWaitSeconds());
        realm.setMaxDeltaTimeSeconds(policies.maxDeltaTimeSeconds());
        realm.setOtpPolicyType("totp");
        realm.setOtpPolicyDigits(policies.otpDigits());
        realm.setOtpPolicyPeriod(policies.otpPeriodSeconds());
        realm.setAccessTokenLifespan(policies.accessTokenLifespanSeconds());
        realm.setSsoSessionIdleTimeout(policies.ssoSessionIdleSeconds());
        realm.setSsoSessionMaxLifespan(policies.ssoSessionMaxSeconds());
        realm.setBrowserFlow(BROWSER_FLOW);
        realm.setDirectGrantFlow(DIRECT_GRANT_FLOW);
    }

    private static void ensureClient(RealmResource realm, RealmBlueprint.ClientSpec spec) {
        List<ClientRepresentation> found = realm.clients().findByClientId(spec.clientId());
        ClientRepresentation client = found.isEmpty() ? new ClientRepresentation() : found.getFirst();
        client.setClientId(spec.clientId());
        client.setName(spec.name());
        client.setProtocol("openid-connect");
        client.setPublicClient(true);
        client.setStandardFlowEnabled(true);
        client.setImplicitFlowEnabled(false);
        client.setServiceAccountsEnabled(false);
        client.setDirectAccessGrantsEnabled(spec.directGrant());
        client.setRedirectUris(spec.redirectUris());
        client.setWebOrigins(List.of("+"));
        Map<String, String> attributes = client.getAttributes() == null ? new HashMap<>() : new HashMap<>(client.getAttributes());
        attributes.put("pkce.code.challenge.method", "S256");
        attributes.put("post.logout.redirect.uris", "+");
        client.setAttributes(attributes);
        if (found.isEmpty()) {
            try (Response ignored = realm.clients().create(client)) {
                // created
            }
        } else {
            realm.clients().get(client.getId()).update(client);
        }
    }

    private static void ensureServiceClient(RealmResource realm, RealmBlueprint.ServiceClientSpec spec) {
        List<ClientRepresentation> found = realm.clients().findByClientId(spec.clientId());
        ClientRepresentation client = found.isEmpty() ? new ClientRepresentation() : found.getFirst();
        client.setClientId(spec.clientId());
        client.setName(spec.name());
        client.setProtocol("openid-connect");
        client.setPublicClient(false);
        client.setClientAuthenticatorType("client-secret");
        client.setServiceAccountsEnabled(true);
        client.setStandardFlowEnabled(false);
        client.setImplicitFlowEnabled(false);
        client.setDirectAccessGrantsEnabled(false);
        String id;
        if (found.isEmpty()) {
            try (Response created = realm.clients().create(client)) {
                id = created.getLocation().getPath().replaceAll(".*/", "");
            }
        } else {
            id = client.getId();
            realm.clients().get(id).update(client);
        }
        var serviceAccount = realm.clients().get(id).getServiceAccountUser();
        ClientRepresentation management = realm.clients().findByClientId("realm-management").getFirst();
        var assigned = realm.users().get(serviceAccount.getId()).roles().clientLevel(management.getId());
        List<String> held = assigned.listAll().stream().map(RoleRepresentation::getName).toList();
        List<RoleRepresentation> missing = spec.realmManagementRoles().stream()
                .filter(role -> !held.contains(role))
                .map(role -> realm.clients().get(management.getId()).roles().get(role).toRepresentation())
                .toList();
        if (!missing.isEmpty()) {
            assigned.add(missing);
        }
    }

    private Keycloak keycloak() {
        return admin.keycloak();
    }

    @Override
    public void destroy() {
        admin.close();
    }
}
