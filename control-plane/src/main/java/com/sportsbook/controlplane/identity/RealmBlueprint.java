package com.sportsbook.controlplane.identity;

import com.sportsbook.commons.identity.PlatformRealm;
import com.sportsbook.commons.identity.TenantRealm;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/**
 * What a realm must look like: its policies, clients and roles. Pure data, so the rules are tested without a server;
 * {@code KeycloakRealms} makes a live realm match it.
 */
record RealmBlueprint(
        String realm,
        String displayName,
        Policies policies,
        List<ClientSpec> clients,
        List<ServiceClientSpec> serviceClients,
        List<String> roles,
        List<String> staffRoles) {

    /** Realm roles of a tenant. Every role but {@code player} is a staff role and requires OTP. */
    static final List<String> TENANT_STAFF_ROLES = TenantRealm.STAFF_ROLES;
    static final List<String> TENANT_ROLES = Stream.concat(Stream.of(TenantRealm.PLAYER), TENANT_STAFF_ROLES.stream()).toList();
    static final List<String> PLATFORM_ROLES = PlatformRealm.ROLES;
    static final List<String> PLATFORM_STAFF_ROLES = PlatformRealm.STAFF_ROLES;
    /** The marker every staff role is a composite of; the OTP condition of the login flows keys on it. */
    static final String STAFF_MARKER_ROLE = TenantRealm.STAFF_MARKER;
    static final String PLATFORM_REALM = PlatformRealm.NAME;
    /**
     * The runtime's own account in a tenant's realm: it creates players and invites staff there, and can do nothing
     * in any other realm. Read-only realm view lets it resolve role names; no client or realm settings can change.
     */
    static final ServiceClientSpec RUNTIME_SERVICE_CLIENT = new ServiceClientSpec(TenantRealm.RUNTIME_CLIENT,
            "Tenant runtime (user management)", List.of("manage-users", "view-users", "query-users", "view-realm"));

    /** NIST SP 800-63B length over composition, plus what Keycloak can check cheaply. */
    static final String PASSWORD_POLICY =
            "length(10) and maxLength(128) and notUsername(undefined) and notEmail(undefined) and passwordHistory(3)"
                    + " and digits(1) and lowerCase(1) and upperCase(1)";

    /** Password, brute-force, OTP and session policies of a realm. */
    record Policies(String passwordPolicy, int failureFactor, int waitIncrementSeconds, int maxFailureWaitSeconds,
            int maxDeltaTimeSeconds, int otpDigits, int otpPeriodSeconds, int accessTokenLifespanSeconds,
            int ssoSessionIdleSeconds, int ssoSessionMaxSeconds) {
    }

    record ClientSpec(String clientId, String name, List<String> redirectUris, boolean directGrant) {
    }

    /** A confidential client with a service account holding these {@code realm-management} roles. */
    record ServiceClientSpec(String clientId, String name, List<String> realmManagementRoles) {
    }

    static String realmOf(String tenantSlug) {
        return TenantRealm.nameOf(tenantSlug);
    }

    static RealmBlueprint forTenant(String tenantSlug, String displayName, List<String> brandHosts,
            List<Integer> devPorts, boolean directGrant) {
        return new RealmBlueprint(realmOf(tenantSlug), displayName, standardPolicies(),
                List.of(new ClientSpec(TenantRealm.SKIN_CLIENT, "Brand skins", redirects(brandHosts, devPorts, "/*"), directGrant),
                        new ClientSpec("backoffice", "Back office", redirects(brandHosts, devPorts, "/backoffice/*"), directGrant)),
                List.of(RUNTIME_SERVICE_CLIENT), TENANT_ROLES, TENANT_STAFF_ROLES);
    }

    static RealmBlueprint forPlatform(List<String> platformHosts, List<Integer> devPorts, boolean directGrant) {
        return new RealmBlueprint(PLATFORM_REALM, "Sportsbook platform", standardPolicies(),
                List.of(new ClientSpec("portal", "Operator portal", redirects(platformHosts, devPorts, "/*"), directGrant),
                        new ClientSpec("console", "Platform console", redirects(platformHosts, devPorts, "/console/*"), directGrant)),
                List.of(), PLATFORM_ROLES, PLATFORM_STAFF_ROLES);
    }

    /** HTTPS on every host; plain HTTP on the local gateway's ports for {@code *.localhost} development hosts. */
    static List<String> redirects(List<String> hosts, List<Integer> devPorts, String path) {
        List<String> uris = new ArrayList<>();
        for (String host : hosts) {
            uris.add("https://" + host + path);
            if (host.endsWith(".localhost")) {
                for (Integer port : devPorts) {
                    uris.add("http://" + host + ":" + port + path);
                }
            }
        }
        return List.copyOf(uris);
    }

    private static Policies standardPolicies() {
        return new Policies(PASSWORD_POLICY, 5, 60, 900, 43_200, 6, 30, 300, 1800, 36_000);
    }
}
